"""tests/fixtures/hostile: a good two-locale docs tree, and cases laid over it."""
import shutil

from scripts.devtools.local_site import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "hostile"


def docs_for(tmp_path, case):
    """tmp_path/docs: the good docs tree with the case's files laid over it."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "good" / "docs", docs)
    if case != "good":
        shutil.copytree(FIXTURES / case / "docs", docs, dirs_exist_ok=True)
    return docs


def prepare_build(tmp_path, docs):
    """(variant config for docs, site dir holding a previous build's page) in tmp_path."""
    from tests.support.variant import write_variant_config

    config = write_variant_config(tmp_path, docs)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the good site from the last build")
    return config, site_dir
