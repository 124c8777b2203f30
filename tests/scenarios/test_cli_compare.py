"""dia compare on the command line: table, files, bad scenarios (exit 2, nothing written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import invoke

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"

#: Leaves two partners of the example, so the solves in these tests take a fraction of a second.
SMALL = """name: basis
remove:
  partners: [De Woonplaats, Domijn, Enexis Netbeheer, Ennatuurlijk, Ons Huis, Vezelnet Twente, Vitens]
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "klein.yaml"
    path.write_text(SMALL, encoding="utf-8")
    (tmp_path / "klein-krap.yaml").write_text(
        "extends: klein.yaml\nname: klein-krap\nbudgets: [{partner: Gemeente Enschede, factor: 0.7}]\n",
        encoding="utf-8")
    return path


def test_shipped_scenarios_apply_to_the_example(example_dir: Path) -> None:
    from dia.io.area import load_area
    from dia.scenarios.apply import apply_scenario_logged
    from dia.scenarios.load import load_scenario

    area = load_area(example_dir)
    names = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))
    assert names == ["basis", "bezuiniging-20", "corporatie-valt-uit", "subsidie-toegekend",
                     "warmtenet-vertraagd"]
    results = {n: apply_scenario_logged(area, load_scenario(SCENARIO_DIR / f"{n}.yaml")) for n in names}
    assert results["basis"].area.projects == area.projects
    assert all(p.partner != "Ons Huis" for p in results["corporatie-valt-uit"].area.projects)
    cut = results["bezuiniging-20"].area
    assert cut.budget_of("Gemeente Enschede", 2030).amount == pytest.approx(
        0.8 * area.budget_of("Gemeente Enschede", 2030).amount)
    late = results["warmtenet-vertraagd"].area.project_by_id
    for p in area.projects:
        if p.type == "warmtenet" and p.id in late:
            assert late[p.id].earliest_start >= min(p.earliest_start + 2, area.config.horizon.end)
    assert "Rijksbijdrage Wijkaanpak" in results["subsidie-toegekend"].area.fund_by_name


def test_compare_writes_table_workbook_csv_and_charts(runner: CliRunner, example_dir: Path,
                                                      tmp_path: Path, small: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "compare", example_dir, small.parent / "klein-krap.yaml", small,
                    "--out", out, "--processes", "1", "--quiet")
    assert result.exit_code == 0, result.output
    assert "klein-krap" in result.output and "basis (referentie)" in result.output
    assert "klein-krap vs basis:" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "compare.csv", "compare.html", "compare.xlsx", "compare_changes.csv", "compare_failures.csv",
        "compare_projects.csv", "compare_spend.png", "compare_value.png"]
    failures = (out / "compare_failures.csv").read_text(encoding="utf-8").splitlines()
    assert failures == ["scenario,status,kind,text"]
    header = (out / "compare.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "metric,item,basis,klein-krap"
    from openpyxl import load_workbook

    wb = load_workbook(out / "compare.xlsx")
    assert wb.sheetnames == ["Vergelijking", "Projecten", "Verschillen"]
    ws = wb["Vergelijking"]
    fills = {ws.cell(row=r, column=4).fill.fgColor.rgb for r in range(2, ws.max_row + 1)}
    assert any(str(f).endswith("FFE699") for f in fills)  # the cut changes something: highlighted


@pytest.mark.parametrize(
    ("text", "needle"),
    [("budgets: [{partner: Gemeente Enschedee, factor: 0.8}]\n", "budgets[0].partner"),
     ("budgets: [{partner: Gemeente Enschede, factor: -0.8}]\n", "budgets[0].factor"),
     ("remove: {projects: [XYZ-001]}\n", "remove.projects[0]"),
     ("budgets: [{years: [2040], factor: 0.8}]\n", "budgets[0].years[0]"),
     ("bogus: 1\n", "bogus"),
     ("extends: fout.yaml\n", "extends")],
    ids=["unknown-partner", "negative-factor", "unknown-project", "unknown-year", "unknown-key", "cycle"],
)
def test_bad_scenario_exits_2_and_writes_nothing(runner: CliRunner, example_dir: Path, tmp_path: Path,
                                                 text: str, needle: str) -> None:
    bad = tmp_path / "fout.yaml"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "compare", example_dir, SCENARIO_DIR / "basis.yaml", bad, "--out", out,
                    "--quiet")
    assert result.exit_code == 2, result.output
    assert "fout.yaml" in result.output and needle in result.output
    assert not out.exists() or not any(out.iterdir())


