"""Tests of the independent agenda checker itself: it accepts a valid agenda and rejects bad ones.

The agendas here are built by hand (:func:`build_agenda`, no solver), then
broken in one way each; the checker must name every kind of violation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from dia.model import (
    Agenda,
    Area,
    AreaConfig,
    Budget,
    Buurt,
    Caps,
    CostShare,
    Coupling,
    CouplingResult,
    CouplingRule,
    Fund,
    FundDraw,
    FundYear,
    Horizon,
    ObjectiveParts,
    PartnerSpend,
    PartnerYear,
    Project,
    ProjectType,
    RunInfo,
    ScheduledProject,
    SolverOptions,
    Weights,
)
from tests.checker import (
    Draw,
    Plan,
    assert_valid,
    check_agenda,
    gross_spend,
    objective_of,
    partner_year_figures,
    preferred_start,
    saving_by_partner_year,
    sia_weight,
)
from tests.strategies import couplings_of

B1, B2 = "BU00010001", "BU00010002"


def checker_area(**changes: object) -> Area:
    """Four projects of two partners, two koppelkansen, a fund, carry-over and a nuisance cap."""
    config = AreaConfig(
        name="Checkwijk",
        horizon=Horizon(start=2030, end=2033),
        buurten=(Buurt(code=B1, name="Een", sia_weight=1.5), Buurt(code=B2, name="Twee")),
        types=(ProjectType(id="riolering", label="Riool", is_street_work=True),
               ProjectType(id="herinrichting", label="Straat", is_street_work=True),
               ProjectType(id="renovatie", label="Renovatie"),
               ProjectType(id="groen", label="Groen")),
        rules=(CouplingRule(id="riool-straat", types=("riolering", "herinrichting"), scope="same_street",
                            max_gap=1, saving_pct=20),
               CouplingRule(id="renovatie-buurt", types=("herinrichting", "renovatie"), scope="same_buurt",
                            max_gap=0, saving_pct=5)),
        weights=Weights(value=1.0, saving=1.0, delay=0.02, use_sia=True),
        caps=Caps(street_works_per_buurt_year=1),
    )
    projects = (
        Project(id="G-01", partner="Gemeente", name="Riool", type="riolering", buurt=B1,
                streets=("Beukstraat",), earliest_start=2030, latest_start=2031, preferred_start=2030,
                duration=2, cost=100_000, value=150_000, is_mandatory=True),
        Project(id="G-02", partner="Gemeente", name="Straat", type="herinrichting", buurt=B1,
                streets=("Beukstraat",), earliest_start=2030, latest_start=2032, preferred_start=2030,
                duration=1, cost=40_000, value=60_000),
        Project(id="A-03", partner="Alfa", name="Renovatie", type="renovatie", buurt=B1,
                earliest_start=2031, latest_start=2032, duration=2, cost=200_000,
                profile=(80_000, 120_000), value=300_000, funds=("Fonds",),
                shares=(CostShare(partner="Alfa", fraction=0.75),
                        CostShare(partner="Gemeente", fraction=0.25))),
        Project(id="A-04", partner="Alfa", name="Groen", type="groen", buurt=B2,
                earliest_start=2031, latest_start=2033, duration=3, cost=30_000, value=20_000,
                after=("G-02",), funds=("Fonds",)),
    )
    budgets = tuple(Budget(partner=p, year=y, amount=a, carry_over=c)
                    for p, a, c in (("Gemeente", 150_000, 0.5), ("Alfa", 200_000, 0.25))
                    for y in range(2030, 2034))
    funds = (Fund(name="Fonds", amounts=(FundYear(year=2031, amount=50_000),), types=("renovatie",),
                  partners=("Alfa",)),)
    data: dict[str, object] = {"config": config, "projects": projects, "budgets": budgets, "funds": funds}
    data.update(changes)
    return Area.model_validate(data)


def build_agenda(area: Area, couplings: Sequence[Coupling], starts: Mapping[str, int],
                 draws: Sequence[Draw] = (), realise: Sequence[tuple[str, str]] | None = None) -> Agenda:
    """A complete agenda for given decisions, built without the solver.

    Realises every coupling whose projects are scheduled within its gap (or
    exactly ``realise``), credits each project its shares (capped at its
    cost), spreads each project's saving over its payers by share and its
    years by profile, and carries over as much as allowed.
    """
    plan = Plan(starts=dict(starts), draws=list(draws))
    credit: dict[str, float] = defaultdict(float)
    for c in couplings:
        sa, sb = starts.get(c.project_a), starts.get(c.project_b)
        eligible = sa is not None and sb is not None and abs(sa - sb) <= c.max_gap
        if (realise is None and eligible) or (realise is not None and c.pair in realise):
            plan.realised[c.pair] = c.potential_saving
            credit[c.project_a] += c.share_a * c.potential_saving
            credit[c.project_b] += (1 - c.share_a) * c.potential_saving
    for pid, amount in credit.items():
        plan.project_saving[pid] = min(amount, area.project_by_id[pid].cost)
    plan.partner_saving = {k: v for k, v in saving_by_partner_year(area, starts, plan.project_saving).items()
                           if k[1] in area.config.horizon}
    for (partner, year), f in sorted(partner_year_figures(area, plan).items()):
        row = area.budget_of(partner, year)
        fraction = row.carry_over if row else 0.0
        plan.carry_out[(partner, year)] = max(0.0, fraction * (f["budget"] + f["carry_in"] - f["net"]))

    projects = []
    for p in area.projects:
        start = starts.get(p.id)
        spend = gross_spend(area, {p.id: start}) if start is not None else {}
        projects.append(ScheduledProject(
            project_id=p.id, partner=p.partner, name=p.name, type=p.type, buurt=p.buurt,
            is_selected=start is not None, is_mandatory=p.is_mandatory, start_year=start,
            end_year=p.end_year(start) if start is not None else None, preferred_start=preferred_start(p),
            cost=p.cost, saving=plan.project_saving.get(p.id, 0.0), value=p.value,
            weighted_value=sia_weight(area, p) * p.value,
            cluster="K001" if any(p.id in pair for pair in plan.realised) else None,
            spend=tuple(PartnerSpend(partner=k[0], year=k[1], amount=v) for k, v in sorted(spend.items())),
        ))
    cashflow = [PartnerYear(partner=k[0], year=k[1], budget=f["budget"], spend=f["spend"], saving=f["saving"],
                            fund_draw=f["fund_draw"], net=f["net"], carry_in=f["carry_in"],
                            carry_out=f["carry_out"])
                for k, f in sorted(partner_year_figures(area, plan).items())]
    coupling_rows = [CouplingResult(project_a=c.project_a, project_b=c.project_b, rule=c.rule,
                                    potential_saving=c.potential_saving, is_realised=c.pair in plan.realised,
                                    saving=plan.realised.get(c.pair, 0.0))
                     for c in couplings]
    objective = objective_of(area, plan)
    return Agenda(
        area=area.config.name, horizon_start=area.config.horizon.start, horizon_end=area.config.horizon.end,
        projects=tuple(projects), cashflow=tuple(cashflow), couplings=tuple(coupling_rows),
        fund_draws=tuple(FundDraw(fund=d.fund, project_id=d.project, partner=d.partner, year=d.year,
                                  amount=d.amount) for d in draws),
        objective=ObjectiveParts(**objective),
        run=RunInfo(area=area.config.name, solver="hand", solver_version="0", status="optimal",
                    objective=objective["total"]),
    )


GOOD_STARTS = {"G-01": 2030, "G-02": 2031, "A-03": 2031, "A-04": 2032}
GOOD_DRAWS = (Draw("Fonds", "A-03", "Alfa", 2031, 50_000.0),)


@pytest.fixture
def area() -> Area:
    return checker_area()


@pytest.fixture
def couplings(area: Area) -> tuple[Coupling, ...]:
    found = couplings_of(area)
    assert [c.pair for c in found] == [("A-03", "G-02"), ("G-01", "G-02")]
    return found


@pytest.fixture
def good(area: Area, couplings: tuple[Coupling, ...]) -> Agenda:
    return build_agenda(area, couplings, GOOD_STARTS, GOOD_DRAWS)


def test_valid_agenda_passes(area: Area, couplings: tuple[Coupling, ...], good: Agenda) -> None:
    assert_valid(area, couplings, good)
    assert sum(c.is_realised for c in good.couplings) == 2
    assert good.objective.saving == pytest.approx(8_000 + 2_000)


def test_assert_valid_lists_the_violations(area: Area, couplings: tuple[Coupling, ...]) -> None:
    bad = build_agenda(area, couplings, {"G-02": 2031})
    with pytest.raises(AssertionError, match="G-01: mandatory but not scheduled"):
        assert_valid(area, couplings, bad)


def _project(agenda: Agenda, pid: str, **changes: object) -> Agenda:
    projects = tuple(p.model_copy(update=changes) if p.project_id == pid else p for p in agenda.projects)
    return agenda.model_copy(update={"projects": projects})


def _row(agenda: Agenda, partner: str, year: int, **changes: object) -> Agenda:
    rows = tuple(r.model_copy(update=changes) if (r.partner, r.year) == (partner, year) else r
                 for r in agenda.cashflow)
    return agenda.model_copy(update={"cashflow": rows})


def _coupling(agenda: Agenda, pair: tuple[str, str], **changes: object) -> Agenda:
    rows = tuple(c.model_copy(update=changes) if (c.project_a, c.project_b) == pair else c
                 for c in agenda.couplings)
    return agenda.model_copy(update={"couplings": rows})


def _objective(agenda: Agenda, **changes: float) -> Agenda:
    return agenda.model_copy(update={"objective": agenda.objective.model_copy(update=changes)})


Case = Callable[[Area, tuple[Coupling, ...], Agenda], tuple[Area, Agenda]]


def _built(starts: Mapping[str, int], draws: Sequence[Draw] = GOOD_DRAWS,
           realise: Sequence[tuple[str, str]] | None = None) -> Case:
    def case(area: Area, couplings: tuple[Coupling, ...], good: Agenda) -> tuple[Area, Agenda]:
        return area, build_agenda(area, couplings, starts, draws, realise)
    return case


def _mutated(change: Callable[[Agenda], Agenda]) -> Case:
    def case(area: Area, couplings: tuple[Coupling, ...], good: Agenda) -> tuple[Area, Agenda]:
        return area, change(good)
    return case


def _other_area(starts: Mapping[str, int], draws: Sequence[Draw] = GOOD_DRAWS, **changes: object) -> Case:
    def case(area: Area, couplings: tuple[Coupling, ...], good: Agenda) -> tuple[Area, Agenda]:
        other = checker_area(**changes)
        return other, build_agenda(other, couplings, starts, draws)
    return case


def _extra() -> CouplingResult:
    return CouplingResult(project_a="A-03", project_b="A-04", rule="renovatie-buurt", potential_saving=0.0,
                          is_realised=True)


def _big_fund() -> Fund:
    return Fund(name="Fonds", amounts=(FundYear(year=2031, amount=500_000),), types=("renovatie",),
                partners=("Alfa",))


def _tight_budgets() -> tuple[Budget, ...]:
    return tuple(Budget(partner=p, year=y, amount=a, carry_over=0.5)
                 for p, a in (("Gemeente", 40_000), ("Alfa", 200_000)) for y in range(2030, 2034))


CASES: dict[str, tuple[Case, str]] = {
    "window": (_built({**GOOD_STARTS, "G-02": 2033, "A-04": 2033}, realise=()), "outside its window"),
    "mandatory": (_built({"G-02": 2031, "A-03": 2031, "A-04": 2032}), "mandatory but not scheduled"),
    "dependency-order": (_built({**GOOD_STARTS, "A-04": 2031}), "before its predecessor G-02 ends"),
    "dependency-dropped": (_built({"G-01": 2030, "A-03": 2031, "A-04": 2032}),
                           "predecessor G-02 is dropped"),
    "budget": (_other_area(GOOD_STARTS, budgets=_tight_budgets()), "exceeds budget 40,000.00"),
    "carry-over-too-large": (_mutated(lambda a: _row(_row(a, "Alfa", 2030, carry_out=190_000.0),
                                                     "Alfa", 2031, carry_in=190_000.0)), "carries"),
    "carry-in-chain": (_mutated(lambda a: _row(a, "Gemeente", 2032, carry_in=1.0)), "carry_in"),
    "fund-over-amount": (_built(GOOD_STARTS, (Draw("Fonds", "A-03", "Alfa", 2031, 60_000.0),)),
                         "available 50,000.00"),
    "fund-partner-not-eligible": (_built(GOOD_STARTS, (Draw("Fonds", "A-03", "Gemeente", 2031, 10_000.0),)),
                                  "not eligible"),
    "fund-type-not-eligible": (_built(GOOD_STARTS, (Draw("Fonds", "A-04", "Alfa", 2032, 1_000.0),)),
                               "not eligible"),
    "fund-not-listed": (_built(GOOD_STARTS, (Draw("Fonds", "G-02", "Gemeente", 2031, 1_000.0),)),
                        "does not list the fund"),
    "fund-above-partner-share": (_other_area(GOOD_STARTS, funds=(_big_fund(),), draws=(
        Draw("Fonds", "A-03", "Alfa", 2031, 70_000.0),)), "its share of the cost that year is 60,000.00"),
    "fund-plus-saving": (_other_area(GOOD_STARTS, funds=(_big_fund(),), draws=(
        Draw("Fonds", "A-03", "Alfa", 2031, 60_000.0),)), "and saves 500.00"),
    "fund-above-project-cost": (_other_area(GOOD_STARTS, funds=(_big_fund(),), draws=(
        Draw("Fonds", "A-03", "Alfa", 2031, 90_000.0),)), "costs 80,000.00 that year"),
    "fund-outside-project-years": (_built({**GOOD_STARTS, "A-03": 2032},
                                          (Draw("Fonds", "A-03", "Alfa", 2031, 1_000.0),), realise=()),
                                   "costs 0.00 that year"),
    "fund-unscheduled-project": (_built({"G-01": 2030}, (Draw("Fonds", "A-03", "Alfa", 2031, 1_000.0),)),
                                 "the project is not scheduled"),
    "fund-draw-misreported": (_mutated(lambda a: _row(a, "Alfa", 2031, fund_draw=0.0)), "fund_draw"),
    "coupling-beyond-gap": (_built({**GOOD_STARTS, "G-02": 2032, "A-04": 2033},
                                   realise=[("G-01", "G-02")]), "more than max_gap 1 apart"),
    "coupling-unscheduled": (_built({"G-01": 2030, "A-03": 2031}, realise=[("G-01", "G-02")]),
                             "realised with a project not scheduled"),
    "coupling-not-given": (_mutated(lambda a: a.model_copy(update={"couplings": (*a.couplings, _extra())})),
                           "not a koppelkans"),
    "coupling-above-potential": (_mutated(lambda a: _coupling(a, ("G-01", "G-02"), saving=9_000.0)),
                                 "outside 0–8,000.00"),
    "coupling-unrealised-credits": (_mutated(lambda a: _coupling(a, ("G-01", "G-02"), is_realised=False)),
                                    "not realised but credits"),
    "coupling-credit-short": (_mutated(lambda a: _coupling(_project(_project(
        a, "G-01", saving=a.projects[2].saving - 1_000.0 * 100 / 140), "G-02",
        saving=a.projects[3].saving - 1_000.0 * 40 / 140), ("G-01", "G-02"), saving=7_000.0)),
        "credits only 7,000.00 of 8,000.00"),
    "coupling-not-reported-realised": (_mutated(lambda a: _coupling(a, ("G-01", "G-02"), is_realised=False,
                                                                    saving=0.0)),
                                       "reported not realised"),
    "coupling-missing": (_mutated(lambda a: a.model_copy(update={"couplings": a.couplings[:1]})),
                         "couplings differ"),
    "saving-above-cost": (_mutated(lambda a: _project(a, "G-02", saving=50_000.0)), "more than its cost"),
    "saving-above-shares": (_mutated(lambda a: _project(a, "A-04", saving=100.0)),
                            "more than its shares of realised couplings"),
    "saving-unscheduled": (_mutated(lambda a: _project(_built({"G-01": 2030})(
        checker_area(), couplings_of(checker_area()), a)[1], "A-04", saving=100.0)), "but is not scheduled"),
    "saving-totals": (_mutated(lambda a: _project(a, "G-01", saving=a.projects[2].saving - 1_000.0)),
                      "projects save"),
    "saving-year-without-spend": (_mutated(lambda a: _row(_row(a, "Gemeente", 2031, saving=0.0),
                                                          "Gemeente", 2033, saving=a.cashflow[5].saving)),
                                  "spread over the project years"),
    "nuisance-cap": (_built({**GOOD_STARTS, "G-02": 2030, "A-03": 2032, "A-04": 2031},
                            (Draw("Fonds", "A-03", "Alfa", 2032, 0.0),)), "street works start in"),
    "objective-value": (_mutated(lambda a: _objective(a, value=a.objective.value + 10.0)), "objective value"),
    "objective-delay": (_mutated(lambda a: _objective(a, delay_penalty=0.0)), "objective delay_penalty"),
    "objective-total": (_mutated(lambda a: _objective(a, total=a.objective.total + 10.0)), "objective total"),
    "run-objective": (_mutated(lambda a: a.model_copy(update={"run": a.run.model_copy(
        update={"objective": 1.0})})), "run.objective"),
    "spend-misreported": (_mutated(lambda a: _project(a, "G-01", spend=a.projects[2].spend[:1])),
                          "reports spend"),
    "cashflow-spend": (_mutated(lambda a: _row(a, "Gemeente", 2030, spend=1.0)), "spend 1.00"),
    "cashflow-missing-row": (_mutated(lambda a: a.model_copy(update={"cashflow": a.cashflow[1:]})),
                             "no row for Alfa 2030"),
    "cluster-missing": (_mutated(lambda a: _project(a, "G-01", cluster=None)), "G-01: cluster None"),
    "cluster-stray": (_mutated(lambda a: _project(a, "A-04", cluster="K002")),
                      "without a realised koppelkans"),
    "end-year": (_mutated(lambda a: _project(a, "G-01", end_year=2030)), "ends 2030, expected 2031"),
    "weighted-value": (_mutated(lambda a: _project(a, "G-01", weighted_value=150_000.0)), "weighted value"),
    "unselected-with-start": (_mutated(lambda a: _project(_built({"G-01": 2030})(
        checker_area(), couplings_of(checker_area()), a)[1], "G-02", start_year=2031)), "not selected but"),
    "project-missing": (_mutated(lambda a: a.model_copy(update={"projects": a.projects[1:]})),
                        "projects differ"),
    "project-data": (_mutated(lambda a: _project(a, "G-01", buurt=B2)), "reports buurt"),
    "status": (_mutated(lambda a: a.model_copy(update={"run": a.run.model_copy(
        update={"status": "infeasible"})})), "status 'infeasible'"),
}


@pytest.mark.parametrize("name", sorted(CASES), ids=sorted(CASES))
def test_checker_rejects(name: str, area: Area, couplings: tuple[Coupling, ...], good: Agenda) -> None:
    case, fragment = CASES[name]
    checked_area, agenda = case(area, couplings, good)
    violations = check_agenda(checked_area, couplings, agenda)
    assert violations, f"{name}: the checker accepted a bad agenda"
    assert any(fragment in v for v in violations), "\n".join(violations)


def test_checker_honours_forced_starts(area: Area, couplings: tuple[Coupling, ...], good: Agenda) -> None:
    """A forced start must be kept, counts as mandatory and as the preferred start."""
    violations = check_agenda(area, couplings, good, fixed_starts={"G-02": 2032})
    assert any("G-02: starts 2031, forced to 2032" in v for v in violations), violations
    assert any("G-02: reports is_mandatory False" in v for v in violations), violations
    dropped = check_agenda(area, couplings, good, fixed_starts={"A-04": None})
    assert any("A-04: starts 2032, forced to None" in v for v in dropped), dropped


def test_checker_rejects_an_optimal_status_far_from_the_bound(area: Area, couplings: tuple[Coupling, ...],
                                                                 good: Agenda) -> None:
    """``optimal`` must mean within the requested gap of the bound; the bound bounds the objective."""
    assert check_agenda(area, couplings, good, max_gap=1e-6) == []
    total = good.objective.total
    loose = good.model_copy(update={"run": good.run.model_copy(update={"bound": total + 10_000})})
    violations = check_agenda(area, couplings, loose, max_gap=1e-6)
    assert any("status 'optimal' but the objective" in v for v in violations), violations
    low = good.model_copy(update={"run": good.run.model_copy(update={"bound": total - 10_000})})
    assert any("lies below the agenda's objective" in v for v in check_agenda(area, couplings, low))


@pytest.mark.slow
def test_checker_passes_on_the_bundled_example(example_dir: Path) -> None:
    """The example's agenda (koppelkansen from dia.coupling, funds, co-financing) passes the checker.

    Solved to a 1 % gap only: the checker demands feasibility and honest figures, not optimality.
    """
    import dia
    from dia.coupling import find_couplings

    area = dia.load_area(example_dir)
    couplings = find_couplings(area)
    agenda = dia.plan(area, couplings, options=SolverOptions(gap=0.01, time_limit=30.0))
    assert_valid(area, couplings, agenda)
    assert any(c.is_realised for c in agenda.couplings)
