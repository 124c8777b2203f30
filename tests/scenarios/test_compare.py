"""compare and the scenario properties: empty = base, cuts never help, removal, order and processes."""

from __future__ import annotations

import random
from typing import Any

import pytest

from dia.api import plan
from dia.coupling import find_couplings
from dia.errors import InfeasibleError, InputError, NoSolutionError, Reason
from dia.model import Area
from dia.report.scenarios import comparison_files
from dia.scenarios.apply import apply_scenario
from dia.scenarios.compare import compare
from dia.scenarios.model import Scenario
from tests.conftest import make_tiny_area


def scenario(name: str, **overrides: Any) -> Scenario:
    return Scenario.model_validate({"name": name, **overrides})


SCENARIOS = [
    scenario("basis"),
    scenario("krap", budgets=[{"partner": "Gemeente", "factor": 0.7}]),
    scenario("zonder-domijn", remove={"partners": ["Domijn"]}),
    scenario("later", windows=[{"partners": ["Gemeente"], "shift": 1}]),
]


def test_empty_scenario_reproduces_the_base(tiny_area: Area) -> None:
    base = plan(tiny_area)
    same = plan(tiny_area, scenario=scenario("leeg"))
    assert same.projects == base.projects
    assert same.objective == base.objective
    assert same.couplings == base.couplings
    assert same.cashflow == base.cashflow
    assert same.run.scenario == "leeg"


def _objective(area: Area, factor: float, partner: str | None) -> float:
    """Optimal objective under a budget factor; an infeasible cut counts as minus infinity."""
    change: dict[str, Any] = {"factor": factor} | ({"partner": partner} if partner else {})
    try:
        return plan(area, scenario=scenario("cut", budgets=[change])).objective.total
    except InfeasibleError:
        return float("-inf")


@pytest.mark.parametrize("partner", [None, "Gemeente", "Domijn"])
def test_budget_cut_never_increases_the_objective(tiny_area: Area, partner: str | None) -> None:
    factors = [1.0, 0.95, 0.85, 0.7, 0.55, 0.4, 0.2]
    values = [_objective(tiny_area, f, partner) for f in factors]
    tolerance = 1e-3 * abs(values[0]) + 1.0  # the solver stops at a relative gap of 1e-4
    assert values[0] == plan(tiny_area).objective.total
    for deeper, before in zip(values[1:], values, strict=False):
        assert deeper <= before + tolerance, values
    assert values[-1] < values[0]  # the cuts do bite


def test_removing_a_partner_removes_its_projects_and_couplings(tiny_area: Area) -> None:
    gone = scenario("zonder-domijn", remove={"partners": ["Domijn"]})
    new = apply_scenario(tiny_area, gone)
    assert all(p.partner != "Domijn" for p in new.projects)
    graph = find_couplings(new)
    assert all(not n.startswith("D-") for n in graph.graph.nodes)
    assert all("D-" not in c.project_a + c.project_b for c in graph.couplings)
    agenda = plan(tiny_area, scenario=gone)
    assert {p.partner for p in agenda.projects} == {"Gemeente"}
    assert all("D-" not in c.project_a + c.project_b for c in agenda.couplings)
    assert {c.partner for c in agenda.cashflow} == {"Gemeente"}
    assert any(c.project_a == "D-001" for c in plan(tiny_area).couplings)  # it was there before


def _same(a: Any, b: Any) -> None:
    assert a.names == b.names and a.reference == b.reference
    assert a.summary.equals(b.summary)
    assert a.projects.equals(b.projects)
    assert a.changes == b.changes
    assert a.failed == b.failed
    fa, fb = comparison_files(a), comparison_files(b)
    assert fa.keys() == fb.keys()
    for name in fa:
        assert fa[name] == fb[name], name


def test_compare_is_identical_whatever_the_order_and_the_processes(tiny_area: Area) -> None:
    serial = compare(tiny_area, SCENARIOS, processes=1)
    shuffled = SCENARIOS[:]
    random.Random(3).shuffle(shuffled)
    assert [s.name for s in shuffled] != [s.name for s in SCENARIOS]
    _same(serial, compare(tiny_area, shuffled, processes=1))
    _same(serial, compare(tiny_area, list(reversed(SCENARIOS)), processes=2))


