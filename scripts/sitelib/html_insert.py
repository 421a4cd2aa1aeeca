"""Put a component's HTML into rendered page content at a fixed place."""


def after_first_h1(content, fragment):
    """`fragment` right after the page's first </h1> (at the start when it has none)."""
    end = content.find("</h1>")
    if end < 0:
        return fragment + content
    end += len("</h1>")
    return content[:end] + "\n" + fragment + content[end:]
