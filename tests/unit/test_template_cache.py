"""Templates compiled once per process, shared by the locale builds' environments
(scripts/sitelib/template_cache.py): the next environment renders what compiling
afresh would give, and compiles nothing when nothing that matters changed."""
from jinja2 import DictLoader, Environment, pass_context

from scripts.sitelib.template_cache import MemoryBytecodeCache, share_compiled_templates


def environment(cache, templates, autoescape=False, locale="nb"):
    env = Environment(loader=DictLoader(templates), autoescape=autoescape)
    env.filters["locale_word"] = lambda value: f"{value}-{locale}"
    return share_compiled_templates(env, cache)


def compiles(env, name):
    counted = []
    original = env.compile
    env.compile = lambda *args, **kwargs: counted.append(1) or original(*args, **kwargs)
    env.get_template(name)
    return len(counted)


def test_a_second_environment_reuses_the_code():
    cache, templates = MemoryBytecodeCache(), {"page.html": "<p>{{ title }}</p>"}
    assert compiles(environment(cache, templates), "page.html") == 1
    assert compiles(environment(cache, templates), "page.html") == 0
    assert environment(cache, templates).get_template("page.html").render(title="Hei") == "<p>Hei</p>"


def test_a_changed_source_is_compiled_again():
    cache = MemoryBytecodeCache()
    environment(cache, {"page.html": "<p>{{ title }}</p>"}).get_template("page.html")
    env = environment(cache, {"page.html": "<h1>{{ title }}</h1>"})
    assert env.get_template("page.html").render(title="Hei") == "<h1>Hei</h1>"


def test_the_autoescape_rule_of_each_environment_holds():
    cache, templates = MemoryBytecodeCache(), {"page.html": "{{ title }}"}
    assert environment(cache, templates).get_template("page.html").render(title="<b>") == "<b>"
    escaping = environment(cache, templates, autoescape=lambda name: True)
    assert escaping.get_template("page.html").render(title="<b>") == "&lt;b&gt;"


def test_a_filter_of_this_locale_is_called_even_on_a_constant():
    cache, templates = MemoryBytecodeCache(), {"page.html": "{{ 'word' | locale_word }}"}
    assert environment(cache, templates, locale="nb").get_template("page.html").render() == "word-nb"
    assert environment(cache, templates, locale="th").get_template("page.html").render() == "word-th"


def test_a_filter_that_takes_the_context_is_compiled_for_it():
    cache, templates = MemoryBytecodeCache(), {"page.html": "{{ 'x' | tag }}"}
    plain = environment(cache, templates)
    plain.filters["tag"] = lambda value: f"plain {value}"
    assert plain.get_template("page.html").render() == "plain x"
    with_context = environment(cache, templates)
    with_context.filters["tag"] = pass_context(lambda context, value: f"{context['who']} {value}")
    assert with_context.get_template("page.html").render(who="reader") == "reader x"