def test_compare_table_contents(tiny_area: Area) -> None:
    table = compare(tiny_area, SCENARIOS, processes=1)
    assert table.names == ("basis", "krap", "later", "zonder-domijn")
    s = table.summary
    assert s.at[("projects_left_out", ""), "zonder-domijn"] == 2
    assert s.at[("projects_scheduled", "Domijn"), "zonder-domijn"] == 0
    assert s.at[("status", ""), "basis"] == "optimal"
    assert s.at[("value", ""), "basis"] == pytest.approx(table.runs["basis"].agenda.objective.value)
    removed = {c.project_id: c.kind for c in table.changes["zonder-domijn"]}
    assert removed["D-001"] == "removed"
    assert table.projects.at["G-001", "basis"] == table.runs["basis"].agenda.projects[2].start_year


def test_reference_rule(tiny_area: Area) -> None:
    table = compare(tiny_area, SCENARIOS[1:3], processes=1)
    assert table.reference == "krap"  # no 'basis': the first name
    table = compare(tiny_area, SCENARIOS[1:3], processes=1, reference="zonder-domijn")
    assert table.names == ("zonder-domijn", "krap")
    with pytest.raises(InputError):
        compare(tiny_area, SCENARIOS[1:3], processes=1, reference="nope")


def test_duplicate_names_are_refused(tiny_area: Area) -> None:
    with pytest.raises(InputError) as info:
        compare(tiny_area, [scenario("a"), scenario("a", budgets=[{"factor": 0.5}])], processes=1)
    assert info.value.problems[0].reason == Reason.DUPLICATE_ID


def test_a_bad_scenario_fails_before_any_solve(tiny_area: Area) -> None:
    bad = Scenario.model_validate({"name": "fout", "source": "fout.yaml",
                                   "budgets": [{"partner": "Nobody", "factor": 0.5}]})
    with pytest.raises(InputError) as info:
        compare(make_tiny_area(), [SCENARIOS[0], bad], processes=2)
    assert info.value.problems[0].location.file == "fout.yaml"


#: Cuts the municipality below its mandatory projects: the solver proves it infeasible.
BROKE = scenario("blut", budgets=[{"partner": "Gemeente", "factor": 0.1}])


@pytest.mark.parametrize("processes", [1, 2])
def test_an_infeasible_scenario_gets_a_column_and_the_others_are_compared(tiny_area: Area,
                                                                          processes: int) -> None:
    table = compare(tiny_area, [SCENARIOS[1], BROKE, SCENARIOS[0]], processes=processes)
    assert table.names == ("basis", "blut", "krap")
    assert table.planned == ("basis", "krap")
    assert set(table.runs) == {"basis", "krap"} and set(table.changes) == {"krap"}
    failure = table.failed["blut"]
    assert failure.status == "infeasible" == table.status("blut")
    assert any(f.startswith("Gemeente 20") and "tekort" in f for f in failure.findings), failure.findings
    column = table.summary["blut"]
    assert column[("status", "")] == "infeasible"
    assert all(v is None for k, v in column.items() if k != ("status", ""))
    assert table.projects["blut"].isna().all()
    # the planned scenarios are compared exactly as without the failed one
    without = compare(tiny_area, SCENARIOS[:2], processes=1)
    assert table.summary[["basis", "krap"]].equals(without.summary)
    assert table.changes == without.changes
    # the error it stands for still names the scenario and keeps the solver's findings
    error = failure.error()
    assert isinstance(error, InfeasibleError) and error.exit_code == 2
    assert str(error).startswith("scenario blut: ") and error.findings == failure.findings


def test_a_failed_scenario_is_identical_whatever_the_order_and_the_processes(tiny_area: Area) -> None:
    scenarios = [*SCENARIOS[:2], BROKE]
    _same(compare(tiny_area, scenarios, processes=1), compare(tiny_area, scenarios[::-1], processes=2))


@pytest.mark.parametrize("processes", [1, 2])
def test_an_infeasible_reference_stops_the_comparison(tiny_area: Area, processes: int) -> None:
    with pytest.raises(InfeasibleError) as info:
        compare(tiny_area, [SCENARIOS[0], BROKE], processes=processes, reference="blut")
    assert str(info.value).startswith("reference scenario blut: ")
    assert any("Gemeente" in f for f in info.value.findings)


