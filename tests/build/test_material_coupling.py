"""Every coupling to Material and static-i18n, run on the pinned Material's own output.

A small site is built with Material and static-i18n as they come (no hooks, no
overrides); each patch must apply to it, do what it is for, and fail loudly on
markup where what it patches is gone.
"""
import json
import re
import textwrap

import pytest

from scripts.devtools.local_site import ROOT, build_site
from scripts.sitelib import material_coupling as coupling
from scripts.sitelib.material_coupling import CouplingBroken

FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "hostile" / "good" / "docs"
TEMPLATES = [ROOT / "overrides" / "main.html", ROOT / "overrides" / "embed.html"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """The fixture's home page as plain Material renders it, in nb and en."""
    tmp = tmp_path_factory.mktemp("pristine")
    config = tmp / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Pristine
        docs_dir: {FIXTURE_DOCS}
        theme:
          name: material
          font: false
        plugins:
          - search
          - i18n:
              docs_structure: folder
              reconfigure_material: true
              languages:
                - locale: nb
                  name: Norsk
                  default: true
                - locale: en
                  name: English
        """), encoding="utf-8")
    result = build_site(tmp / "site", "http://127.0.0.1:8000/", config=config)
    assert result.returncode == 0, result.stderr[-2000:]
    return (tmp / "site" / "index.html").read_text(encoding="utf-8")


def test_the_search_dialog_gets_its_name(pristine):
    named = coupling.name_search_dialog(pristine, 'Søk "her"')
    assert re.search(r'<div class="md-search"[^>]*role="dialog" aria-label="Søk &quot;her&quot;">', named)
    with pytest.raises(CouplingBroken, match=r"mkdocs-material \d.*name_search_dialog"):
        coupling.name_search_dialog(named, "twice")  # named already: the patch would do nothing


def test_alternate_links_leave_the_head(pristine):
    head = pristine.split("</head>")[0]
    assert 'rel="alternate"' in head and "hreflang" in head
    assert "hreflang" not in coupling.without_alternate_links(head)
    with pytest.raises(CouplingBroken, match="without_alternate_links"):
        coupling.without_alternate_links("<head><title>x</title></head>")


def test_the_page_description_leaves_the_head(pristine):
    head = pristine.split("</head>")[0]
    assert head.count('<meta name="description"') == 1
    assert '<meta name="description"' not in coupling.without_description(head)
    with pytest.raises(CouplingBroken, match="without_description"):
        coupling.without_description("<head><title>x</title></head>")


def test_search_looks_in_the_locale_and_through_our_worker(pristine):
    pointed = coupling.point_search_config(pristine, "th/", "site-search.12345678.js")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', pointed, re.S).group(1))
    assert config["base"].endswith("/th/") and config["search"].endswith("/workers/site-search.12345678.js")
    with pytest.raises(CouplingBroken, match="point_search_config"):
        coupling.point_search_config(pristine.replace('id="__config"', 'id="config"'), "th/")


def test_embed_views_lose_material_inline_scripts_and_name_main(pristine):
    stripped = coupling.without_inline_scripts(pristine)
    assert "__md_scope" in pristine and "__md_scope" not in stripped
    assert not re.search(r"<script>", stripped)
    labelled = coupling.label_main(stripped, "Vaksine")
    assert '<main class="md-main" data-md-component="main" aria-label="Vaksine">' in labelled
    with pytest.raises(CouplingBroken, match="without_inline_scripts"):
        coupling.without_inline_scripts(stripped)
    with pytest.raises(CouplingBroken, match="label_main"):
        coupling.label_main(labelled, "again")


def test_the_header_gets_the_organisation_name(pristine):
    header = pristine[pristine.index("<header"):pristine.index("</header>") + len("</header>")]
    named = coupling.name_in_header(header, "Helse & Hjelp")
    assert "Helse &amp; Hjelp" in named and coupling.name_in_header(header, "") == header
    with pytest.raises(CouplingBroken, match="name_in_header"):
        coupling.name_in_header("<header></header>", "Org")


def test_the_text_beside_the_h1(pristine):
    article = pristine[pristine.index("<article"):pristine.index("</article>")]
    content = article[article.index(">") + 1:]  # what main.html's content block gets from super()
    beside = coupling.after_title(content, "<p>BADGE</p>")
    assert "</h1><p>BADGE</p>" in beside
    with pytest.raises(CouplingBroken, match="after_title"):
        coupling.after_title("<p>no heading</p>", "<p>BADGE</p>")


def test_materials_stylesheet_leaves_the_head_and_its_bundle_is_deferred(pristine):
    head, body = pristine.split("</head>")
    name = coupling.material_stylesheet().rsplit("/", 1)[1]
    assert name in head
    assert name not in coupling.without_main_stylesheet(head) and "<title>" in coupling.without_main_stylesheet(head)
    with pytest.raises(CouplingBroken, match="without_main_stylesheet"):
        coupling.without_main_stylesheet("<head><title>x</title></head>")
    deferred = coupling.deferred_scripts(body)
    assert re.search(r'<script src="[^"]*/bundle\.[0-9a-f]{8}\.min\.js" defer></script>', deferred)
    assert "></script>" in deferred and not re.search(r'<script src="[^"]*"></script>', deferred)
    with pytest.raises(CouplingBroken, match="deferred_scripts"):
        coupling.deferred_scripts('<script src="app.js"></script>')


def test_the_search_worker_protocol_and_lunr_languages():
    name = coupling.material_search_worker()
    assert re.fullmatch(r"search\.[0-9a-f]{8}\.min\.js", name)
    assert {"no", "ru", "fr", "de", "en"} <= coupling.lunr_languages()
    broken = coupling.WORKERS.parent.parent.parent  # a folder without any worker
    with pytest.raises(CouplingBroken, match="search.*min.js"):
        coupling.material_search_worker(broken)


def test_what_our_worker_changes_in_materials_answers_and_the_overlay_search_css_undoes(tmp_path):
    """Reader pages first and no "missing" words where words are cut (search-worker.js.in);
    a screen-sized overlay on phones (search.css): each assumption is checked, and fails."""
    rules = coupling.WORKER_PROTOCOL
    assert {"an answer lists each page's results in data.items",
            "each result's terms mark a query word found (true) or missing (false)"} <= set(rules)
    worker = (coupling.WORKERS / coupling.material_search_worker()).read_text(encoding="utf-8")
    (tmp_path / "search.00000000.min.js").write_text(worker.replace("{items:[...", "{results:[..."), encoding="utf-8")
    with pytest.raises(CouplingBroken, match="data.items"):
        coupling.material_search_worker(tmp_path)
    bundle = (coupling.BUNDLES / coupling.material_search_startup()).read_text(encoding="utf-8")
    (tmp_path / "bundle.00000000.min.js").write_text(bundle.replace(".terms).filter(", ".terms).map("),
                                                     encoding="utf-8")
    with pytest.raises(CouplingBroken, match="missing only for a term marked false"):
        coupling.material_search_startup(tmp_path)
    assert coupling.check_search_overlay() == 3  # three phone widths: scale(45), (60), (75)
    with pytest.raises(CouplingBroken, match="check_search_overlay"):
        coupling.check_search_overlay(".md-search__overlay{opacity:1}")


def test_how_material_starts_search_and_its_lunr_files(pristine, tmp_path):
    assert re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", coupling.material_search_startup())
    broken = tmp_path / "bundle.00000000.min.js"
    broken.write_text("var x=new Worker(e);", encoding="utf-8")
    with pytest.raises(CouplingBroken, match="material_search_startup.*form named search"):
        coupling.material_search_startup(tmp_path)
    assert coupling.check_search_form(pristine) == pristine
    with pytest.raises(CouplingBroken, match="check_search_form"):
        coupling.check_search_form(pristine.replace('name="search"', ""))
    assert coupling.lunr_scripts(["no"]) == ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr.no.min.js"]
    assert coupling.lunr_scripts(["en"]) == []
    with pytest.raises(CouplingBroken, match="lunr_scripts"):
        coupling.lunr_scripts(["xx"])


def test_static_i18n_has_what_the_hooks_read():
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    assert coupling.is_outer_build(config)
    assert coupling.configured_locales(config)[0] == "nb"
    assert coupling.building_locale(config, "nb") == "nb"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_our_templates_extend_blocks_that_material_has(template):
    base = (coupling.WORKERS.parents[2] / "base.html").read_text(encoding="utf-8")
    material_blocks = set(re.findall(r"{%-?\s*block (\w+)", base))
    ours = set(re.findall(r"{%-?\s*block (\w+)", template.read_text(encoding="utf-8")))
    assert ours and ours <= material_blocks, ours - material_blocks


def test_every_material_icon_a_template_includes_exists():
    icons = coupling.WORKERS.parents[2] / ".icons"
    for path in (ROOT / "overrides").rglob("*.html"):
        for icon in re.findall(r'include "\.icons/([^"]+)"', path.read_text(encoding="utf-8")):
            assert (icons / icon).is_file(), f"{path}: .icons/{icon}"
