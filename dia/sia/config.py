"""The SIA configuration (``sia.yaml``): indicators, groups, themes, normalisation, policies.

A frozen pydantic model, like every other ``dia`` model. Semantic checks that
need to point at a YAML key (an unknown indicator, weights that sum to zero)
raise :class:`SiaConfigFindings`, a ``ValueError`` that carries located
:class:`~dia.errors.Problem` objects; :mod:`dia.io.sia_io` unwraps it and adds
the file name, so a user sees ``sia.yaml › indicators.perc_laag_inkomen``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, field_validator, model_validator

from dia.errors import Location, Problem, Reason
from dia.messages import msg, pydantic_error
from dia.model.base import Frozen
from dia.sia.catalogue import CATALOGUE, RESIDENTS

Group = Literal["urgency", "potential"]
Theme = Literal["social", "physical", "safety"]
Direction = Literal["higher_is_worse", "higher_is_better"]
Method = Literal["rank", "minmax", "zscore"]
MissingPolicy = Literal["median", "mean", "exclude"]

GROUPS: tuple[Group, ...] = ("urgency", "potential")
THEMES: tuple[Theme, ...] = ("social", "physical", "safety")

#: Cell contents that mean "no value": CBS StatLine writes ``.`` for a suppressed
#: or unknown figure, the PDOK wijkenbuurten layer uses negative sentinels.
DEFAULT_MARKERS: tuple[str, ...] = ("", ".", "x", "-", "?", "-99995", "-99997", "-99998", "-99999")


class SiaConfigFindings(ValueError):
    """Semantic problems in a SIA config, each located by its YAML key."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.location.key}: {p.message}" for p in self.problems))


class Normalisation(Frozen):
    """How raw indicator values become scores from 0 to 100 (``docs/sia.md``)."""

    method: Method = "minmax"
    winsorise: tuple[float, float] | None = None
    """Lower and upper quantile (e.g. ``[0.05, 0.95]``) to clip to before normalising."""

    @field_validator("winsorise")
    @classmethod
    def _quantiles(cls, v: tuple[float, float] | None) -> tuple[float, float] | None:
        if v is not None and not 0.0 <= v[0] < v[1] <= 1.0:
            raise pydantic_error("sia.winsorise")
        return v


class Indicator(Frozen):
    """One indicator column and how it counts."""

    column: str = Field(min_length=1)
    """Header of the column in the indicator file (also the indicator's id)."""
    group: Group
    """``urgency`` (problems, opgaven) or ``potential`` (investment opportunities)."""
    theme: Theme
    direction: Direction
    """``higher_is_worse`` raises urgency / lowers potential as the value grows;
    ``higher_is_better`` the reverse (see ``docs/sia.md``)."""
    weight: float = Field(default=1.0, ge=0)
    label: str | None = None
    """Dutch label; defaults to the catalogue's; required for indicators not in the catalogue."""
    label_en: str | None = None
    normalisation: Normalisation | None = None
    """Overrides the config-wide normalisation for this indicator."""
    missing: MissingPolicy | None = None
    """Overrides the config-wide missing-value policy for this indicator."""

    @property
    def raises_score(self) -> bool:
        """Whether a higher raw value gives a higher score in its group.

        Urgency grows with what is worse, potential with what is better.
        """
        return (self.direction == "higher_is_worse") == (self.group == "urgency")

    def display(self, lang: str = "nl") -> str:
        """Label for charts and tables in ``lang`` (falls back to Dutch, then the column)."""
        entry = CATALOGUE.get(self.column)
        nl = self.label or (entry.label if entry else self.column)
        if lang == "en":
            return self.label_en or (entry.label_en if entry else nl)
        return nl


class Columns(Frozen):
    """Headers of the identifying columns of the indicator file."""

    code: str = "buurtcode"
    name: str = "buurtnaam"
    wijk: str | None = "wijkcode"


class Residents(Frozen):
    """Flag (or exclude) buurten with too few residents for reliable figures."""

    column: str = RESIDENTS.column
    min: int = Field(default=100, ge=0)
    policy: Literal["flag", "exclude"] = "flag"


class Missing(Frozen):
    """What to do with missing (suppressed) values."""

    policy: MissingPolicy = "median"
    """``median``/``mean``: impute from the buurten that have a value; ``exclude``: leave
    the buurt out of the index."""
    markers: tuple[str, ...] = DEFAULT_MARKERS
    max_share: float = Field(default=0.5, ge=0, le=1)
    """A buurt missing more than this share of the indicators is excluded whatever the policy."""


