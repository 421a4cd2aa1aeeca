"""Templates are compiled once per process (scripts/sitelib/template_cache.py), yet an
edited template, or one that escapes where the other did not, is compiled again."""
import pytest
from jinja2 import DictLoader, Environment

from scripts.sitelib.template_cache import MemoryBytecodeCache


def environment(cache, source, autoescape=False):
    return Environment(loader=DictLoader({"page.html": source}), bytecode_cache=cache, autoescape=autoescape)


def no_compiling(env):
    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")
    env.compile = refuse
    return env


def test_a_second_environment_reuses_the_compiled_template():
    cache = MemoryBytecodeCache()
    assert environment(cache, "<p>{{ word }}</p>").get_template("page.html").render(word="hei") == "<p>hei</p>"
    again = no_compiling(environment(cache, "<p>{{ word }}</p>"))
    assert again.get_template("page.html").render(word="hallo") == "<p>hallo</p>"


def test_an_edited_template_is_compiled_again():
    cache = MemoryBytecodeCache()
    environment(cache, "<p>{{ word }}</p>").get_template("page.html").render(word="hei")
    edited = environment(cache, "<h1>{{ word }}</h1>")
    assert edited.get_template("page.html").render(word="hei") == "<h1>hei</h1>"
    with pytest.raises(AssertionError, match="compiled again"):
        no_compiling(environment(cache, "<h2>{{ word }}</h2>")).get_template("page.html")


def test_escaping_is_part_of_the_key():
    cache = MemoryBytecodeCache()
    assert environment(cache, "{{ word }}").get_template("page.html").render(word="<b>") == "<b>"
    escaping = environment(cache, "{{ word }}", autoescape=True)
    assert escaping.get_template("page.html").render(word="<b>") == "&lt;b&gt;"