def test_no_solution_is_carried_like_infeasible() -> None:
    from dia.report.scenarios import comparison_csv, status_label
    from dia.scenarios.compare import ScenarioFailure, ScenarioRun, comparison_table
    from tests.scenarios.agendas import make_agenda

    stuck = ScenarioFailure("traag", "no_solution", "no agenda within 1 s")
    table = comparison_table({"basis": ScenarioRun("basis", make_agenda({"D-1": 2027})), "traag": stuck})
    assert table.names == ("basis", "traag") and table.status("traag") == "no_solution"
    assert "status,,optimal,no_solution" in comparison_csv(table).decode()
    assert status_label("no_solution") == "geen oplossing"
    assert status_label("no_solution", "en") == "no solution"
    assert isinstance(stuck.error(), NoSolutionError) and stuck.error().exit_code == 3
    with pytest.raises(NoSolutionError, match="reference scenario traag: no agenda"):
        comparison_table({"basis": ScenarioRun("basis", make_agenda({"D-1": 2027})), "traag": stuck},
                         reference="traag")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_output_shows_the_failed_scenario_and_why(tiny_area: Area, lang: str) -> None:
    import csv
    import html
    import io

    from openpyxl import load_workbook

    from dia.report.scenarios import DIFF_FILL, FAILED_FILL, changes_text, failures_text, summary_text

    table = compare(tiny_area, [*SCENARIOS[:2], BROKE], processes=1)
    findings = table.failed["blut"].findings
    status = {"nl": "onhaalbaar", "en": "infeasible"}[lang]
    # terminal: the status in its column (marked as differing), the explanation below
    text = summary_text(table, lang=lang)
    status_row = next(line for line in text.splitlines()
                      if line.startswith(("Status solver", "Solver status")))
    assert f"{status} *" in status_row
    value_row = text.splitlines()[3]  # value: empty for the failed scenario, no difference marked
    assert "– " in value_row and "– *" not in value_row
    assert "see below" in changes_text(table, lang=lang) or "zie hieronder" in changes_text(table, lang=lang)
    why = failures_text(table, lang=lang)
    assert why.startswith(f"blut: {status}\n") and all(f"  - {f}" in why for f in findings)

    files = comparison_files(table, lang=lang, area=tiny_area)
    # CSV: the status code, every number empty; no changes listed for it
    rows = {tuple(line.split(",")[:2]): line.split(",")[2:]
            for line in files["compare.csv"].decode().splitlines()}
    assert rows[("metric", "item")] == ["basis", "blut", "krap"]
    assert rows[("status", "")] == ["optimal", "infeasible", "optimal"]
    assert rows[("value", "")][1] == "" and rows[("net_spend", "Gemeente")][1] == ""
    assert "blut" not in files["compare_changes.csv"].decode()
    assert all(line.split(",")[6] == "" for line in files["compare_projects.csv"].decode().splitlines()[1:])
    failures = list(csv.reader(io.StringIO(files["compare_failures.csv"].decode())))
    assert failures == [["scenario", "status", "kind", "text"],
                        ["blut", "infeasible", "message", table.failed["blut"].message],
                        *(["blut", "infeasible", "finding", f] for f in findings)]
    # workbook: status cell filled, a sheet with the message and one row per finding
    wb = load_workbook(io.BytesIO(files["compare.xlsx"]))
    assert wb.sheetnames[-1] == {"nl": "Niet te plannen", "en": "Cannot be planned"}[lang]
    ws = wb.worksheets[0]
    status_cell = next(ws.cell(row=r, column=4) for r in range(2, ws.max_row + 1)
                       if ws.cell(row=r, column=1).value in ("Status solver", "Solver status"))
    assert status_cell.value == status and str(status_cell.fill.fgColor.rgb).endswith(FAILED_FILL)
    assert all(not str(ws.cell(row=r, column=4).fill.fgColor.rgb).endswith(DIFF_FILL)
               for r in range(2, ws.max_row + 1))
    sheet = [[c.value for c in row] for row in wb.worksheets[-1].iter_rows(min_row=2)]
    assert sheet == [["blut", status, table.failed["blut"].message],
                     *(["blut", status, f] for f in findings)]
    # HTML: the report's look, the status, a section with the solver's explanation
    page = files["compare.html"].decode()
    assert "@page { size: A4 landscape" in page and f'<html lang="{lang}">' in page
    head = {"nl": "Scenario&#x27;s die niet te plannen zijn", "en": "Scenarios that cannot be planned"}[lang]
    assert f"<h2>{head}</h2>" in page
    assert f"<h3>blut: {status}</h3>" in page
    assert all(f"<li>{html.escape(f)}</li>" in page for f in findings)
    assert f'background:#{FAILED_FILL}">{status}</td>' in page


