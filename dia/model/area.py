"""The area: configuration plus every partner's projects, budgets and funds."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field, model_validator

from dia.model.base import Frozen
from dia.model.checks import area_findings
from dia.model.config import AreaConfig, Buurt, CouplingRule, ProjectType
from dia.model.finance import Budget, Fund, Partner
from dia.model.project import Project


class InputFile(Frozen):
    """An input file and its SHA-256, recorded in ``run.json`` for provenance."""

    name: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Area(Frozen):
    """A validated DIA area: the one object every later stage takes.

    Collections are tuples sorted by id (projects by id, budgets by partner
    and year, funds by name) so that everything downstream is deterministic.
    """

    config: AreaConfig
    projects: tuple[Project, ...]
    budgets: tuple[Budget, ...]
    funds: tuple[Fund, ...] = ()
    inputs: tuple[InputFile, ...] = ()
    """The files the area was read from, with hashes."""

    @model_validator(mode="before")
    @classmethod
    def _sort(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        data = dict(data)

        def key_of(item: object, *names: str) -> tuple[object, ...]:
            if isinstance(item, dict):
                return tuple(item.get(n) for n in names)
            return tuple(getattr(item, n) for n in names)

        if "projects" in data:
            data["projects"] = tuple(sorted(data["projects"], key=lambda p: key_of(p, "id")))
        if "budgets" in data:
            data["budgets"] = tuple(
                sorted(data["budgets"], key=lambda b: key_of(b, "partner", "year"))
            )
        if "funds" in data:
            data["funds"] = tuple(sorted(data["funds"], key=lambda f: key_of(f, "name")))
        if "inputs" in data:
            data["inputs"] = tuple(sorted(data["inputs"], key=lambda f: key_of(f, "name")))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Area:
        findings = area_findings(self.config, self.projects, self.budgets, self.funds)
        if findings:
            lines = [f"{f.entity} {f.key} ({f.field}): {f.message}" for f in findings]
            raise ValueError("inconsistent area:\n" + "\n".join(lines))
        return self

    # ---- derived look-ups (cached; the model is frozen) -------------------------
    @cached_property
    def partners(self) -> tuple[Partner, ...]:
        """Partners in the area (those with Budget rows), sorted by name, with metadata."""
        meta = {p.name: p for p in self.config.partners}
        names = sorted({b.partner for b in self.budgets})
        return tuple(meta.get(n, Partner(name=n)) for n in names)

    @cached_property
    def project_by_id(self) -> dict[str, Project]:
        return {p.id: p for p in self.projects}

    @cached_property
    def buurt_by_code(self) -> dict[str, Buurt]:
        return {b.code: b for b in self.config.buurten}

    @cached_property
    def type_by_id(self) -> dict[str, ProjectType]:
        return {t.id: t for t in self.config.types}

    @cached_property
    def rule_by_id(self) -> dict[str, CouplingRule]:
        return {r.id: r for r in self.config.rules}

    @cached_property
    def fund_by_name(self) -> dict[str, Fund]:
        return {f.name: f for f in self.funds}

    def budget_of(self, partner: str, year: int) -> Budget | None:
        """The partner's budget row for ``year`` (None: no budget that year, i.e. 0)."""
        return self._budget_index.get((partner, year))

    @cached_property
    def _budget_index(self) -> dict[tuple[str, int], Budget]:
        return {(b.partner, b.year): b for b in self.budgets}

    def project_weight(self, project: Project) -> float:
        """SIA weight of the project's buurt (1.0 when SIA weighting is off)."""
        if not self.config.weights.use_sia:
            return 1.0
        return self.buurt_by_code[project.buurt].sia_weight
