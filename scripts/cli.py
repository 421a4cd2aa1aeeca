"""One command for the site's tools: `smittevern --help` lists them, and the make targets
call them (`make check` runs `smittevern check`). `make setup` installs the command into
.venv/bin; from a checkout without it, `python -m scripts.cli` is the same.

Each command is a thin wrapper: the work is in plain functions the tests import
(scripts/i18n.py, scripts/linkcheck.py, …)."""
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from scripts.sitelib import xliff_io
from scripts.sitelib.provenance import ROLES

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Tools for the smittevern site: translations, links, flyers, embeds, benchmarks."""


# --- translations (translations/README.md) ----------------------------------------------

def _fail_on_problems(action: Callable[[], T]) -> T:
    """Run action(); a problem in a page or an XLIFF file ends the command with its message."""
    from scripts.sitelib.source_errors import SourceError
    try:
        return action()
    except (SourceError, xliff_io.ImportProblem, ValueError) as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@click.option("--sections", is_flag=True, help="Also say which sections of a stale page are stale.")
@click.option("--provenance", is_flag=True, help="How each translation was made (machine, person, reviewed).")
def status(sections: bool, provenance: bool) -> None:
    """Page x language: translated, stale or missing."""
    from scripts.sitelib import freshness
    from scripts.sitelib import provenance as made
    from scripts.sitelib.locales import DOCS
    if provenance:
        click.echo(freshness.format_table(made.made_table(freshness.source_pages(), DOCS)))
        return
    table = freshness.status_table()
    click.echo(freshness.format_table(table))
    if sections:
        for page, row in table.items():
            for locale, state in row.items():
                if state == freshness.STALE:
                    click.echo(f"docs/{locale}/{page}: stale: {', '.join(freshness.stale_sections(page, locale))}")


@cli.command()
@click.argument("locales", nargs=-1)
def check(locales: tuple[str, ...]) -> None:
    """Structure and language of every page, provenance, and the language rules (glossary,
    formality and variety, plural forms, typography). Exit status 1 on problems."""
    from scripts.i18n import check as problems_in
    from scripts.sitelib.locales import LOCALES
    problems = _fail_on_problems(lambda: problems_in(list(locales) or LOCALES))
    click.echo("\n".join(problems) or "No problems.")
    if problems:
        raise SystemExit(1)


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--section", "sections", multiple=True, help="Only this section id (repeat for more).")
@click.option("--minor", is_flag=True,
              help="TARGETS are Norwegian pages whose change needs no new translation (a typo): no notice appears.")
def stamp(targets: tuple[str, ...], sections: tuple[str, ...], minor: bool) -> None:
    """A translation (LOCALE or FILE) now matches the current Norwegian text."""
    from scripts.i18n import translation_files
    from scripts.sitelib import freshness
    from scripts.sitelib.locales import SOURCE_LOCALE

    def work() -> None:
        if minor:
            for page in [Path(t).name if t.endswith(".md") else f"{t}.md" for t in targets]:
                moved = freshness.stamp_minor(page, sections=list(sections) or None)
                for locale, keys in moved.items():
                    click.echo(f"docs/{locale}/{page}: still up to date in {', '.join(keys)}")
                if not moved:
                    click.echo(f"docs/{SOURCE_LOCALE}/{page}: no section changed since the last stamp")
            return
        for path in translation_files(targets):
            versions = freshness.stamp(path, sections=list(sections) or None)
            click.echo(f"{path}: stamped {len(sections or versions)} section(s)")
    _fail_on_problems(work)


@cli.command()
@click.argument("locales", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every translated locale.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Folder for the .xlf files (default: translations/).")
def export(locales: tuple[str, ...], every: bool, output: Path | None) -> None:
    """One XLIFF file per locale for translation tools (translations/<locale>.xlf)."""
    from scripts.sitelib.locales import TRANSLATIONS
    if not locales and not every:
        raise click.UsageError("name a locale, or --all")
    for locale in (TRANSLATIONS if every else locales):
        target = _fail_on_problems(lambda: xliff_io.export_locale(locale, output or xliff_io.FOLDER))
        click.echo(f"{target}: {xliff_io.summary(target)}")


@cli.command(name="import")
@click.argument("targets", nargs=-1, required=True)
@click.option("--role", type=click.Choice(ROLES),
              help="Who checked the sections the file marks final, as a role (never a name).")
@click.option("--date", help="When they were checked, YYYY-MM-DD (default: today).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Folder of the .xlf files named by locale (default: translations/).")
def import_(targets: tuple[str, ...], role: str | None, date: str | None, output: Path | None) -> None:
    """Write the translations in an XLIFF file (LOCALE or FILE.xlf) back to docs/<locale>/."""
    from scripts.sitelib import provenance

    def work() -> None:
        reviewer = provenance.review(role, date) if role else None
        for target in targets:
            source = Path(target) if target.endswith(".xlf") else (output or xliff_io.FOLDER) / f"{target}.xlf"
            for line in xliff_io.import_file(source, reviewer=reviewer):
                click.echo(line)
    _fail_on_problems(work)


# --- the built site -----------------------------------------------------------------------

@cli.command()
@click.option("--external", is_flag=True, help="Also check external links for real (needs internet).")
@click.option("--site", type=click.Path(exists=True, file_okay=False), help="A built site (default: build one now).")
def linkcheck(external: bool, site: str | None) -> None:
    """Build, serve on 127.0.0.1 and check every internal link and #anchor with LinkChecker."""
    from scripts.linkcheck import run
    raise SystemExit(run(external=external, site=site))


