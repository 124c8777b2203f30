"""Composite urgency and potential per buurt (0–100) and per theme, classes and ranking.

The steps, each documented in ``docs/sia.md``:

1. **Missing values and small buurten.** A buurt is excluded when it lacks a
   value of an indicator whose policy is ``exclude``, when it lacks more than
   ``missing.max_share`` of all indicators, or when it has fewer than
   ``residents.min`` residents and the residents policy is ``exclude``
   (otherwise it is only flagged). Every missing value is reported.
2. **Imputation.** Remaining gaps get the median (or mean) of the included
   buurten that have a value.
3. **Normalisation** per indicator over the included buurten
   (:mod:`dia.sia.normalise`), direction-adjusted so that a higher score
   means more urgency or more potential.
4. **Composites**: weighted means with the weights normalised to sum to 1,
   per group and per (group, theme).
5. **Classes**: the urgency × potential quadrant; **ranking** by urgency
   (rank 1 = most urgent; ties by buurt code); **sensitivity**
   (:mod:`dia.sia.sensitivity`).

Everything walks the buurten sorted by code, so the result does not depend on
the order of the rows in the input file.
"""

from __future__ import annotations

import numpy as np

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg
from dia.model.base import Frozen
from dia.sia.classes import CLASS_INDEX, ClassCode, classify, threshold_of
from dia.sia.config import GROUPS, THEMES, Group, Indicator, Sensitivity, SiaConfig, Theme
from dia.sia.indicators import IndicatorTable
from dia.sia.normalise import normalise
from dia.sia.sensitivity import RankStability, rank_stability, ranks_of, weighted_scores

#: Why a buurt was left out of the index (machine codes; labels in the report).
EXCLUDED_MISSING = "missing_value"
EXCLUDED_TOO_MANY_MISSING = "too_many_missing"
EXCLUDED_FEW_RESIDENTS = "few_residents"


class ThemeScore(Frozen):
    """A buurt's score on one theme of one group, 0–100."""

    group: Group
    theme: Theme
    score: float


class BuurtScore(Frozen):
    """Everything the SIA says about one buurt."""

    code: str
    name: str
    wijk: str | None = None
    residents: float | None = None
    row: int
    """Row of the buurt in the indicator file."""
    few_residents: bool = False
    """Fewer residents than ``residents.min`` (or unknown): figures are less reliable."""
    excluded: tuple[str, ...] = ()
    """Why the buurt is not in the index (empty: it is)."""
    raw: tuple[float | None, ...]
    """Raw values as read, config order (``None``: missing)."""
    imputed: tuple[str, ...] = ()
    """Columns whose value was imputed."""
    scores: tuple[float, ...] = ()
    """Normalised score 0–100 per indicator, config order (empty when excluded)."""
    urgency: float | None = None
    potential: float | None = None
    themes: tuple[ThemeScore, ...] = ()
    urgency_rank: int | None = None
    potential_rank: int | None = None
    klass: ClassCode | None = None
    stability: RankStability | None = None

    @property
    def is_included(self) -> bool:
        return not self.excluded

    def theme_score(self, group: Group, theme: Theme) -> float | None:
        for t in self.themes:
            if t.group == group and t.theme == theme:
                return t.score
        return None


class SiaResult(Frozen):
    """The SIA of one indicator table: scored buurten in rank order, plus what was found."""

    name: str
    source: str
    indicators: tuple[Indicator, ...]
    buurten: tuple[BuurtScore, ...]
    """Included buurten by urgency rank, then the excluded ones by code."""
    urgency_threshold: float
    potential_threshold: float
    sensitivity: Sensitivity
    """Draws, spread and seed actually used."""
    warnings: tuple[Problem, ...] = ()
    """Missing values, imputations, exclusions and small buurten, located in the file."""

    @property
    def included(self) -> tuple[BuurtScore, ...]:
        return tuple(b for b in self.buurten if b.is_included)

    @property
    def themes(self) -> tuple[tuple[Group, Theme], ...]:
        """The (group, theme) pairs that have indicators, in a fixed order."""
        present = {(i.group, i.theme) for i in self.indicators}
        return tuple((g, t) for g in GROUPS for t in THEMES if (g, t) in present)

    def by_code(self) -> dict[str, BuurtScore]:
        return {b.code: b for b in self.buurten}