class Classes(Frozen):
    """Where "high" starts on each axis of the urgency × potential quadrant."""

    urgency_threshold: float | Literal["median"] = "median"
    potential_threshold: float | Literal["median"] = "median"

    @field_validator("urgency_threshold", "potential_threshold")
    @classmethod
    def _in_range(cls, v: float | str) -> float | str:
        if not isinstance(v, str) and not 0 <= v <= 100:
            raise pydantic_error("sia.threshold")
        return v


class WeightMapping(Frozen):
    """How a buurt's scores become its DIA weight: ``base + scale × score / 100``."""

    score: Literal["urgency", "potential", "mean"] = "urgency"
    base: float = Field(default=1.0, ge=0)
    scale: float = Field(default=1.0, ge=0)
    decimals: int = Field(default=3, ge=0, le=6)


class Sensitivity(Frozen):
    """Monte Carlo check of rank stability when every weight varies by ±spread."""

    draws: int = Field(default=1000, ge=0, le=100_000)
    spread: float = Field(default=0.25, ge=0, lt=1)
    seed: int = Field(default=0, ge=0)


class SiaConfig(Frozen):
    """Everything in ``sia.yaml``.

    ``indicators`` is written in YAML as a mapping from column to its spec and
    kept here as a tuple in the file's order (that order is used in charts).
    """

    name: str = "SIA"
    columns: Columns = Columns()
    residents: Residents | None = Residents()
    missing: Missing = Missing()
    normalisation: Normalisation = Normalisation()
    indicators: tuple[Indicator, ...]
    classes: Classes = Classes()
    weights: WeightMapping = WeightMapping()
    sensitivity: Sensitivity = Sensitivity()

    @field_validator("indicators", mode="before")
    @classmethod
    def _from_mapping(cls, v: object) -> object:
        if isinstance(v, dict):
            out = []
            for key, spec in v.items():
                if isinstance(spec, dict):
                    spec = {"column": key, **spec}
                out.append(spec)
            return out
        return v

    @model_validator(mode="after")
    def _semantics(self) -> SiaConfig:
        problems = semantic_problems(self)
        if problems:
            raise SiaConfigFindings(problems)
        return self

    def normalisation_of(self, indicator: Indicator) -> Normalisation:
        return indicator.normalisation or self.normalisation

    def missing_of(self, indicator: Indicator) -> MissingPolicy:
        return indicator.missing or self.missing.policy

    def in_group(self, group: Group) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.group == group)


def semantic_problems(config: SiaConfig) -> list[Problem]:
    """Problems that pydantic's field types cannot see, each located by YAML key.

    * an indicator neither in the catalogue nor given a ``label`` (likely a typo);
    * the same column twice, or an identifying column used as an indicator;
    * a group without indicators, or a group or theme whose weights sum to zero.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    reserved = {config.columns.code, config.columns.name, config.columns.wijk}
    if config.residents is not None:
        reserved.add(config.residents.column)
    for ind in config.indicators:
        key = f"indicators.{ind.column}"
        if ind.column in seen:
            problems.append(Problem.of(Reason.DUPLICATE_ID, msg("sia.indicator_twice", column=ind.column),
                                       Location(key=key)))
        seen.add(ind.column)
        if ind.column in reserved:
            problems.append(Problem.of(Reason.INVALID_VALUE, msg("sia.reserved_column", column=ind.column),
                                       Location(key=key)))
        if ind.column not in CATALOGUE and ind.label is None:
            close = difflib.get_close_matches(ind.column, sorted(CATALOGUE), n=1)
            hint: object = msg("sia.did_you_mean", name=close[0]) if close else ""
            problems.append(Problem.of(
                Reason.UNKNOWN_KEY,
                msg("sia.unknown_indicator", column=ind.column, hint=hint),
                Location(key=key)))
    for group in GROUPS:
        members = config.in_group(group)
        if not members:
            problems.append(Problem.of(Reason.EMPTY_REQUIRED, msg("sia.empty_group", group=group),
                                       Location(key="indicators")))
            continue
        if sum(i.weight for i in members) <= 0:
            problems.append(Problem.of(Reason.OUT_OF_RANGE, msg("sia.group_zero", group=group),
                                       Location(key=f"indicators.{members[0].column}.weight")))
            continue
        for theme in THEMES:
            in_theme = [i for i in members if i.theme == theme]
            if in_theme and sum(i.weight for i in in_theme) <= 0:
                problems.append(Problem.of(
                    Reason.OUT_OF_RANGE,
                    msg("sia.theme_zero", theme=theme, group=group),
                    Location(key=f"indicators.{in_theme[0].column}.weight")))
    return problems
