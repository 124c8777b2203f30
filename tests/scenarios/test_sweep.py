"""Uncertainty sweeps: seeded draws, identical results serial / process pool / Dask, summaries, bad files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dia.errors import InputError, Reason
from dia.model import Area
from dia.report.sweep import sweep_files
from dia.scenarios.sweep import CORE_SHARE, SweepSpec, draw_scenarios, load_sweep, summarise, sweep

SPEC: dict[str, Any] = {
    "name": "t",
    "costs": [{"min": 0.0, "max": 0.3}],
    "budgets": [{"partner": "Gemeente", "min": -0.1, "max": 0.1}],
    "funds": [{"name": "Energiefonds", "probability": 0.5},
              {"name": "Nieuw", "probability": 0.5,
               "add": {"amounts": {2027: 500_000}, "types": ["riolering"]}}],
}


@pytest.fixture
def spec() -> SweepSpec:
    return SweepSpec.model_validate(SPEC)


def test_draws_are_fixed_by_the_seed(tiny_area: Area, spec: SweepSpec) -> None:
    a = draw_scenarios(tiny_area, spec, 5, seed=7)
    assert a == draw_scenarios(tiny_area, spec, 5, seed=7)
    assert a != draw_scenarios(tiny_area, spec, 5, seed=8)
    assert draw_scenarios(tiny_area, spec, 8, seed=7)[:5] == a  # draw i does not depend on how many
    for s in a:
        assert len(s.costs) == 4 and all(1.0 <= c.factor <= 1.3 for c in s.costs)
        assert len(s.budgets) == 1 and 0.9 <= s.budgets[0].factor <= 1.1
    granted = [bool(s.funds.add) for s in draw_scenarios(tiny_area, spec, 200, seed=1)]
    assert 70 < sum(granted) < 130  # probability 0.5


def test_serial_and_process_pool_give_identical_results(tiny_area: Area, spec: SweepSpec) -> None:
    serial = sweep(tiny_area, spec, draws=6, seed=3, processes=1)
    pooled = sweep(tiny_area, spec, draws=6, seed=3, processes=2)
    for name in ("draws", "projects", "figures"):
        assert getattr(serial, name).equals(getattr(pooled, name)), name
    assert sweep_files(serial) == sweep_files(pooled)


@pytest.mark.slow
def test_dask_cluster_gives_identical_results(tiny_area: Area, spec: SweepSpec) -> None:
    distributed = pytest.importorskip("distributed")
    serial = sweep(tiny_area, spec, draws=6, seed=3, processes=1)
    # Worker processes, not threads: the solver silences C-level stdout per solve (not thread-safe).
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster:
        remote = sweep(tiny_area, spec, draws=6, seed=3, scheduler=cluster.scheduler_address)
    for name in ("draws", "projects", "figures"):
        assert getattr(serial, name).equals(getattr(remote, name)), name


def test_summary_counts_and_verdicts(tiny_area: Area, spec: SweepSpec) -> None:
    result = sweep(tiny_area, spec, draws=8, seed=2, processes=1)
    assert list(result.draws.index) == list(range(8))
    years = [c for c in result.projects.columns if isinstance(c, int)]
    assert years == list(range(2026, 2031))
    for pid, row in result.projects.iterrows():
        scheduled = sum(int(row[y]) for y in years)
        assert row["scheduled"] == pytest.approx(scheduled / result.feasible, abs=1e-4), pid
        expected = "never" if scheduled == 0 else "core" if row["scheduled"] >= CORE_SHARE else "luck"
        assert row["verdict"] == expected
    assert result.projects.at["G-001", "verdict"] == "core"  # mandatory
    f = result.figures
    assert f.at["value", "p10"] <= f.at["value", "p50"] <= f.at["value", "p90"]


def test_infeasible_draws_are_counted_not_fatal(tiny_area: Area) -> None:
    spec = SweepSpec.model_validate({"name": "duur",
                                     "costs": [{"projects": ["G-001"], "min": 2.0, "max": 2.0}]})
    result = sweep(tiny_area, spec, draws=2, seed=0, processes=1)
    assert list(result.draws["status"]) == ["infeasible", "infeasible"]
    assert result.feasible == 0


def test_summarise_ignores_arrival_order(tiny_area: Area, spec: SweepSpec) -> None:
    from dia.scenarios.sweep import solve_draw

    results = [solve_draw(tiny_area, s, i) for i, s in enumerate(draw_scenarios(tiny_area, spec, 4, 5))]
    a = summarise(tiny_area, "t", 5, results)
    b = summarise(tiny_area, "t", 5, list(reversed(results)))
    assert a.draws.equals(b.draws) and a.projects.equals(b.projects) and a.figures.equals(b.figures)


@pytest.mark.parametrize(
    ("text", "reason", "key"),
    [("funds: [{name: X, probability: 1.5, add: {amounts: {2027: 1}}}]\n", Reason.OUT_OF_RANGE,
      "funds[0].probability"),
     ("costs: [{min: 0.3, max: 0.1}]\n", Reason.INVALID_VALUE, "costs[0]"),
     ("costs: [{min: 0, max: 0.1, typo: 1}]\n", Reason.UNKNOWN_KEY, "costs[0].typo"),
     ("draws: 5\n", Reason.UNKNOWN_KEY, "draws"),
     ("scenario: nergens.yaml\n", Reason.NOT_FOUND, None)],
    ids=["probability", "range-order", "unknown-range-key", "unknown-key", "missing-scenario"],
)
def test_bad_sweep_files(tmp_path: Path, text: str, reason: Reason, key: str | None) -> None:
    path = tmp_path / "fout.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_sweep(path)
    assert (reason, key) in [(p.reason, p.location.key) for p in info.value.problems]


@pytest.mark.parametrize(
    ("spec", "reason", "key"),
    [({"budgets": [{"partner": "Nobody", "min": 0, "max": 0.1}]}, Reason.UNKNOWN_PARTNER,
      "budgets[0].partner"),
     ({"costs": [{"types": ["kernreactor"], "min": 0, "max": 0.1}]}, Reason.UNKNOWN_TYPE,
      "costs[0].types[0]"),
     ({"funds": [{"name": "Geen", "probability": 0.5}]}, Reason.UNKNOWN_FUND, "funds[0].name"),
     ({"funds": [{"name": "Energiefonds", "probability": 0.5, "add": {"amounts": {2027: 1}}}]},
      Reason.DUPLICATE_ID, "funds[0].name")],
    ids=["partner", "type", "fund", "fund-exists"],
)
def test_sweep_names_must_exist(tiny_area: Area, spec: dict[str, Any], reason: Reason, key: str) -> None:
    s = SweepSpec.model_validate({"name": "x", "source": "x.yaml", **spec})
    with pytest.raises(InputError) as info:
        draw_scenarios(tiny_area, s, 1, 0)
    found = [(p.reason, p.location.key, p.location.file) for p in info.value.problems]
    assert found == [(reason, key, "x.yaml")]


def test_shipped_sweep_file_loads(example_dir: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    spec = load_sweep(root / "scenarios" / "sweep" / "onzekerheid.yaml")
    assert spec.name == "onzekerheid" and spec.funds[0].probability == 0.5
    from dia.io.area import load_area

    area = load_area(example_dir)
    scenarios = draw_scenarios(area, spec, 2, 0)
    assert len(scenarios[0].costs) == len(area.projects)  # one cost factor per project


def test_sweep_solver_options_reach_every_draw(tiny_area: Area) -> None:
    spec = SweepSpec.model_validate({"name": "s", "costs": [{"min": 0, "max": 0.1}], "solver": {"gap": 0.01}})
    for s in draw_scenarios(tiny_area, spec, 3, 0):
        assert s.solver is not None and s.solver.gap == 0.01 and s.solver.model_fields_set == {"gap"}
