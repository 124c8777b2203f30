"""The Dutch/English message catalogue and problem texts on the input path."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dia.errors import InputError, Location, Problem, Reason
from dia.io.area import read_area
from dia.messages import MESSAGES, Joined, Names, Number, fields, msg, pydantic_message, render
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
    """Ids given to ``msg(...)`` and to ``pydantic_error(...)`` (the models' validators) alike."""
    used: set[str] = set()
    raised: set[str] = set()
    for path in sorted((ROOT / "dia").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        used.update(re.findall(r"""\bmsg\(\s*["']([a-z_.0-9]+)["']""", source))
        raised.update(re.findall(r"""\b(?:pydantic_error|PydanticCustomError)\(\s*["']([a-z_.0-9]+)["']""",
                                 source))
    assert used, "no msg(...) call found: the scan is broken"
    assert raised, "no pydantic_error(...) call found: the scan is broken"
    assert sorted((used | raised) - set(MESSAGES)) == []


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


# ---- the models' own validators say their messages in Dutch too ---------------------------------


def _custom_error_sites(source: str, name: str) -> list[str]:
    """``pydantic_error(id, **ctx)`` calls in ``source`` whose id or parameters do not fit the catalogue.

    pydantic fills the English template itself and knows only plain ``{name}`` fields, so the
    template may have no ``!r`` or format spec, and the call must give exactly the template's fields.
    """
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)):
            continue
        callee = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        if callee != "pydantic_error":
            continue
        where = f"{name}:{node.lineno}"
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            found.append(f"{where} id is not a literal")
            continue
        if first.value not in MESSAGES:
            found.append(f"{where} {first.value!r} is not in the catalogue")
            continue
        nl, en = MESSAGES[first.value]
        for template in (nl, en):
            if any(conv or spec for _, f, spec, conv in string.Formatter().parse(template) if f):
                found.append(f"{where} {first.value!r} has a field with !r or a format spec")
        given = {k.arg for k in node.keywords}
        if given != fields(en):
            found.append(f"{where} {first.value!r} gets {sorted(map(str, given))}, the template has "
                         f"{sorted(fields(en))}")
    return found