def test_a_failed_scenario_has_no_bars_in_the_charts(tiny_area: Area) -> None:
    from dia.report.scenarios import spend_chart, value_chart

    with_failure = compare(tiny_area, [*SCENARIOS[:2], BROKE], processes=1)
    without = compare(tiny_area, SCENARIOS[:2], processes=1)
    assert spend_chart(with_failure) == spend_chart(without)  # the failed scenario spends nothing
    assert value_chart(with_failure) != value_chart(without)  # it is named, with its status


def test_gap_and_shadow_prices_keep_their_precision() -> None:
    from dia.report.scenarios import comparison_csv
    from dia.scenarios.compare import ScenarioRun, comparison_table
    from tests.scenarios.agendas import make_agenda

    agenda = make_agenda({"D-1": 2027})
    run = agenda.run.model_copy(update={"gap": 0.0099123, "status": "feasible"})
    agenda = agenda.model_copy(update={"run": run})
    table = comparison_table({"basis": ScenarioRun("basis", agenda)})
    assert table.summary.at[("gap", ""), "basis"] == 0.009912
    assert "gap,,0.009912" in comparison_csv(table).decode()


def test_compare_html_is_a_self_contained_page_in_the_report_look(tiny_area: Area) -> None:
    import re

    from dia.report.html import CSS
    from dia.report.scenarios import comparison_section, value_chart

    sly = scenario("<b>sly</b>", budgets=[{"partner": "Gemeente", "factor": 0.7}])
    table = compare(tiny_area, [SCENARIOS[0], sly], processes=1)
    files = comparison_files(table, lang="en", area=tiny_area)
    page = files["compare.html"].decode()
    assert f"<style>{CSS}</style>" in page  # the report's own style sheet, not a copy
    assert page.startswith("<!DOCTYPE html>") and "<title>Scenario comparison Testwijk</title>" in page
    heads = re.findall(r"<h2>(.*?)</h2>", page)
    assert heads == ["Comparison of scenarios", "Value, savings and spend", "Differences per project",
                     "Per partner and buurt"]  # nothing failed: no section for failures
    assert page.count('<section class="first">') == 1 and page.count("<section") == len(heads)
    for attr in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', page):
        assert attr.startswith("data:image/png;base64,"), attr[:60]
    assert page.count("data:image/png;base64,") == 2
    assert "<b>sly</b>" not in page and "&lt;b&gt;sly&lt;/b&gt;" in page  # input text is escaped
    assert "Tubantia-Toekomst" in page  # buurt names in the detail section
    assert "Gemeente Riool Tubantiastraat: 2027 → 2028" in page  # what moved
    # the same pieces as one section for a report of one's own
    title, body = comparison_section(table, lang="en", charts={"compare_value.png": value_chart(table)})
    assert title == "Comparison of scenarios" and body.count("data:image/png;base64,") == 1
    assert "&lt;b&gt;sly&lt;/b&gt;" in body and "<b>sly</b>" not in body


@pytest.mark.browser
@pytest.mark.slow
def test_compare_html_renders_in_a_browser(tiny_area: Area, tmp_path: Any) -> None:
    from tests.report.browser import find_chromium, printed_pages

    binary = find_chromium()
    if binary is None:
        pytest.skip("no chromium")
    table = compare(tiny_area, [*SCENARIOS[:2], BROKE], processes=1)
    page = tmp_path / "compare.html"
    page.write_bytes(comparison_files(table, area=tiny_area)["compare.html"])
    boxes = printed_pages(binary, page, tmp_path)
    assert len(boxes) >= 5, "one printed page per section at least"
    for width, height in boxes:  # A4 landscape, as report.html
        assert width == pytest.approx(842, abs=2) and height == pytest.approx(595, abs=2)
