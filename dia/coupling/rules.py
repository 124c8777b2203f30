"""Coupling rules as look-up tables, the saving of a coupling and its split.

A rule couples an (order-free) pair of project types. Several rules may name
the same pair (for example a cheap ``same_buurt`` rule and a richer
``same_street`` one); detection tests each and keeps, per project pair, the
rule with the largest potential saving (ties: the smallest rule id).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg
from dia.model import Area, CouplingRule

FloatArray = npt.NDArray[np.float64]


def check_rules(area: Area) -> None:
    """Refuse rules that name a project type missing from the catalogue.

    The area model already refuses such rules when it is validated; this
    check guards areas built without validation (``model_construct``) and
    names the ``dia.yaml`` key, so the message always reaches the user.

    Parameters
    ----------
    area:
        The area whose rules are checked.

    Raises
    ------
    dia.errors.InputError
        ``Reason.UNKNOWN_TYPE`` at ``dia.yaml › rules[i].types``.
    """
    known = {t.id for t in area.config.types}
    problems = [
        Problem.of(
            Reason.UNKNOWN_TYPE,
            # every known type, as before (Names would cut the list at eight)
            msg("check.rule_unknown_type", rule=rule.id, type=t, known=", ".join(sorted(known))),
            Location(file="dia.yaml", key=f"rules[{i}].types"),
        )
        for i, rule in enumerate(area.config.rules)
        for t in rule.types
        if t not in known
    ]
    if problems:
        raise InputError(problems)


def potential_saving(rule: CouplingRule, cost_a: FloatArray, cost_b: FloatArray) -> FloatArray:
    """Euro saved when pairs coupled by ``rule`` are done as one job.

    For each pair (costs ``ca``, ``cb``)::

        smaller: saving_pct / 100 * min(ca, cb)
        sum:     saving_pct / 100 * (ca + cb)
        fixed:   saving_fixed

    Parameters
    ----------
    rule:
        The coupling rule.
    cost_a, cost_b:
        Costs of the two projects of each pair (euro).

    Returns
    -------
    numpy.ndarray of float
        One saving per pair, before the per-project cap.
    """
    if rule.saving_base == "fixed":
        return np.full(cost_a.shape, float(rule.saving_fixed or 0.0))
    base = np.minimum(cost_a, cost_b) if rule.saving_base == "smaller" else cost_a + cost_b
    return base * (rule.saving_pct / 100.0)


def share_of_a(cost_a: FloatArray, cost_b: FloatArray) -> FloatArray:
    """Fraction of a coupling's saving credited to project a: its share of the joint cost.

    The joint job is cheaper for both partners; crediting the saving in
    proportion to cost means the bigger job (which carries most of the
    shared overhead: traffic measures, site set-up, resurfacing) gets most
    of it, and the small one never more than its own cost under the
    ``smaller`` base. Two projects that both cost nothing split it evenly.

    Parameters
    ----------
    cost_a, cost_b:
        Costs of the two projects of each pair (euro).

    Returns
    -------
    numpy.ndarray of float
        Values in ``[0, 1]``.
    """
    total = cost_a + cost_b
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, cost_a / np.where(total > 0, total, 1.0), 0.5)
    return np.asarray(share, dtype=np.float64)


def rules_by_type_pair(rules: Sequence[CouplingRule]) -> dict[tuple[str, str], list[CouplingRule]]:
    """Rules grouped by their (sorted) type pair, each list sorted by rule id."""
    out: dict[tuple[str, str], list[CouplingRule]] = {}
    for rule in sorted(rules, key=lambda r: r.id):
        out.setdefault(rule.types, []).append(rule)
    return out
