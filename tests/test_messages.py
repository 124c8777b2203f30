"""The Dutch/English message catalogue and problem texts on the input path."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dia.errors import InputError, Location, Problem, Reason
from dia.io.area import read_area
from dia.messages import MESSAGES, Joined, Names, Number, fields, msg, render
from tests.conftest import invoke
from tests.io.area_builder import books, write_area
from tests.io.bad.cases import CASES, WARNING_CASES, Case

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("msg_id", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_parameters(msg_id: str) -> None:
    nl, en = MESSAGES[msg_id]
    assert isinstance(nl, str) and isinstance(en, str)
    assert fields(nl) == fields(en), (msg_id, fields(nl), fields(en))
    if fields(en) or en.strip():  # "" (an optional suffix left empty) is the one allowed blank
        assert nl.strip() and en.strip(), msg_id


def test_parameter_check_notices_a_missing_parameter() -> None:
    """The test above must be able to fail: a template pair that differs in its fields."""
    assert fields("{a} en {b!r} ({n:,})") == {"a", "b", "n"}
    assert fields("{a} and {b}") != fields("{a} en")


def test_every_message_id_used_in_the_code_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in sorted((ROOT / "dia").rglob("*.py")):
        used.update(re.findall(r"""\bmsg\(\s*["']([a-z_.0-9]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no msg(...) call found: the scan is broken"
    assert sorted(used - set(MESSAGES)) == []


def test_unknown_id_fails_at_once() -> None:
    with pytest.raises(KeyError):
        msg("no.such.message")


def test_parameters_are_rendered_in_the_message_language() -> None:
    loc = Location(file="Domijn.xlsx", sheet="Projecten", row=5, column="Kosten")
    m = msg("area.budget_twice", partner="Domijn", year=2027, other=loc)
    assert m.text("nl") == "het budget van Domijn voor 2027 staat er twee keer: hier en in " \
        "Domijn.xlsx › Projecten › rij 5 (Kosten)"
    assert m.text("en") == f"budget of Domijn for 2027 is given twice: here and in {loc}"
    assert Number(1250000.5, 2).text("nl") == "1.250.000,50"
    assert Number(1250000.5, 2).text("en") == "1,250,000.50"
    assert Names.of(["b", "a", "c"], limit=2).text("nl") == "a, b, … (nog 1)"
    assert Names.of([]).text("en") == "(none)"
    assert Joined((loc, Location(file="x.xlsx", column="Jaar"))).text("nl").endswith("x.xlsx › kolom Jaar")
    nested = msg("cell.expected", what=msg("cell.what.int"), found="'veel'")
    assert render(nested.id, nested.params, "nl") == "verwacht een geheel getal, maar de cel bevat 'veel'"


def test_problem_keeps_english_message_and_renders_either_language() -> None:
    m = msg("check.unknown_buurt", buurt="veel", area="Twekkelerveld")
    p = Problem.of(Reason.UNKNOWN_BUURT, m, Location(file="a.xlsx"))
    assert p.message == "unknown buurt 'veel': not in the buurten of Twekkelerveld"
    assert p.text("en") == p.message
    assert p.text() == p.text("nl") == "onbekende buurt 'veel': staat niet in de buurten van Twekkelerveld"
    plain = Problem(Reason.UNKNOWN_BUURT, p.message, p.location)
    assert plain.text("nl") == p.message  # not converted: falls back to English
    assert plain == p and hash(plain) == hash(p)  # template and params take no part in equality


def test_input_error_summary_in_both_languages() -> None:
    problems = [Problem(Reason.EMPTY_AREA, "x"), Problem(Reason.EMPTY_AREA, "y")]
    err = InputError(problems)
    assert err.summary == "2 problems in the input"
    assert err.summary_text("nl") == "2 problemen in de invoer"
    assert InputError(problems[:1]).summary_text("nl") == "1 probleem in de invoer"
    assert InputError(problems, summary="custom").summary_text("nl") == "custom"


def _assert_dutch(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for p in problems:
        assert p.template is not None, f"not in the catalogue: {p}"
        assert p.text("en") == p.message, p
        assert p.text("nl") != p.text("en"), f"Dutch text equals English: {p}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_bad_input_is_said_in_dutch(case: Case, tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_area(case.make(tmp_path / "area"))
    _assert_dutch(info.value.problems)


@pytest.mark.parametrize("case", WARNING_CASES, ids=[c.id for c in WARNING_CASES])
def test_every_warning_is_said_in_dutch(case: Case, tmp_path: Path) -> None:
    warnings = read_area(case.make(tmp_path / "area")).warnings
    assert len(warnings) >= len(case.warnings)
    _assert_dutch(warnings)


def _broken_area(folder: Path, **config: object) -> Path:
    b = books()
    sheet = next(iter(b.values()))["Projecten"]
    col = sheet[0].index("Buurtcode") if "Buurtcode" in sheet[0] else 4
    sheet[1][col] = "veel"
    return write_area(folder, b, **config)


def test_validate_prints_dutch_table_by_default(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "validate", _broken_area(tmp_path / "area"))
    assert result.exit_code == 2, result.output
    out = result.output
    assert "fout: 1 probleem in de invoer" in out
    assert re.search(r"^bestand +blad +cel +kolom +probleem$", out, re.M), out
    assert "onbekende buurt 'veel'" in out
    assert "error:" not in out and "unknown buurt" not in out


def test_validate_prints_english_table_with_lang_en(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "validate", _broken_area(tmp_path / "area"), "--lang", "en")
    assert result.exit_code == 2, result.output
    out = result.output
    assert "error: 1 problem in the input" in out
    assert re.search(r"^file +sheet +cell +column +problem$", out, re.M), out
    assert "unknown buurt 'veel'" in out and "onbekende" not in out


def test_area_language_en_is_used_unless_lang_says_otherwise(tmp_path: Path, runner: CliRunner) -> None:
    folder = _broken_area(tmp_path / "area", language="en")
    english = invoke(runner, "validate", folder)
    assert english.exit_code == 2 and "unknown buurt 'veel'" in english.output, english.output
    dutch = invoke(runner, "validate", folder, "--lang", "nl")
    assert dutch.exit_code == 2 and "onbekende buurt 'veel'" in dutch.output, dutch.output


def test_scenario_file_problems_are_said_in_dutch(tmp_path: Path) -> None:
    from dia.scenarios.load import load_scenario

    path = tmp_path / "krap.yaml"
    path.write_text("budgets:\n  - factor: -1\nonzin: 1\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(path)
    _assert_dutch(info.value.problems)
    assert info.value.summary_text("nl") == "scenario krap.yaml is niet geldig"
    assert info.value.summary_text("en") == info.value.summary == "scenario krap.yaml is not valid"


def test_scenario_that_does_not_fit_is_said_in_dutch(tmp_path: Path, tiny_area: object) -> None:
    from dia.scenarios.apply import apply_scenario
    from dia.scenarios.load import load_scenario

    path = tmp_path / "zonder.yaml"
    path.write_text("remove:\n  partners: [Niemand]\nstarts:\n  force:\n    X-1: 2027\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        apply_scenario(tiny_area, load_scenario(path))  # type: ignore[arg-type]
    _assert_dutch(info.value.problems)
    texts = [p.text("nl") for p in info.value.problems]
    assert any(t.startswith("onbekende partner 'Niemand'") for t in texts), texts
    assert any(t == "onbekend project 'X-1'" for t in texts), texts


def test_stored_agenda_and_sia_problems_are_said_in_dutch(tmp_path: Path) -> None:
    from dia.io.agenda_io import read_agenda
    from dia.io.sia_io import load_sia_config, read_geometry

    bogus = tmp_path / "partner.xlsx"
    bogus.write_bytes(b"not a workbook")
    (tmp_path / "sia.yaml").write_text("onzin: 1\n", encoding="utf-8")
    (tmp_path / "b.geojson").write_text('{"features": [{"properties": {}}]}', encoding="utf-8")
    for read, path in ((read_agenda, bogus), (read_agenda, tmp_path / "leeg"),
                       (load_sia_config, tmp_path / "sia.yaml"), (read_geometry, tmp_path / "b.geojson")):
        with pytest.raises(InputError) as info:
            read(path)
        _assert_dutch(info.value.problems)


# ---- no English-only problem may come back -------------------------------------------------------

#: dia.solver says its texts in both languages through its own dia/solver/texts.py.
_OWN_TEXTS = ("solver",)


def _english_only(source: str, name: str) -> list[str]:
    """Sites in ``source`` that build a problem text outside the catalogue, as ``name:line what``.

    Flagged: ``Problem(...)`` without a template (5th argument or ``template=``; passing one on,
    as a re-located problem does, is fine), and an ``InputError`` summary or ``Problem.of`` message
    written as a string instead of a :func:`dia.messages.msg`.
    """
    found: list[tuple[int, str]] = []

    def is_text(node: ast.expr | None) -> bool:
        return isinstance(node, ast.JoinedStr | ast.BinOp) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str))

    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        callee = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        kw = {k.arg: k.value for k in node.keywords}
        where = f"{name}:{node.lineno}"
        if callee == "Problem" and len(node.args) < 5 and "template" not in kw:
            found.append((node.lineno, f"{where} Problem(...) without a catalogue message"))
        elif callee == "of" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id == "Problem":
            message = node.args[1] if len(node.args) > 1 else kw.get("message")
            if is_text(message):
                found.append((node.lineno, f"{where} Problem.of with a string message"))
        elif callee == "InputError":
            summary = node.args[1] if len(node.args) > 1 else kw.get("summary")
            if is_text(summary):
                found.append((node.lineno, f"{where} InputError summary as a string"))
    return [text for _, text in sorted(found)]


def test_every_problem_outside_the_solver_comes_from_the_catalogue() -> None:
    sites: list[str] = []
    scanned = 0
    for path in sorted((ROOT / "dia").rglob("*.py")):
        rel = path.relative_to(ROOT / "dia")
        if rel.parts[0] in _OWN_TEXTS:
            continue
        scanned += 1
        sites.extend(_english_only(path.read_text(encoding="utf-8"), str(rel)))
    assert scanned > 50, "the scan found too few modules: it is broken"
    assert sites == [], "add the text to dia/messages.py and use Problem.of(reason, msg(...)):\n" + \
        "\n".join(sites)


def test_english_only_scan_notices_each_kind_of_site() -> None:
    """The test above must be able to fail: every way of writing an English-only text is caught."""
    bad = (
        'raise InputError([Problem(Reason.NOT_FOUND, "sweep file not found", Location(file=f))])\n'
        'p = errors.Problem(Reason.X, f"unknown {x}")\n'
        'raise InputError(problems, summary=f"sweep {n} does not fit")\n'
        'raise InputError(problems, "custom " + n)\n'
        'q = Problem.of(Reason.X, "plain")\n'
    )
    assert [s.split(" ", 1)[0] for s in _english_only(bad, "x.py")] == [f"x.py:{i}" for i in range(1, 6)]
    good = (
        'raise InputError([Problem.of(Reason.NOT_FOUND, msg("sweep.not_found"), Location(file=f))])\n'
        'raise InputError(problems, summary=msg("sweep.invalid", name=n))\n'
        'Problem(p.reason, p.message, Location(file=f), p.severity, p.template, p.params)\n'
    )
    assert _english_only(good, "y.py") == []


def _saved_agenda(starts: dict[str, int | None], folder: Path) -> Path:
    from dia.report import export
    from tests.scenarios.agendas import make_agenda

    export(make_agenda(starts), folder, formats=("json",))
    return folder / "agenda.json"


def test_replan_mismatch_is_said_in_dutch_by_default(tmp_path: Path, runner: CliRunner) -> None:
    area = write_area(tmp_path / "area")
    previous = _saved_agenda({"XYZ-001": 2026, "GEM-001": 2026}, tmp_path / "oud")
    args = ("replan", area, "--previous", previous, "--freeze-until", 2028, "--out", tmp_path / "nieuw",
            "--quiet")
    result = invoke(runner, *args)
    assert result.exit_code == 2, result.output
    out = result.output
    assert "fout: de vorige agenda past niet bij het gebied: 1 project(en) onbekend" in out, out
    assert "niet in het gebied, wel in de vorige agenda: 1 project(en): XYZ-001" in out, out
    assert "wel in het gebied, niet in de vorige agenda:" in out and "DOM-001" in out, out
    assert "--accept-mismatch" in out and "previous agenda" not in out, out
    english = invoke(runner, *args, "--lang", "en")
    assert english.exit_code == 2, english.output
    assert "1 project(s) of the previous agenda are not in the area: XYZ-001" in english.output
    assert not (tmp_path / "nieuw").exists()


def test_sweep_that_does_not_fit_is_said_in_dutch_by_default(tmp_path: Path, runner: CliRunner) -> None:
    area = write_area(tmp_path / "area")
    sweep_file = tmp_path / "s.yaml"
    sweep_file.write_text("budgets: [{partner: Niemand, min: -0.1, max: 0.1}]\n"
                          "funds: [{name: Geen fonds, probability: 0.5}]\n", encoding="utf-8")
    result = invoke(runner, "sweep", area, "--sweep", sweep_file, "--draws", 2)
    assert result.exit_code == 2, result.output
    out = result.output
    assert "fout: onzekerheidsanalyse s past niet bij gebied" in out, out
    assert "onbekende partner 'Niemand'" in out and "budgets[0].partner" in out, out
    assert "onbekend fonds 'Geen fonds': geef 'add' om een nieuw fonds toe te kennen" in out, out
    assert "unknown" not in out, out
