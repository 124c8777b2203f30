"""Hypothesis strategies for small areas with streets, buurten, short segments and rules."""

from __future__ import annotations

from hypothesis import strategies as st

from dia.model import Area, AreaConfig, Budget, Buurt, CouplingRule, Horizon, Project, ProjectType

TYPES = ("riolering", "herinrichting", "renovatie")
PARTNERS = ("Gemeente", "Domijn")
BUURTEN = ("BU01530300", "BU01530301")
#: Spellings of three streets: the same street written differently shares a key.
STREETS = ("Tubantiastraat", "tubantiastr. 5", "Tubantia Straat 12-14", "Hengelosestraat",
           "Hengelosestr 3a", "Lasondersingel", "Crème-laan 1")
X0, Y0 = 257_000, 471_000


@st.composite
def segments(draw: st.DrawFn) -> str:
    """A short segment (0-40 m) within 120 m of a fixed point, as RD New WKT."""
    x = draw(st.integers(0, 120))
    y = draw(st.integers(0, 120))
    dx = draw(st.integers(-40, 40))
    dy = draw(st.integers(-40, 40))
    if dx == 0 and dy == 0:
        return f"POINT ({X0 + x} {Y0 + y})"
    return f"LINESTRING ({X0 + x} {Y0 + y}, {X0 + x + dx} {Y0 + y + dy})"


@st.composite
def rules(draw: st.DrawFn, index: int) -> CouplingRule:
    t1 = draw(st.sampled_from(TYPES))
    t2 = draw(st.sampled_from(TYPES))
    scope = draw(st.sampled_from(("same_buurt", "same_street", "within")))
    distance = draw(st.one_of(st.none(), st.integers(0, 60))) if scope != "within" else draw(
        st.integers(0, 60))
    base = draw(st.sampled_from(("smaller", "sum", "fixed")))
    return CouplingRule(
        id=f"r{index}", types=(t1, t2), scope=scope,
        distance_m=None if distance is None else float(distance),
        max_gap=draw(st.integers(0, 2)),
        saving_pct=draw(st.sampled_from((0, 5, 10, 20, 50, 100))),
        saving_base=base,
        saving_fixed=float(draw(st.sampled_from((0, 1000, 50_000)))) if base == "fixed" else None,
    )


@st.composite
def projects(draw: st.DrawFn, index: int) -> Project:
    earliest = draw(st.integers(2026, 2030))
    latest = draw(st.integers(earliest, 2030))
    return Project(
        id=f"P{index:02d}", partner=draw(st.sampled_from(PARTNERS)), name=f"Project {index}",
        type=draw(st.sampled_from(TYPES)), buurt=draw(st.sampled_from(BUURTEN)),
        streets=tuple(draw(st.lists(st.sampled_from(STREETS), max_size=2))),
        geometry=draw(st.one_of(st.none(), segments())),
        earliest_start=earliest, latest_start=latest, duration=1,
        cost=float(draw(st.sampled_from((0, 1000, 20_000, 250_000, 1_000_000)))),
    )


@st.composite
def areas(draw: st.DrawFn, max_projects: int = 9) -> Area:
    """A valid area of 1..max_projects projects, 2 partners, 2 buurten, 1-4 rules."""
    n_rules = draw(st.integers(1, 4))
    rule_list = tuple(draw(rules(k)) for k in range(n_rules))
    n = draw(st.integers(1, max_projects))
    config = AreaConfig(
        name="Proefwijk", horizon=Horizon(start=2026, end=2030),
        buurten=tuple(Buurt(code=c, name=c) for c in BUURTEN),
        types=tuple(ProjectType(id=t, label=t) for t in TYPES), rules=rule_list,
    )
    return Area(config=config, projects=tuple(draw(projects(k)) for k in range(n)),
                budgets=tuple(Budget(partner=p, year=2026, amount=1e6) for p in PARTNERS))