def test_every_custom_validator_error_fits_its_catalogue_entry() -> None:
    sites: list[str] = []
    calls = 0
    for path in sorted((ROOT / "dia").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        calls += source.count("pydantic_error(")
        sites.extend(_custom_error_sites(source, str(path.relative_to(ROOT))))
    assert calls > 20, "the scan found too few pydantic_error calls: it is broken"
    assert sites == []


def test_custom_error_scan_notices_each_kind_of_misfit() -> None:
    """The test above must be able to fail: unknown id, missing or extra parameter, a !r field."""
    bad = (
        'raise pydantic_error("model.no_such_id")\n'
        'raise pydantic_error("model.horizon_order", start=1)\n'
        'raise pydantic_error("scenario.shift_zero", shift=0)\n'
        'raise pydantic_error("scenario.unknown_key", key="x")\n'
        'raise pydantic_error(some_id)\n'
    )
    assert [s.split(" ", 1)[0] for s in _custom_error_sites(bad, "x.py")] == [
        "x.py:1", "x.py:2", "x.py:3", "x.py:4", "x.py:4", "x.py:5"]
    good = 'raise pydantic_error("model.horizon_order", start=2026, end=2020)\n'
    assert _custom_error_sites(good, "y.py") == []


_PROJECT = dict(id="X-1", partner="Gemeente", name="x", type="riolering", buurt="BU01530300",
                earliest_start=2026, duration=2, cost=2_000_000.0)


def _models() -> dict[str, type[Any]]:
    from dia.model import CouplingRule, Fund, Horizon, Project
    from dia.scenarios.model import (
        BudgetChange,
        CostChange,
        FundGrant,
        HorizonChange,
        RuleChanges,
        WindowShift,
    )
    from dia.scenarios.sweep import CostRange
    from dia.sia.config import Classes, Normalisation

    return {m.__name__: m for m in (CouplingRule, Fund, Horizon, Project, BudgetChange, CostChange,
                                    FundGrant, HorizonChange, RuleChanges, WindowShift, CostRange,
                                    Classes, Normalisation)}


#: (model, data, message id, Dutch text, English text): every message a validator raises.
VALIDATOR_CASES: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("Horizon", {"start": 2026, "end": 2020}, "model.horizon_order",
     "de planhorizon eindigt in 2020, vóór het beginjaar 2026",
     "horizon end 2020 lies before its start 2026"),
    ("Horizon", {"start": 2000, "end": 2060}, "model.horizon_long",
     "een planhorizon van meer dan 50 jaar wordt niet ondersteund",
     "a horizon of more than 50 years is not supported"),
    ("CouplingRule", {"id": "r", "types": ("a", "b"), "scope": "within"}, "model.rule_within",
     "scope 'within' vraagt een afstand distance_m ≥ 0 (in meters)", "scope 'within' needs a distance_m ≥ 0"),
    ("CouplingRule", {"id": "r", "types": ("a", "b"), "distance_m": -2.5}, "model.rule_distance",
     "distance_m moet ≥ 0 zijn, maar er staat -2,5", "distance_m must be ≥ 0, got -2.5"),
    ("CouplingRule", {"id": "r", "types": ("a", "b"), "saving_base": "fixed"}, "model.rule_fixed",
     "saving_base 'fixed' vraagt een vast bedrag saving_fixed ≥ 0",
     "saving_base 'fixed' needs a saving_fixed amount ≥ 0"),
    ("Fund", {"name": "Wijkfonds", "amounts": [{"year": 2027, "amount": 1}, {"year": 2027, "amount": 2}]},
     "model.fund_year_twice", "fonds Wijkfonds noemt een jaar twee keer",
     "fund Wijkfonds lists a year twice"),
    ("Project", _PROJECT | {"profile": (-1.0, 2_000_001.0)}, "model.cash_flow_negative",
     "de bedragen van de kasstroom moeten ≥ 0 zijn", "cash-flow amounts must be ≥ 0"),
    ("Project", _PROJECT | {"latest_start": 2025}, "area.window_inverted",
     "laatste start 2025 ligt vóór de vroegste start 2026",
     "latest start 2025 lies before the earliest start 2026"),
    ("Project", _PROJECT | {"latest_start": 2027, "preferred_start": 2029}, "area.preferred_outside",
     "gewenste start 2029 ligt buiten het venster 2026–2027",
     "preferred start 2029 lies outside the window 2026–2027"),
    ("Project", _PROJECT | {"profile": (2_000_000.0,)}, "model.cash_flow_years",
     "de kasstroom heeft 1 projectja(a)r(en), de duur is 2",
     "cash-flow profile has 1 years, the duration is 2"),
    ("Project", _PROJECT | {"profile": (500_000.5, 1_000_000.0)}, "model.cash_flow_sum",
     "de kasstroom telt op tot 1.500.000,5, de kosten zijn 2.000.000",
     "cash-flow profile sums to 1,500,000.5, the cost is 2,000,000"),
    ("Project", _PROJECT | {"after": ("X-1",)}, "area.after_itself",
     "project X-1 kan niet na zichzelf komen", "project X-1 cannot come after itself"),
    ("Project", _PROJECT | {"shares": [{"partner": "A", "fraction": 0.5},
                                        {"partner": "A", "fraction": 0.5}]},
     "cell.shares_twice", "een partner staat twee keer in de aandelen",
     "a partner appears twice in the shares"),
    ("Project", _PROJECT | {"shares": [{"partner": "A", "fraction": 0.5},
                                        {"partner": "B", "fraction": 0.25}]},
     "cell.shares_sum", "de aandelen tellen op tot 75%, verwacht 100%",
     "the shares add up to 75%, expected 100%"),
    ("CostChange", {"factor": 1.1}, "scenario.select_nothing",
     "noem minstens één van 'partners', 'types' of 'projects'",
     "name at least one of 'partners', 'types' or 'projects'"),
    ("BudgetChange", {"factor": 0.8, "amount": 1000}, "scenario.factor_and_amount",
     "geef 'factor' of 'amount', niet allebei", "give either 'factor' or 'amount', not both"),
    ("BudgetChange", {"partner": "Domijn"}, "scenario.budget_nothing",
     "geef 'factor', 'amount' of 'carry_over' (overheveling)", "give 'factor', 'amount' or 'carry_over'"),
    ("FundGrant", {"name": "Rijk", "amounts": {}}, "scenario.grant_empty",
     "een toegekend fonds heeft minstens één jaar met een bedrag nodig",
     "a granted fund needs at least one year with an amount"),
    ("FundGrant", {"name": "Rijk", "amounts": {2027: -1250.5}}, "scenario.grant_negative",
     "het bedrag voor 2027 moet ≥ 0 zijn, maar er staat -1.250,5",
     "amount for 2027 must be ≥ 0, got -1,250.5"),
    ("HorizonChange", {}, "scenario.horizon_nothing",
     "geef 'start' en/of 'end'", "give 'start' and/or 'end'"),
    ("HorizonChange", {"start": 2030, "end": 2028}, "model.horizon_order",
     "de planhorizon eindigt in 2028, vóór het beginjaar 2030",
     "horizon end 2028 lies before its start 2030"),
    ("WindowShift", {"types": ["riolering"], "shift": 1, "not_before": 2028}, "scenario.shift_kind",
     "geef precies één van 'shift' en 'not_before'", "give exactly one of 'shift' and 'not_before'"),
    ("WindowShift", {"types": ["riolering"], "shift": 0}, "scenario.shift_zero",
     "'shift' mag niet 0 zijn", "'shift' must not be 0"),
    ("RuleChanges", {"change": {"r1": {"id": "r2"}}}, "scenario.rule_id_change",
     "koppelregel 'r1': de id kan niet veranderd worden (haal de regel weg en voeg hem opnieuw toe)",
     "rule 'r1': the id cannot be changed (remove and add instead)"),
    ("CostRange", {"min": 0.1, "max": -0.05}, "sweep.range_order",
     "max -0,05 ligt onder min 0,1", "max -0.05 lies below min 0.1"),
    ("Normalisation", {"winsorise": (0.95, 0.05)}, "sia.winsorise",
     "winsorise vraagt twee kwantielen 0 ≤ onder < boven ≤ 1",
     "winsorise needs two quantiles 0 ≤ lower < upper ≤ 1"),
    ("Classes", {"urgency_threshold": 120}, "sia.threshold",
     "een drempel ligt tussen 0 en 100 of is 'median'", "a threshold lies between 0 and 100 or is 'median'"),
]