def compute_index(
    table: IndicatorTable,
    config: SiaConfig,
    *,
    draws: int | None = None,
    seed: int | None = None,
) -> SiaResult:
    """Score, classify and rank every buurt of ``table`` as ``config`` says.

    Parameters
    ----------
    table:
        Raw indicator values, columns in the config's indicator order.
    config:
        The validated ``sia.yaml``.
    draws, seed:
        Override the config's Monte Carlo draws and seed (``0`` draws skips the check).

    Returns
    -------
    SiaResult
        Buurten in urgency rank order with scores, classes and rank stability.

    Raises
    ------
    InputError
        When no buurt is left after exclusions, or an indicator has no value in
        any included buurt (nothing to impute from).

    Examples
    --------
    >>> from dia.sia.config import SiaConfig
    >>> from dia.sia.indicators import BuurtRow, IndicatorTable
    >>> cfg = SiaConfig.model_validate({"residents": None, "indicators": {
    ...     "perc_leegstand": {"group": "urgency", "theme": "physical", "direction": "higher_is_worse"},
    ...     "perc_huurwoningen_corporatie": {"group": "potential", "theme": "physical",
    ...                                      "direction": "higher_is_better"}}})
    >>> rows = [BuurtRow(code=c, name=c, values=v, row=i + 2)
    ...         for i, (c, v) in enumerate([("A", (1.0, 50.0)), ("B", (9.0, 70.0)), ("C", (5.0, 10.0))])]
    >>> res = compute_index(IndicatorTable(source="x.csv", columns=cfg_cols(cfg), buurten=rows), cfg, draws=0)
    >>> [(b.code, b.urgency, b.urgency_rank, b.klass) for b in res.buurten]
    [('B', 100.0, 1, 'integrated'), ('C', 50.0, 2, 'targeted'), ('A', 0.0, 3, 'opportunity')]
    """
    indicators = config.indicators
    if len(table.columns) != len(indicators):
        raise ValueError("the table's columns do not match the config's indicators")
    n, k = len(table.buurten), len(indicators)
    raw = np.array(
        [[np.nan if v is None else float(v) for v in b.values] for b in table.buurten], dtype=np.float64
    ).reshape(n, k)
    missing = np.isnan(raw)
    warnings: list[Problem] = []
    errors: list[Problem] = []
    excluded: list[list[str]] = [[] for _ in range(n)]
    few = [False] * n

    for r, b in enumerate(table.buurten):
        gaps = [j for j in range(k) if missing[r, j]]
        if any(config.missing_of(indicators[j]) == "exclude" for j in gaps):
            excluded[r].append(EXCLUDED_MISSING)
        if k and len(gaps) / k > config.missing.max_share:
            excluded[r].append(EXCLUDED_TOO_MANY_MISSING)
        res_cfg = config.residents
        if res_cfg is not None and (b.residents is None or b.residents < res_cfg.min):
            few[r] = True
            if res_cfg.policy == "exclude":
                excluded[r].append(EXCLUDED_FEW_RESIDENTS)
            shown: object = msg("sia.residents_unknown") if b.residents is None else f"{b.residents:.0f}"
            warnings.append(Problem.of(
                Reason.OUT_OF_RANGE,
                msg("sia.few_residents", code=b.code, name=b.name, n=shown, min=res_cfg.min,
                    what=msg("sia.excluded" if res_cfg.policy == "exclude" else "sia.flagged")),
                Location(file=table.source, sheet=table.sheet, row=b.row, column=res_cfg.column),
                severity="warning"))

    included = np.array([not e for e in excluded], dtype=bool)
    if not included.any():
        raise InputError([Problem.of(Reason.EMPTY_AREA, msg("sia.none_left"),
                                     Location(file=table.source, sheet=table.sheet))])

    filled = raw.copy()
    for j, ind in enumerate(indicators):
        col = table.columns[j]
        have = included & ~missing[:, j]
        policy = config.missing_of(ind)
        if not have.any():
            errors.append(Problem.of(Reason.EMPTY_REQUIRED, msg("sia.indicator_empty", column=col),
                                     Location(file=table.source, sheet=table.sheet, column=col)))
            continue
        fill = float(np.mean(raw[have, j])) if policy == "mean" else float(np.median(raw[have, j]))
        for r, b in enumerate(table.buurten):
            if not missing[r, j]:
                continue
            loc = Location(file=table.source, sheet=table.sheet, row=b.row, column=col)
            if not included[r]:
                warnings.append(Problem.of(Reason.EMPTY_REQUIRED,
                                           msg("sia.no_value_excluded", code=b.code, name=b.name), loc,
                                           severity="warning"))
            else:
                filled[r, j] = fill
                how = msg("sia.policy.mean" if policy == "mean" else "sia.policy.median")
                warnings.append(Problem.of(Reason.EMPTY_REQUIRED,
                                           msg("sia.no_value_imputed", code=b.code, name=b.name,
                                               policy=how, fill=f"{fill:.4g}"),
                                           loc, severity="warning"))
    if errors:
        raise InputError(errors)

    rows = np.flatnonzero(included)
    scores = np.column_stack([
        normalise(filled[rows, j], config.normalisation_of(ind), raises=ind.raises_score)
        for j, ind in enumerate(indicators)
    ]) if k else np.zeros((rows.size, 0))
    weights = np.array([i.weight for i in indicators], dtype=np.float64)

    group_idx = {g: np.array([j for j, i in enumerate(indicators) if i.group == g], dtype=np.int64)
                 for g in GROUPS}
    composite = {g: weighted_scores(scores[:, idx], weights[idx]) for g, idx in group_idx.items()}
    theme_scores: dict[tuple[Group, Theme], np.ndarray] = {}
    for g in GROUPS:
        for t in THEMES:
            idx = np.array([j for j, i in enumerate(indicators) if i.group == g and i.theme == t],
                           dtype=np.int64)
            if idx.size:
                theme_scores[(g, t)] = weighted_scores(scores[:, idx], weights[idx])

    u, p = composite["urgency"], composite["potential"]
    t_u = float(threshold_of(u, config.classes.urgency_threshold))
    t_p = float(threshold_of(p, config.classes.potential_threshold))
    classes = [classify(bool(u[m] >= t_u), bool(p[m] >= t_p)) for m in range(rows.size)]
    u_rank = ranks_of(u)
    p_rank = ranks_of(p)

    sens = Sensitivity(
        draws=config.sensitivity.draws if draws is None else draws,
        spread=config.sensitivity.spread,
        seed=config.sensitivity.seed if seed is None else seed,
    )
    stability = rank_stability(
        scores[:, group_idx["urgency"]], weights[group_idx["urgency"]],
        scores[:, group_idx["potential"]], weights[group_idx["potential"]],
        (config.classes.urgency_threshold, config.classes.potential_threshold),
        np.array([CLASS_INDEX[c] for c in classes], dtype=np.int64),
        sens.draws, sens.spread, sens.seed,
    )

    scored: list[BuurtScore] = []
    position = {int(r): m for m, r in enumerate(rows)}
    for r, b in enumerate(table.buurten):
        base = BuurtScore(
            code=b.code, name=b.name, wijk=b.wijk, residents=b.residents, row=b.row,
            few_residents=few[r], raw=b.values, excluded=tuple(excluded[r]),
            imputed=tuple(table.columns[j] for j in range(k) if missing[r, j] and included[r]),
        )
        m = position.get(r)
        if m is None:
            scored.append(base)
            continue
        scored.append(BuurtScore.model_validate(base.model_dump() | dict(
            scores=tuple(float(s) for s in scores[m]),
            urgency=float(u[m]), potential=float(p[m]),
            themes=tuple(ThemeScore(group=g, theme=t, score=float(v[m]))
                         for (g, t), v in theme_scores.items()),
            urgency_rank=int(u_rank[m]), potential_rank=int(p_rank[m]), klass=classes[m],
            stability=stability[m] if stability else None,
        )))
    ordered = sorted((s for s in scored if s.is_included), key=lambda s: s.urgency_rank or 0)
    ordered += [s for s in scored if not s.is_included]
    return SiaResult(
        name=config.name, source=table.source, indicators=indicators, buurten=tuple(ordered),
        urgency_threshold=t_u, potential_threshold=t_p, sensitivity=sens,
        warnings=tuple(sorted(warnings, key=_by_place)),
    )


def cfg_cols(config: SiaConfig) -> tuple[str, ...]:
    """The indicator columns of ``config`` in order (the headers a table must have)."""
    return tuple(i.column for i in config.indicators)


def _by_place(problem: Problem) -> tuple[object, ...]:
    """Order messages as a reader scans the file: by row, then column, then text."""
    return (problem.location.sort_key(), problem.location.column or "", problem.message)
