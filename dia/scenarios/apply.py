"""Apply a scenario to an area: a new, validated area with the overrides in place.

The area is never changed: every override works on plain dicts taken from
the area's models and the result is rebuilt with ``Area.model_validate``, so
every invariant of the domain model is checked again. Solver options go into
the new area's ``config.solver``, which :func:`dia.plan` uses.

Order of application (for each scenario in its ``extends`` chain, root first):

1. ``horizon`` (budget and fund years outside it are dropped),
2. ``remove`` (partners, types, projects),
3. ``budgets``, 4. ``costs``, 5. ``funds`` (remove, cut, add),
6. ``windows``, 7. ``starts`` (forbid, then force),
8. ``rules``, ``weights``, ``caps``, ``solver``,
9. windows clipped to the horizon; projects without a start year left in it
   are left out, then every project that depends on a left-out project
   (transitively), and fund names no longer in the area are dropped from
   the projects' fund lists.

Names (partners, projects, types, funds, rules) and years are checked
against the area as it is when the scenario starts to apply; all problems
are raised together as one :class:`~dia.errors.InputError` naming the
scenario file and the key.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import Msg, Names, msg, pydantic_message
from dia.model.area import Area
from dia.model.config import CouplingRule, Horizon
from dia.scenarios.load import problems_from_validation
from dia.scenarios.model import Scenario, Selection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppliedScenario:
    """The result of applying a scenario: the new area and what changed.

    Attributes
    ----------
    area:
        The new, validated area.
    removed:
        Project id -> why it was left out (sorted by id).
    notes:
        One line per change, in the order applied (for logs and ``run.json``).
    """

    area: Area
    removed: dict[str, str]
    notes: tuple[str, ...]


def apply_scenario(area: Area, scenario: Scenario) -> Area:
    """Apply ``scenario`` (and the scenarios it extends) to ``area``.

    Parameters
    ----------
    area:
        The base area; it is not changed.
    scenario:
        The scenario (:func:`dia.scenarios.load.load_scenario`).

    Returns
    -------
    Area
        A new validated area. An empty scenario returns an equal area (apart
        from the scenario file recorded in ``inputs``).

    Raises
    ------
    dia.errors.InputError
        A name or year in the scenario does not exist in the area, or the
        result breaks an invariant (e.g. a forced start before the horizon).

    Examples
    --------
    >>> from tests.conftest import make_tiny_area  # doctest: +SKIP
    >>> cut = Scenario(name="cut", budgets=[{"partner": "Gemeente", "factor": 0.8}])
    >>> apply_scenario(make_tiny_area(), cut).budget_of("Gemeente", 2026).amount  # doctest: +SKIP
    720000.0
    """
    return apply_scenario_logged(area, scenario).area


def apply_scenario_logged(area: Area, scenario: Scenario) -> AppliedScenario:
    """Like :func:`apply_scenario`, also returning what was removed and changed."""
    removed: dict[str, str] = {}
    notes: list[str] = []
    for step in scenario.lineage:
        area, step_removed, step_notes = _Applier(area, step).run()
        removed.update(step_removed)
        notes.extend(step_notes)
    for line in notes:
        log.info("scenario %s: %s", scenario.name, line)
    return AppliedScenario(area=area, removed=dict(sorted(removed.items())), notes=tuple(notes))


class _Applier:
    """Applies one scenario (without its parent) to one area; see the module docstring."""

    def __init__(self, area: Area, scenario: Scenario) -> None:
        self.area = area
        self.s = scenario
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.removed: dict[str, str] = {}
        self.horizon = area.config.horizon
        self.config: dict[str, Any] = area.config.model_dump()
        self.projects: dict[str, dict[str, Any]] = {p.id: p.model_dump() for p in area.projects}
        self.budgets: dict[tuple[str, int], dict[str, Any]] = {
            (b.partner, b.year): b.model_dump() for b in area.budgets
        }
        self.funds: dict[str, dict[str, Any]] = {f.name: f.model_dump() for f in area.funds}
        self.partners = sorted({b.partner for b in area.budgets})
        self.gone: set[str] = set()
        """Partners this scenario leaves out (later overrides may not give them money)."""
        self.type_ids = sorted(t.id for t in area.config.types)

    # ---- helpers ---------------------------------------------------------------------------
    def _problem(self, reason: Reason, message: Msg, key: str) -> None:
        self.problems.append(Problem.of(reason, message, Location(file=self.s.source, key=key)))

    def _outside(self, year: int) -> Msg:
        return msg("check.outside_horizon", year=year, start=self.horizon.start, end=self.horizon.end)

    def _check_names(self, names: Iterable[str], known: Iterable[str], key: str, reason: Reason,
                     what: str) -> list[str]:
        known_set = set(known)
        good = []
        for i, name in enumerate(names):
            if name in known_set:
                good.append(name)
            else:
                self._problem(reason, msg(_UNKNOWN[what], name=name, known=Names.of(known_set)),
                              f"{key}[{i}]")
        return good

    def _check_years(self, years: Iterable[int], key: str) -> None:
        for i, year in enumerate(years):
            if year not in self.horizon:
                self._problem(Reason.OUTSIDE_HORIZON, self._outside(year), f"{key}[{i}]")

    def _drop(self, pid: str, why: str) -> None:
        if pid in self.projects and pid not in self.removed:
            self.removed[pid] = why
            mandatory = " (a mandatory project)" if self.projects[pid]["is_mandatory"] else ""
            self.notes.append(f"left out project {pid}{mandatory}: {why}")

    def _select(self, sel: Selection, key: str) -> list[str]:
        """Ids of the projects still in the area that match every criterion of ``sel``."""
        partners = set(self._check_names(sel.partners, self.partners, f"{key}.partners",
                                         Reason.UNKNOWN_PARTNER, "partner"))
        types = set(self._check_names(sel.types, self.type_ids, f"{key}.types", Reason.UNKNOWN_TYPE,
                                      "project type"))
        ids = set(self._check_names(sel.projects, self.area.project_by_id, f"{key}.projects",
                                    Reason.UNKNOWN_PROJECT, "project"))
        return [
            pid for pid, p in sorted(self.projects.items())
            if pid not in self.removed
            and (not sel.partners or p["partner"] in partners)
            and (not sel.types or p["type"] in types)
            and (not sel.projects or pid in ids)
        ]

    # ---- steps -----------------------------------------------------------------------------
    def run(self) -> tuple[Area, dict[str, str], list[str]]:
        self._horizon()
        self._remove()
        self._budgets()
        self._costs()
        self._funds()
        self._windows()
        self._starts()
        self._rules_and_settings()
        self._finish()
        if self.problems:
            raise InputError(self.problems,
                             summary=msg("scenario.does_not_fit", name=self.s.name,
                                         area=self.area.config.name))
        kept = [p for pid, p in sorted(self.projects.items()) if pid not in self.removed]
        if not kept and self.projects:
            raise InputError([Problem.of(Reason.EMPTY_AREA, msg("scenario.leaves_none", n=len(self.projects)),
                                         Location(file=self.s.source, key="remove"))],
                             summary=msg("scenario.empty_area", name=self.s.name))
        inputs = list(self.area.inputs)
        if self.s.source is not None and self.s.inputs and self.s.inputs[-1] not in inputs:
            inputs.append(self.s.inputs[-1])
        try:
            new = Area.model_validate({
                "config": self.config,
                "projects": kept,
                "budgets": [b for _k, b in sorted(self.budgets.items())],
                "funds": [f for _k, f in sorted(self.funds.items())],
                "inputs": inputs,
            })
        except ValidationError as exc:
            problems = [Problem.of(Reason.INVALID_VALUE,
                                   msg("scenario.leaves_invalid", detail=pydantic_message(e, found=False)),
                                   Location(file=self.s.source)) for e in exc.errors()]
            raise InputError(problems, summary=msg("scenario.invalid_area", name=self.s.name)) from None
        return new, self.removed, self.notes

    def _horizon(self) -> None:
        change = self.s.horizon
        if change is None:
            return
        start = change.start if change.start is not None else self.horizon.start
        end = change.end if change.end is not None else self.horizon.end
        try:
            horizon = Horizon(start=start, end=end)
        except ValidationError as exc:
            self.problems.extend(problems_from_validation(exc, self.s.source, prefix="horizon"))
            return
        self.notes.append(f"horizon {self.horizon.start}–{self.horizon.end} -> {horizon.start}–{horizon.end}")
        self.horizon = horizon
        self.config["horizon"] = horizon.model_dump()
        self.budgets = {k: b for k, b in self.budgets.items() if k[1] in horizon}
        for fund in self.funds.values():
            fund["amounts"] = [a for a in fund["amounts"] if a["year"] in horizon]

    def _remove(self) -> None:
        r = self.s.remove
        partners = self._check_names(r.partners, self.partners, "remove.partners", Reason.UNKNOWN_PARTNER,
                                     "partner")
        types = self._check_names(r.types, self.type_ids, "remove.types", Reason.UNKNOWN_TYPE, "project type")
        ids = self._check_names(r.projects, self.area.project_by_id, "remove.projects",
                                Reason.UNKNOWN_PROJECT, "project")
        gone = set(partners)
        self.gone = gone
        for pid, p in sorted(self.projects.items()):
            payers = [p["partner"], *(s["partner"] for s in p["shares"])]
            hit = sorted(gone.intersection(payers))
            if hit:
                self._drop(pid, f"partner {hit[0]} left out")
            elif p["type"] in types:
                self._drop(pid, f"type {p['type']} left out")
            elif pid in ids:
                self._drop(pid, "left out by the scenario")
        if gone:
            self.budgets = {k: b for k, b in self.budgets.items() if k[0] not in gone}
            self.config["partners"] = [m for m in self.config["partners"] if m["name"] not in gone]
            for name, fund in sorted(self.funds.items()):
                if fund["partners"] and gone.intersection(fund["partners"]):
                    left = [q for q in fund["partners"] if q not in gone]
                    if left:
                        fund["partners"] = left
                    else:
                        # An empty list would open the fund to everyone: remove it instead.
                        del self.funds[name]
                        self.notes.append(f"removed fund {name}: only its left-out partners could use it")
            self.notes.append("left out partner(s) " + ", ".join(sorted(gone)))

    def _budgets(self) -> None:
        for i, change in enumerate(self.s.budgets):
            key = f"budgets[{i}]"
            if change.partner is not None and change.partner not in self.partners:
                self._problem(Reason.UNKNOWN_PARTNER,
                              msg(_UNKNOWN["partner"], name=change.partner, known=Names.of(self.partners)),
                              f"{key}.partner")
                continue
            if change.partner in self.gone:
                self._problem(Reason.INVALID_VALUE, msg("scenario.partner_left_out", partner=change.partner),
                              f"{key}.partner")
                continue
            self._check_years(change.years, f"{key}.years")
            years = [y for y in (change.years or tuple(self.horizon.years)) if y in self.horizon]
            targets = [change.partner] if change.partner is not None else \
                [q for q in self.partners if q not in self.gone]
            for partner in targets:
                for year in years:
                    row = self.budgets.get((partner, year))
                    if change.amount is not None:
                        if row is None:
                            row = {"partner": partner, "year": year, "amount": 0.0,
                                   "carry_over": self._carry_of(partner, year)}
                            self.budgets[(partner, year)] = row
                        row["amount"] = change.amount
                    elif change.factor is not None and row is not None:
                        row["amount"] = row["amount"] * change.factor
                    if change.carry_over is not None and row is not None:
                        row["carry_over"] = change.carry_over
            what = (f"× {change.factor:g}" if change.factor is not None
                    else f"= {change.amount:,.0f}" if change.amount is not None else "")
            carry = f" carry-over {change.carry_over:g}" if change.carry_over is not None else ""
            self.notes.append(f"budget {change.partner or 'all partners'} "
                              f"{','.join(map(str, change.years)) or 'all years'} {what}{carry}".rstrip())

    def _carry_of(self, partner: str, year: int) -> float:
        """Carry-over for a new budget row: the partner's nearest earlier row, else its first, else 0."""
        rows = sorted((y, b["carry_over"]) for (p, y), b in self.budgets.items() if p == partner)
        earlier = [c for y, c in rows if y < year]
        return float(earlier[-1] if earlier else rows[0][1] if rows else 0.0)

    def _costs(self) -> None:
        for i, change in enumerate(self.s.costs):
            for pid in self._select(change, f"costs[{i}]"):
                p = self.projects[pid]
                p["cost"] = p["cost"] * change.factor
                p["profile"] = tuple(x * change.factor for x in p["profile"])
            self.notes.append(f"costs[{i}] × {change.factor:g}")

    def _funds(self) -> None:
        f = self.s.funds
        for name in self._check_names(f.remove, self.funds, "funds.remove", Reason.UNKNOWN_FUND, "fund"):
            del self.funds[name]
            self.notes.append(f"removed fund {name}")
        for i, cut in enumerate(f.cut):
            key = f"funds.cut[{i}]"
            if cut.fund not in self.funds:
                self._problem(Reason.UNKNOWN_FUND,
                              msg(_UNKNOWN["fund"], name=cut.fund, known=Names.of(self.funds)), f"{key}.fund")
                continue
            self._check_years(cut.years, f"{key}.years")
            for amount in self.funds[cut.fund]["amounts"]:
                if not cut.years or amount["year"] in cut.years:
                    amount["amount"] = amount["amount"] * cut.factor
            self.notes.append(f"fund {cut.fund} × {cut.factor:g}")
        for i, grant in enumerate(f.add):
            key = f"funds.add[{i}]"
            if grant.name in self.funds:
                self._problem(Reason.DUPLICATE_ID, msg("scenario.fund_exists", name=grant.name),
                              f"{key}.name")
                continue
            for year in grant.amounts:
                if year not in self.horizon:
                    self._problem(Reason.OUTSIDE_HORIZON, self._outside(year), f"{key}.amounts.{year}")
            types = self._check_names(grant.types, self.type_ids, f"{key}.types", Reason.UNKNOWN_TYPE,
                                      "project type")
            partners = self._check_names(grant.partners, [q for q in self.partners if q not in self.gone],
                                         f"{key}.partners",
                                         Reason.UNKNOWN_PARTNER, "partner")
            listed = self._check_names(grant.projects, self.area.project_by_id, f"{key}.projects",
                                       Reason.UNKNOWN_PROJECT, "project")
            self.funds[grant.name] = {
                "name": grant.name,
                "amounts": [{"year": y, "amount": a} for y, a in grant.amounts.items() if y in self.horizon],
                "types": types,
                "partners": partners,
            }
            attached = []
            for pid, p in sorted(self.projects.items()):
                if pid in self.removed:
                    continue
                payers = [p["partner"], *(s["partner"] for s in p["shares"])]
                eligible = (not types or p["type"] in types) and (
                    not partners or any(q in partners for q in payers))
                if (pid in listed if grant.projects else eligible) and grant.name not in p["funds"]:
                    p["funds"] = (*p["funds"], grant.name)
                    attached.append(pid)
            self.notes.append(f"granted fund {grant.name} to {len(attached)} project(s)")

    def _windows(self) -> None:
        for i, change in enumerate(self.s.windows):
            for pid in self._select(change, f"windows[{i}]"):
                p = self.projects[pid]
                if change.shift is not None:
                    n = change.shift
                    p["earliest_start"] += n
                    p["latest_start"] += n
                    if p["preferred_start"] is not None:
                        p["preferred_start"] += n
                else:
                    assert change.not_before is not None  # the model guarantees one of both
                    p["earliest_start"] = max(p["earliest_start"], change.not_before)
                    p["latest_start"] = max(p["latest_start"], p["earliest_start"])
                    if p["preferred_start"] is not None:
                        p["preferred_start"] = max(p["preferred_start"], p["earliest_start"])
            how = (f"{change.shift:+d} year(s)" if change.shift is not None
                   else f"not before {change.not_before}")
            self.notes.append(f"windows[{i}] {how}")

    def _starts(self) -> None:
        st = self.s.starts
        for pid, years in st.forbid.items():
            key = f"starts.forbid.{pid}"
            if pid not in self.area.project_by_id:
                self._problem(Reason.UNKNOWN_PROJECT, msg("scenario.unknown_project", project=pid), key)
                continue
            if pid in self.removed or pid in st.force:
                continue
            p = self.projects[pid]
            lo, hi = p["earliest_start"], p["latest_start"]
            while lo <= hi and lo in years:
                lo += 1
            while hi >= lo and hi in years:
                hi -= 1
            inner = sorted(y for y in years if lo < y < hi)
            if inner:
                self._problem(Reason.INVALID_VALUE,
                              msg("scenario.forbid_inside", years=", ".join(map(str, inner)), lo=lo, hi=hi),
                              key)
                continue
            if lo > hi:
                self._drop(pid, "every start year forbidden")
                continue
            p["earliest_start"], p["latest_start"] = lo, hi
            if p["preferred_start"] is not None:
                p["preferred_start"] = min(max(p["preferred_start"], lo), hi)
            self.notes.append(f"start window of {pid} -> {lo}–{hi}")
        for pid, year in st.force.items():
            key = f"starts.force.{pid}"
            if pid not in self.area.project_by_id:
                self._problem(Reason.UNKNOWN_PROJECT, msg("scenario.unknown_project", project=pid), key)
                continue
            if year not in self.horizon:
                self._problem(Reason.OUTSIDE_HORIZON, self._outside(year), key)
                continue
            if year in st.forbid.get(pid, ()):
                self._problem(Reason.INVALID_VALUE, msg("scenario.forced_and_forbidden", year=year), key)
                continue
            if pid in self.removed:
                self._problem(Reason.INVALID_VALUE,
                              msg("scenario.forced_but_left_out", project=pid, why=self.removed[pid]), key)
                continue
            p = self.projects[pid]
            p["earliest_start"] = p["latest_start"] = p["preferred_start"] = year
            p["is_mandatory"] = True
            self.notes.append(f"start of {pid} forced to {year}")

    def _rules_and_settings(self) -> None:
        rc = self.s.rules
        rules: dict[str, dict[str, Any]] = {r["id"]: r for r in self.config["rules"]}
        for rid in self._check_names(rc.remove, rules, "rules.remove", Reason.UNKNOWN_KEY, "rule"):
            del rules[rid]
            self.notes.append(f"removed rule {rid}")
        for rid, fields in rc.change.items():
            key = f"rules.change.{rid}"
            if rid not in rules:
                self._problem(Reason.UNKNOWN_KEY, msg(_UNKNOWN["rule"], name=rid, known=Names.of(rules)), key)
                continue
            try:
                rule = CouplingRule.model_validate(rules[rid] | fields)
            except ValidationError as exc:
                self.problems.extend(problems_from_validation(exc, self.s.source, prefix=key))
                continue
            self._check_names(rule.types, self.type_ids, f"{key}.types", Reason.UNKNOWN_TYPE, "project type")
            rules[rid] = rule.model_dump()
            self.notes.append(f"rule {rid}: " + ", ".join(f"{k} = {v}" for k, v in sorted(fields.items())))
        for i, rule in enumerate(rc.add):
            key = f"rules.add[{i}]"
            if rule.id in rules:
                self._problem(Reason.DUPLICATE_ID, msg("scenario.rule_exists", rule=rule.id),
                              f"{key}.id")
                continue
            self._check_names(rule.types, self.type_ids, f"{key}.types", Reason.UNKNOWN_TYPE, "project type")
            rules[rule.id] = rule.model_dump()
            self.notes.append(f"added rule {rule.id}")
        self.config["rules"] = [rules[k] for k in sorted(rules, key=_rule_order(self.config["rules"]))]
        for name in ("weights", "caps", "solver"):
            patch = getattr(self.s, name)
            if patch is not None and patch.model_fields_set:
                given = patch.model_dump(include=patch.model_fields_set)
                self.config[name] = self.config[name] | given
                self.notes.append(f"{name}: " + ", ".join(f"{k} = {v}" for k, v in sorted(given.items())))

    def _finish(self) -> None:
        h = self.horizon
        for pid, p in sorted(self.projects.items()):
            if pid in self.removed:
                continue
            lo, hi = max(p["earliest_start"], h.start), min(p["latest_start"], h.end)
            if lo > hi:
                self._drop(pid, f"window {p['earliest_start']}–{p['latest_start']} lies outside the horizon "
                                f"{h.start}–{h.end}")
                continue
            p["earliest_start"], p["latest_start"] = lo, hi
            if p["preferred_start"] is not None:
                p["preferred_start"] = min(max(p["preferred_start"], lo), hi)
        changed = True
        while changed:  # dependents of left-out projects go too, transitively
            changed = False
            for pid, p in sorted(self.projects.items()):
                if pid in self.removed:
                    continue
                gone = sorted(a for a in p["after"] if a in self.removed)
                if gone:
                    self._drop(pid, f"depends on left-out project {gone[0]}")
                    changed = True
        for p in self.projects.values():
            p["funds"] = tuple(f for f in p["funds"] if f in self.funds)


def _rule_order(original: list[dict[str, Any]]) -> Any:
    """Keep the area's rule order; added rules follow, by id."""
    index = {r["id"]: i for i, r in enumerate(original)}
    return lambda rid: (index.get(rid, len(index)), rid)


#: What _check_names looks up -> its "unknown ..." message (Dutch inflects the adjective by gender).
_UNKNOWN = {
    "partner": "scenario.unknown.partner",
    "project type": "scenario.unknown.type",
    "project": "scenario.unknown.project",
    "fund": "scenario.unknown.fund",
    "rule": "scenario.unknown.rule",
}
