"""The components plugin: interface strings, the menu, the header logo, admonition titles, component markers and assets."""