def test_compare_in_english_notes_another_base(runner: CliRunner, example_dir: Path, tmp_path: Path,
                                               small: Path) -> None:
    other = tmp_path / "elders.yaml"
    other.write_text("extends: klein.yaml\nname: elders\nbase: ergens-anders\n", encoding="utf-8")
    result = invoke(runner, "compare", example_dir, small, other, "--processes", "1", "--quiet",
                    "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "basis (reference)" in result.output and "Societal value (SIA-weighted)" in result.output
    assert "note: scenario elders was written for" in result.output
    assert "elders vs basis:" in result.output and "nothing moved" in result.output


#: The municipality without any budget while it has mandatory projects: provably infeasible.
BROKE = "extends: klein.yaml\nname: klein-blut\nbudgets: [{partner: Gemeente Enschede, factor: 0}]\n"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_infeasible_scenario_does_not_stop_the_comparison(runner: CliRunner, example_dir: Path,
                                                             tmp_path: Path, small: Path, lang: str) -> None:
    broke = tmp_path / "klein-blut.yaml"
    broke.write_text(BROKE, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "compare", example_dir, broke, small.parent / "klein-krap.yaml", small,
                    "--out", out, "--processes", "1", "--quiet", "--lang", lang)
    assert result.exit_code == 0, result.output
    status = {"nl": "onhaalbaar", "en": "infeasible"}[lang]
    lines = result.output.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("basis ("))
    assert header.split()[-2:] == ["klein-blut", "klein-krap"]
    status_row = next(line for line in lines if line.startswith(("Status solver", "Solver status")))
    assert f"{status} *" in status_row
    # below the table: why, with the partner-years the solver names
    why = lines.index(f"klein-blut: {status}")
    assert lines[why - 1] == {"nl": "Niet te plannen (waarom):", "en": "Cannot be planned (why):"}[lang]
    assert lines[why + 2].startswith("  - Gemeente Enschede 20")
    # a warning at the end, and every file written, with the failed scenario in it
    assert {"nl": "let op: niet te plannen: klein-blut (onhaalbaar)",
            "en": "note: cannot be planned: klein-blut (infeasible)"}[lang] in lines[-1]
    csv = (out / "compare.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == "metric,item,basis,klein-blut,klein-krap"
    assert "status,,optimal,infeasible,optimal" in csv
    from openpyxl import load_workbook

    assert load_workbook(out / "compare.xlsx").sheetnames[-1] == {"nl": "Niet te plannen",
                                                                  "en": "Cannot be planned"}[lang]
    page = (out / "compare.html").read_text(encoding="utf-8")
    assert f"<h3>klein-blut: {status}</h3>" in page and "<li>Gemeente Enschede 20" in page


def test_strict_exits_2_after_writing_the_comparison(runner: CliRunner, example_dir: Path, tmp_path: Path,
                                                     small: Path) -> None:
    broke = tmp_path / "klein-blut.yaml"
    broke.write_text(BROKE, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "compare", example_dir, broke, small, "--out", out, "--processes", "1",
                    "--quiet", "--strict")
    assert result.exit_code == 2, result.output
    assert "scenario klein-blut:" in result.output and "Gemeente Enschede 20" in result.output
    assert (out / "compare.csv").is_file() and (out / "compare.html").is_file()


def test_an_infeasible_reference_exits_2_and_writes_nothing(runner: CliRunner, example_dir: Path,
                                                            tmp_path: Path, small: Path) -> None:
    broke = tmp_path / "klein-blut.yaml"
    broke.write_text(BROKE, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "compare", example_dir, broke, small, "--out", out, "--processes", "1",
                    "--quiet", "--reference", "klein-blut")
    assert result.exit_code == 2, result.output
    assert "reference scenario klein-blut:" in result.output and "Gemeente Enschede 20" in result.output
    assert not out.exists()


def test_a_bad_scenario_still_fails_before_solving_an_infeasible_one(runner: CliRunner, example_dir: Path,
                                                                    tmp_path: Path, small: Path) -> None:
    broke = tmp_path / "klein-blut.yaml"
    broke.write_text(BROKE, encoding="utf-8")
    bad = tmp_path / "fout.yaml"
    bad.write_text("extends: klein.yaml\nname: fout\nbogus: 1\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "compare", example_dir, broke, small, bad, "--out", out, "--processes", "1")
    assert result.exit_code == 2, result.output
    assert "fout.yaml" in result.output and "bogus" in result.output
    assert "oplossen" not in result.output and "onhaalbaar" not in result.output
    assert not out.exists()