def _english_words(template: str, dutch: str) -> set[str]:
    """Words of an English template that a Dutch text must not contain (keys in quotes and words the
    Dutch template uses too, such as ``distance_m`` or ``max``, are left out)."""
    plain = re.sub(r"'[^']*'|\{[^}]*\}", " ", template)
    return {w for w in re.findall(r"[a-z][a-z_-]{2,}", plain.lower()) if w not in dutch.lower()}


@pytest.mark.parametrize(("model", "data", "msg_id", "nl", "en"), VALIDATOR_CASES,
                         ids=[f"{c[2]}-{c[0]}" for c in VALIDATOR_CASES])
def test_validator_message_is_said_in_dutch_and_english(
    model: str, data: dict[str, Any], msg_id: str, nl: str, en: str
) -> None:
    from pydantic import ValidationError

    from dia.io.validation import message_of

    with pytest.raises(ValidationError) as info:
        _models()[model].model_validate(data)
    errors = [e for e in info.value.errors() if e["type"] == msg_id]
    assert len(errors) == 1, info.value.errors()
    assert msg_id in str(info.value)  # a library user sees the id and pydantic's English text
    shown = message_of(errors[0])
    assert shown.id == msg_id, shown
    assert shown.text("en") == en
    assert shown.text("nl") == nl
    words = _english_words(MESSAGES[msg_id][1], MESSAGES[msg_id][0])
    assert not [w for w in words if re.search(rf"\b{re.escape(w)}\b", shown.text("nl"))], words


def test_every_validator_message_has_a_case() -> None:
    raised: set[str] = set()
    for path in sorted((ROOT / "dia").rglob("*.py")):
        raised.update(re.findall(r"""\bpydantic_error\(\s*["']([a-z_.0-9]+)["']""", path.read_text("utf-8")))
    assert raised and raised == {c[2] for c in VALIDATOR_CASES}