@cli.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=ROOT / "site", show_default=True)
@click.option("--no-build", is_flag=True, help="Render the print kit of an existing FLYER_PDFS=1 build.")
@click.option("--preview", is_flag=True,
              help="A proof: allow a local SITE_URL and stamp every PDF 'PREVIEW – not for printing'.")
def flyers(site_dir: Path, no_build: bool, preview: bool) -> None:
    """Build the site with PDF links, then render the print kit (needs SITE_URL, the public address)."""
    from scripts.render_print_kit import run
    run(site_dir=site_dir, no_build=no_build, preview=preview)


@cli.command(name="embed-demo")
def embed_demo() -> None:
    """Serve the site (PORT, default 8000) and a partner page on the next port that embeds a section."""
    from scripts.embed_demo import run
    run()


# --- benchmarks (bench/README.md) --------------------------------------------------------

@cli.group()
def bench() -> None:
    """Speed and weight beside Material's defaults; the quick exit's timing."""


@bench.command()
@click.option("--locales", default="nb,th,zh,ro", show_default=True, help="Comma-separated.")
@click.option("--out", type=click.Path(path_type=Path), default=ROOT / "bench" / "weight.md")
@click.option("--no-default", is_flag=True, help="Skip Material's out-of-the-box variant.")
@click.option("--build-runs", type=int, default=3, show_default=True, help="Paired timed builds per docs size (0: none).")
@click.option("--build-out", type=click.Path(path_type=Path), default=ROOT / "bench" / "build.md")
@click.option("--only-builds", is_flag=True, help="Time the builds, measure no pages.")
def weight(locales: str, out: Path, no_default: bool, build_runs: int, build_out: Path, only_builds: bool) -> None:
    """Build time, weight, LCP, TBT, CLS, repeat views, the language redirect and search time."""
    from scripts.bench_weight import run
    run(locales=locales.split(","), out=out, no_default=no_default, build_runs=build_runs,
        build_out=build_out, only_builds=only_builds)


@bench.command(name="exit")
@click.option("--runs", type=int, default=10, show_default=True)
@click.option("--site-dir", type=click.Path(exists=True, file_okay=False),
              help="A site built with SITE_URL=http://127.0.0.1:8000/ (default: build one).")
@click.option("--out", type=click.Path(path_type=Path), default=ROOT / "bench" / "exit.md")
def exit_timing(runs: int, site_dir: str | None, out: Path) -> None:
    """The quick exit: from the tap to the request for the exit address, worst of `runs`."""
    from scripts.bench_exit import run
    run(runs=runs, site_dir=site_dir, out=out)


@bench.command()
@click.option("--copies", type=int, default=1, show_default=True, help="Every page this many times.")
@click.option("--top", type=int, default=25, show_default=True)
@click.option("--out", type=click.Path(path_type=Path))
@click.option("--markdown", "markdown_out", type=click.Path(path_type=Path), help="Also write the Markdown tables here.")
def profile(copies: int, top: int, out: Path | None, markdown_out: Path | None) -> None:
    """Where a full build spends its time (cProfile)."""
    from scripts.devtools.build_profile import run
    run(copies=copies, top=top, out=out, markdown_out=markdown_out)


# --- for developers -----------------------------------------------------------------------

@cli.group()
def dev() -> None:
    """Regenerate data the build checks against."""


@dev.command(name="window-globals")
def window_globals() -> None:
    """Rewrite scripts/sitelib/window_globals.txt from this machine's Chromium."""
    from scripts.devtools.window_globals import run
    run()


if __name__ == "__main__":
    cli()
