"""Reading scenario files: keys, ranges, ``extends`` and its cycles, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dia.errors import InputError, Reason
from dia.scenarios.load import dotted, load_scenario
from tests.io.bad.cases import alias_bomb


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_full_scenario_reads_every_override_kind(tmp_path: Path) -> None:
    path = write(tmp_path, "alles.yaml", """
description: Alles tegelijk
base: ../area
horizon: {end: 2031}
remove: {partners: [Domijn], projects: [G-002], types: [energiecoach]}
budgets:
  - {partner: Gemeente, factor: 0.8}
  - {partner: Gemeente, years: [2027], amount: 100000, carry_over: 0.2}
costs: [{types: [riolering], factor: 1.1}]
funds:
  add: [{name: Klimaatfonds, amounts: {2027: 50000}, types: [riolering]}]
  cut: [{fund: Energiefonds, factor: 0.5}]
  remove: [Oud]
windows: [{types: [riolering], shift: 2}, {partners: [Gemeente], not_before: 2028}]
starts: {force: {G-001: 2027}, forbid: {D-001: [2026]}}
rules:
  remove: [renovatie-straat]
  change: {riool-straat: {saving_pct: 10}}
weights: {delay: 0.05}
caps: {street_works_per_buurt_year: 2}
solver: {time_limit: 5}
""")
    s = load_scenario(path)
    assert s.name == "alles"
    assert s.source == str(path)
    assert s.base == str((tmp_path.parent / "area").resolve())
    assert s.budgets[1].amount == 100000 and s.budgets[1].years == (2027,)
    assert s.funds.add[0].amounts == {2027: 50000.0}
    assert s.starts.force == {"G-001": 2027}
    assert s.weights is not None and s.weights.model_fields_set == {"delay"}
    assert s.solver is not None and s.solver.time_limit == 5
    assert len(s.inputs) == 1 and s.inputs[0].name == "alles.yaml"
    assert not s.is_empty


def test_empty_file_is_an_empty_scenario_named_after_the_file(tmp_path: Path) -> None:
    s = load_scenario(write(tmp_path, "basis.yaml", "# niets\n"))
    assert s.name == "basis" and s.is_empty


def test_extends_applies_parent_first_and_chain_is_kept(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "budgets: [{factor: 0.9}]\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\nweights: {delay: 0.1}\n")
    c = load_scenario(write(tmp_path, "c.yaml", "extends: b\nname: Cee\n"))
    assert [s.name for s in c.lineage] == ["a", "b", "Cee"]
    assert [f.name for f in c.inputs] == ["a.yaml", "b.yaml", "c.yaml"]
    assert not c.is_empty and c.own_is_empty


def expect(path: Path, reason: Reason, key: str | None) -> InputError:
    with pytest.raises(InputError) as info:
        load_scenario(path)
    found = [(p.reason, p.location.key) for p in info.value.problems]
    assert (reason, key) in found, found
    assert all(p.location.file is not None for p in info.value.problems)
    return info.value


@pytest.mark.parametrize(
    ("text", "reason", "key"),
    [
        ("budgets: [{partner: Gemeente, factor: -0.2}]\n", Reason.NEGATIVE_AMOUNT, "budgets[0].factor"),
        ("budgets: [{partner: Gemeente, factr: 0.8}]\n", Reason.UNKNOWN_KEY, "budgets[0].factr"),
        ("budget: [{factor: 0.8}]\n", Reason.UNKNOWN_KEY, "budget"),
        ("budgets: [{partner: Gemeente, factor: 0.8, amount: 5}]\n", Reason.INVALID_VALUE, "budgets[0]"),
        ("budgets: [{years: [twintig], factor: 0.8}]\n", Reason.WRONG_TYPE, "budgets[0].years[0]"),
        ("weights: {delya: 0.1}\n", Reason.UNKNOWN_KEY, "weights.delya"),
        ("solver: {time_limit: 0}\n", Reason.OUT_OF_RANGE, "solver.time_limit"),
        ("horizon: {start: 2030, end: 2028}\n", Reason.INVALID_VALUE, "horizon"),
        ("windows: [{shift: 2}]\n", Reason.INVALID_VALUE, "windows[0]"),
        ("costs: [{types: [riolering], factor: -1}]\n", Reason.NEGATIVE_AMOUNT, "costs[0].factor"),
        ("funds: {add: [{name: X, amounts: {2027: -5}}]}\n", Reason.INVALID_VALUE, "funds.add[0].amounts"),
        ("source: elders.yaml\n", Reason.UNKNOWN_KEY, "source"),
        ("extends: bestaat-niet.yaml\n", Reason.NOT_FOUND, "extends"),
        ("- een lijst\n", Reason.WRONG_TYPE, None),
        ("budgets: [\n", Reason.INVALID_VALUE, None),
        ("weights: {delay: 0.1}\nweights: {value: 2}\n", Reason.INVALID_VALUE, None),
        (alias_bomb().replace("l9:", "budgets:"), Reason.INVALID_VALUE, None),
        ("budgets: &b [{partner: Gemeente, factor: 0.8}, *b]\n", Reason.INVALID_VALUE, None),
    ],
    ids=["negative-factor", "unknown-budget-key", "unknown-top-key", "factor-and-amount", "year-not-int",
         "unknown-weight", "solver-range", "horizon-order", "window-no-selection", "negative-cost-factor",
         "negative-fund", "internal-key", "extends-missing", "not-a-mapping", "bad-yaml", "duplicate-key",
         "alias-bomb", "self-referring-alias"],
)
def test_bad_scenario_file(tmp_path: Path, text: str, reason: Reason, key: str | None) -> None:
    err = expect(write(tmp_path, "fout.yaml", text), reason, key)
    assert "fout.yaml" in str(err)


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\n")
    err = expect(tmp_path / "a.yaml", Reason.CYCLE, "extends")
    assert "a.yaml → b.yaml → a.yaml" in err.problems[0].message


def test_self_extension_is_a_cycle(tmp_path: Path) -> None:
    expect(write(tmp_path, "zelf.yaml", "extends: zelf.yaml\n"), Reason.CYCLE, "extends")


def test_missing_file(tmp_path: Path) -> None:
    expect(tmp_path / "nergens.yaml", Reason.NOT_FOUND, None)


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "veel.yaml", "budgets: [{factor: -1}, {factor: -2}]\nweights: {x: 1}\n")
    with pytest.raises(InputError) as info:
        load_scenario(path)
    assert len(info.value.problems) == 3


def test_dotted_keys() -> None:
    assert dotted(("budgets", 0, "factor")) == "budgets[0].factor"
    assert dotted(("starts", "force", "G-001")) == "starts.force.G-001"
