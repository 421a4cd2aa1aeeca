"""Where a full `mkdocs build` spends its time: the real docs/, or a copy with every page
three times (still every locale), profiled with cProfile. On a shared machine the
neighbours stretch every function alike, so read the shares; the totals give CPU time
(user + system of this process) beside the wall time and the load average.

    smittevern bench profile [--copies 3] [--top 25] [--out bench/profile.txt] [--markdown FILE]

Prints (and writes with --out) the total, the top functions by cumulative and by own
time, and the project's functions (scripts/) by cumulative time.
"""
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scripts.devtools.local_site import ROOT, source_date_epoch, variant_config

SITE_URL = "http://127.0.0.1:8000/"
COPY_SUFFIX = "-copy"


def copies_of_every_page(copies):
    """edit_docs for variant_config: every page of every locale `copies` times in all
    (page-copy2.md, …), listed under not_in_nav so the strict build accepts them."""
    def edit(docs):
        for page in sorted(docs.glob("*/*.md")):
            for number in range(2, copies + 1):
                shutil.copyfile(page, page.with_name(f"{page.stem}{COPY_SUFFIX}{number}.md"))
    return edit


def with_copies_out_of_nav(copies):
    def edit(text):
        names = sorted({page.name for page in (ROOT / "docs").glob("*/*.md")})
        extra = "".join(f"  {name[:-3]}{COPY_SUFFIX}{number}.md\n" for name in names for number in range(2, copies + 1))
        marker = "not_in_nav: |\n"
        if marker not in text:
            sys.exit("mkdocs.yml has no `not_in_nav: |` block to add the copies to")
        return text.replace(marker, marker + extra)
    return edit


def config_for(tmp, copies):
    """mkdocs.yml of the real docs/ (copies=1) or of a copy with every page `copies` times."""
    if copies == 1:
        return ROOT / "mkdocs.yml"
    return variant_config(Path(tmp), edit_docs=copies_of_every_page(copies), edit_config=with_copies_out_of_nav(copies))


def profile_build(config, site_dir):
    """Run `mkdocs build --strict` in this process under cProfile: (stats, cpu s, wall s)."""
    from mkdocs.__main__ import cli
    os.environ.update(SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1")
    if "SOURCE_DATE_EPOCH" not in os.environ and source_date_epoch():
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch()
    profiler = cProfile.Profile()   # wall clock: a CPU-time timer is a system call per function call
    wall, cpu = time.perf_counter(), time.process_time()
    profiler.enable()
    try:
        cli.main(["build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)], standalone_mode=False)
    finally:
        profiler.disable()
    return pstats.Stats(profiler), time.process_time() - cpu, time.perf_counter() - wall


def report(stats, cpu, wall, top):
    out = io.StringIO()
    stats.stream = out
    print(f"CPU {cpu:.1f} s, wall {wall:.1f} s, load average {os.getloadavg()[0]:.1f}\n", file=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(str(ROOT / "scripts"), top)
    return out.getvalue().replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")


def markdown(stats, cpu, wall, top):
    """The totals and three tables (all and the project's functions by cumulative time, all by own time) as Markdown."""
    rows = []
    for (path, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        where = path.replace(str(ROOT) + "/", "").replace(sys.prefix + "/lib/python3.11/site-packages/", "")
        rows.append((f"`{where}:{line}({name})`", calls, own, cumulative, path.startswith(str(ROOT / "scripts"))))
    total = max(cumulative for _, _, _, cumulative, _ in rows)
    lines = [f"CPU {cpu:.1f} s, wall {wall:.1f} s (profiled: {total:.1f} s).", ""]

    def table(title, chosen, key):
        lines.extend([f"**{title}**", "", "| function | calls | own s | cumulative s | share |", "|---|---|---|---|---|"])
        for where, calls, own, cumulative, _ in sorted(chosen, key=key, reverse=True)[:top]:
            lines.append(f"| {where} | {calls} | {own:.1f} | {cumulative:.1f} | {cumulative / total:.0%} |")
        lines.append("")

    table("All functions, by cumulative time", rows, lambda row: row[3])
    table("The project's functions, by cumulative time", [row for row in rows if row[4]], lambda row: row[3])
    table("All functions, by own time", rows, lambda row: row[2])
    return "\n".join(lines)


def run(copies=1, top=25, out=None, markdown_out=None):
    """Profile one build (every page `copies` times) and print the report; write it to `out`,
    and the Markdown tables to `markdown_out`, if given."""
    with tempfile.TemporaryDirectory() as tmp:
        stats, cpu, wall = profile_build(config_for(tmp, copies), Path(tmp) / "site")
        text = report(stats, cpu, wall, top)
        if markdown_out:
            Path(markdown_out).write_text(markdown(stats, cpu, wall, top), encoding="utf-8")
    print(text)
    if out:
        Path(out).write_text(text, encoding="utf-8")

