"""Where the build puts the listen controls (scripts/sitelib/listen_controls.py): under
every <h2> with text to read, the rest of the page byte for byte as it was."""
from scripts.sitelib.listen_controls import with_listen_controls


def control(heading_id):
    return f"[listen {heading_id}]"


def test_a_control_under_every_heading_with_text_to_read():
    html = ('<h1>T</h1>\n<h2 id="a">A</h2>\n<p>text &amp; more<br>\nline</p>\n'
            '<h2 id="b">B</h2>\n<h2 id="c">C <em>x</em></h2>\n<ul class="site-language-list site-listen-skip"><li>x</li></ul>\n'
            '<div lang="nb"><h2 id="d">D</h2><img src="x.png" alt=""><p>d</p></div>\n'
            '<div><h2 id="e">E</h2></div><p>outside</p>\n<h2 id="f">F</h2>')
    out = with_listen_controls(html, control)
    assert out == ('<h1>T</h1>\n<h2 id="a">A</h2>[listen a]\n<p>text &amp; more<br>\nline</p>\n'
                   '<h2 id="b">B</h2>\n<h2 id="c">C <em>x</em></h2>\n<ul class="site-language-list site-listen-skip"><li>x</li></ul>\n'
                   '<div lang="nb"><h2 id="d">D</h2>[listen d]<img src="x.png" alt=""><p>d</p></div>\n'
                   '<div><h2 id="e">E</h2></div><p>outside</p>\n<h2 id="f">F</h2>')


def test_a_page_without_headings_is_left_as_it_is():
    html = "<h1>T</h1><p>x</p><script>var a = '<h2>';</script>"
    assert with_listen_controls(html, control) == html
