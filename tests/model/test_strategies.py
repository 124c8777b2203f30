"""The hypothesis strategies draw valid areas that exercise every feature (as pandera tests its own)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dia.model import Area, Coupling
from tests.strategies import areas, areas_with_couplings, combination_count, couplings_of


@settings(max_examples=60)
@given(areas())
def test_every_drawn_area_validates(area: Area) -> None:
    """Re-validating the dump must succeed: the drawn area satisfies every model invariant."""
    again = Area.model_validate(area.model_dump())
    assert again == area
    assert 1 <= len(area.projects) <= 6
    assert 1 <= len(area.partners) <= 2
    assert len(area.config.horizon.years) <= 4
    assert combination_count(area) <= 1024


@settings(max_examples=60)
@given(areas_with_couplings())
def test_drawn_couplings_are_valid_koppelkansen(drawn: tuple[Area, tuple[Coupling, ...]]) -> None:
    area, couplings = drawn
    rules = area.rule_by_id
    for c in couplings:
        a, b = area.project_by_id[c.project_a], area.project_by_id[c.project_b]
        rule = rules[c.rule]
        assert tuple(sorted((a.type, b.type))) == rule.types
        assert c.max_gap == rule.max_gap
        assert c.common_years == tuple(y for y in a.start_years
                                       if any(abs(y - z) <= c.max_gap for z in b.start_years))
        assert 0 <= c.potential_saving <= max(a.cost, b.cost) * 2
        assert c.share_a * c.potential_saving <= 0.2 * a.cost + 1e-6
        assert (1 - c.share_a) * c.potential_saving <= 0.2 * b.cost + 1e-6
    per_project: dict[str, int] = {}
    for c in couplings:
        for pid in c.pair:
            per_project[pid] = per_project.get(pid, 0) + 1
    assert all(n <= 5 for n in per_project.values())


def test_strategies_cover_every_feature() -> None:
    """Over a fixed sample the strategies produce each feature the solver must handle."""
    seen: set[str] = set()

    @settings(max_examples=150, derandomize=True, database=None)
    @given(st.data())
    def sample(data: st.DataObject) -> None:
        area = data.draw(areas())
        if couplings_of(area):
            seen.add("coupling")
        if area.funds and any(p.funds for p in area.projects):
            seen.add("fund")
        if any(p.shares for p in area.projects):
            seen.add("shares")
        if any(p.after for p in area.projects):
            seen.add("after")
        if any(p.is_mandatory for p in area.projects):
            seen.add("mandatory")
        if any(p.earliest_start + p.duration - 1 > area.config.horizon.end for p in area.projects):
            seen.add("past-horizon")
        if area.config.caps.street_works_per_buurt_year is not None:
            seen.add("cap")
        if any(b.carry_over > 0 for b in area.budgets):
            seen.add("carry-over")
        if any(len(set(p.profile)) > 1 for p in area.projects):
            seen.add("uneven-profile")

    sample()
    assert seen == {"coupling", "fund", "shares", "after", "mandatory", "past-horizon", "cap",
                    "carry-over", "uneven-profile"}