def test_english_words_check_notices_english_inside_a_dutch_frame() -> None:
    """The Dutch check above must be able to fail: pydantic's old rendering of a validator's text."""
    en = MESSAGES["scenario.factor_and_amount"][1]
    old = msg("pydantic.other", detail=en, found="").text("nl")
    words = _english_words(en, MESSAGES["scenario.factor_and_amount"][0])
    assert {"give", "either", "not", "both"} <= words
    assert [w for w in words if re.search(rf"\b{re.escape(w)}\b", old)]


def test_a_custom_error_without_its_parameters_keeps_pydantics_text() -> None:
    """A custom error type that names a catalogue id but lacks a parameter is not rendered half."""
    error = {"type": "model.horizon_order", "msg": "horizon end ? lies before its start ?", "ctx": {"end": 1}}
    shown = pydantic_message(error)
    assert shown.id == "pydantic.other" and shown.text("en") == error["msg"]


# ---- ... and the user meets them so, file and key included ---------------------------------------


def test_scenario_with_factor_and_amount_is_said_in_dutch(tmp_path: Path, runner: CliRunner) -> None:
    area = write_area(tmp_path / "area")
    scenario = tmp_path / "beide.yaml"
    scenario.write_text("budgets:\n  - {partner: Domijn, factor: 0.8, amount: 1000000}\n", encoding="utf-8")
    dutch = invoke(runner, "compare", area, scenario, "--out", tmp_path / "uit", "--quiet")
    assert dutch.exit_code == 2, dutch.output
    assert re.search(r"beide\.yaml +budgets\[0\] +geef 'factor' of 'amount', niet allebei$", dutch.output,
                     re.M), dutch.output
    assert "either" not in dutch.output and "ongeldige waarde" not in dutch.output, dutch.output
    english = invoke(runner, "compare", area, scenario, "--out", tmp_path / "uit", "--quiet", "--lang", "en")
    assert english.exit_code == 2, english.output
    assert re.search(r"beide\.yaml +budgets\[0\] +give either 'factor' or 'amount', not both$",
                     english.output, re.M), english.output
    assert not (tmp_path / "uit").exists()


def test_horizon_that_ends_before_it_starts_is_said_in_dutch(tmp_path: Path, runner: CliRunner) -> None:
    area = write_area(tmp_path / "area", horizon={"start": 2026, "end": 2020})
    dutch = invoke(runner, "validate", area)
    assert dutch.exit_code == 2, dutch.output
    assert re.search(r"^dia\.yaml +horizon +de planhorizon eindigt in 2020, vóór het beginjaar 2026$",
                     dutch.output, re.M), dutch.output
    english = invoke(runner, "validate", area, "--lang", "en")
    assert re.search(r"^dia\.yaml +horizon +horizon end 2020 lies before its start 2026$", english.output,
                     re.M), english.output


def test_sweep_range_upside_down_is_said_in_dutch(tmp_path: Path, runner: CliRunner) -> None:
    area = write_area(tmp_path / "area")
    sweep_file = tmp_path / "s.yaml"
    sweep_file.write_text("budgets: [{partner: Domijn, min: 0.1, max: -0.1}]\n", encoding="utf-8")
    dutch = invoke(runner, "sweep", area, "--sweep", sweep_file, "--draws", 2)
    assert dutch.exit_code == 2, dutch.output
    assert re.search(r"s\.yaml +budgets\[0\] +max -0,1 ligt onder min 0,1$", dutch.output, re.M), dutch.output
    assert "lies below" not in dutch.output, dutch.output
    english = invoke(runner, "sweep", area, "--sweep", sweep_file, "--draws", 2, "--lang", "en")
    assert re.search(r"s\.yaml +budgets\[0\] +max -0\.1 lies below min 0\.1$", english.output, re.M), \
        english.output


def test_dia_yaml_rule_problems_are_said_in_dutch(tmp_path: Path) -> None:
    rules = [{"id": "r1", "types": ["riolering", "herinrichting"], "scope": "within"}]
    with pytest.raises(InputError) as info:
        read_area(write_area(tmp_path / "area", rules=rules))
    [problem] = info.value.problems
    assert (problem.location.file, problem.location.key) == ("dia.yaml", "rules[0]")
    assert problem.text("nl") == "scope 'within' vraagt een afstand distance_m ≥ 0 (in meters)"
    assert problem.text("en") == problem.message == "scope 'within' needs a distance_m ≥ 0"
