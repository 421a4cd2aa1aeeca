"""scripts/bench_exit.py reports the worst run (issue 21), and covers the issue's cases."""
from scripts.bench_exit import TARGET_MS, Case, cases, report, summary


def run(ms, address="/exit/", neutral=None, left=None):
    return {"exit_ms": ms, "address": address, "neutral_ms": neutral, "left": left, "paint_to_tap_ms": 0}


def test_the_summary_is_the_worst_run_not_the_median():
    row = summary([run(100), run(120), run(480), run(130)])
    assert (row["worst"], row["best"], row["runs"]) == (480, 100, 4)


def test_the_report_marks_a_worst_run_over_the_target():
    slow, fast = Case(True, False, True, True), Case(False, False, True, True)
    text = report({slow: [run(90), run(TARGET_MS + 1)], fast: [run(90), run(95)]}, 2, "load", "load", 1.0)
    lines = {line.split(" | ")[0].lstrip("| "): line for line in text.splitlines() if line.startswith("| JavaScript")}
    assert "**(over)**" in lines[slow.label] and "**(over)**" not in lines[fast.label]
    assert f"**{TARGET_MS + 1} ms**" in lines[slow.label]


def test_what_was_left_is_counted_over_the_runs():
    row = summary([run(90, left={"caches": 0, "workers": 0}), run(90, left={"caches": 1, "workers": 0})])
    assert row["left"].startswith("1/2 runs")


def test_the_issue_s_eight_cases_are_measured_on_the_slow_link():
    online = {(case.javascript, case.saved, case.at_first_paint) for case in cases() if case.signal}
    assert online == {(js, saved, first) for js in (True, False) for saved in (True, False) for first in (True, False)}
