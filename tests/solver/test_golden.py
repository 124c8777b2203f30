"""Golden LP files, one per constraint family (as Calliope's ``tests/math/lp_files``).

Each family is built alone on the tiny area (with a nuisance cap and a coupling whose saving
would exceed a project's cost), with an empty objective, written by PuLP and compared with
``tests/solver/lp/<family>.lp`` without regard to the order of rows or terms. Regenerate with
``DIA_UPDATE_GOLDEN=1 pytest tests/solver/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pulp
import pytest

from dia.solver.build import FAMILIES, build_model, family_function
from dia.solver.instance import make_instance
from tests.solver.conftest import UPDATE_GOLDEN, capped_area, tiny_couplings

LP_DIR = Path(__file__).parent / "lp"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "model.md"

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$", re.I)


def family_lp(family: str, tmp_path: Path) -> str:
    """The LP text of one family built alone on the tiny area, with an empty objective."""
    inst = make_instance(capped_area(), tiny_couplings())
    m = build_model(inst, families=(family,))
    m.prob.setObjective(pulp.LpAffineExpression())
    path = tmp_path / f"{family}.lp"
    m.prob.writeLP(str(path))
    return path.read_text()


def canonical(text: str) -> dict[str, object]:
    """An LP file as sets: each row's name, sense, rhs and sorted terms; bounds; binaries."""
    sections: dict[str, list[str]] = {}
    current = "head"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("\\*"):
            continue
        key = line.lower()
        if key in ("maximize", "minimize", "subject to", "bounds", "binaries", "generals", "end"):
            current = key
            continue
        sections.setdefault(current, []).append(line)
    rows: set[tuple[str, str, float, tuple[tuple[str, float], ...]]] = set()
    statement = " ".join(sections.get("subject to", []))
    for match in re.finditer(r"(\S+):\s*(.*?)(<=|>=|=)\s*(\S+)(?=\s+\S+:|\s*$)", statement):
        name, lhs, sense, rhs = match.groups()
        tokens = lhs.replace("+ ", "+").replace("- ", "-").split()
        terms: list[tuple[str, float]] = []
        coef = 1.0
        for tok in tokens:
            if _NUMBER.match(tok):
                coef = float(tok)
            elif tok in ("+", "-"):
                coef = 1.0 if tok == "+" else -1.0
            else:
                sign = -1.0 if tok.startswith("-") else 1.0
                var = tok.lstrip("+-")
                if var:
                    terms.append((var, round(coef * sign, 6)))
                    coef = 1.0
        rows.add((name, sense, round(float(rhs), 6), tuple(sorted(terms))))
    return {
        "rows": rows,
        "bounds": set(sections.get("bounds", [])),
        "binaries": set(" ".join(sections.get("binaries", [])).split()),
    }


@pytest.mark.parametrize("family", FAMILIES)
def test_family_matches_its_golden_lp(family: str, tmp_path: Path) -> None:
    text = family_lp(family, tmp_path)
    golden = LP_DIR / f"{family}.lp"
    if UPDATE_GOLDEN:
        golden.write_text(text)
    assert golden.is_file(), f"no golden LP for {family}; run with DIA_UPDATE_GOLDEN=1"
    assert canonical(text) == canonical(golden.read_text())


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_is_registered(family: str) -> None:
    """Calliope's test_all_math_registered: golden file, docstring formula, docs section."""
    assert (LP_DIR / f"{family}.lp").is_file()
    doc = inspect.getdoc(family_function(family)) or ""
    assert "For each" in doc, f"{family}: docstring lacks its index set ('For each ...')"
    assert re.search(r"^\s{4}.*(<=|=)", doc, re.M), f"{family}: docstring lacks an indented formula"
    assert f"### `{family}`" in DOCS.read_text(), f"docs/model.md lacks a section for {family}"


def test_every_family_has_rows_on_the_tiny_area(tmp_path: Path) -> None:
    """The golden files test something: each family adds at least one row here."""
    for family in FAMILIES:
        assert canonical(family_lp(family, tmp_path))["rows"], family


def test_canonical_ignores_order_but_not_content() -> None:
    a = "Maximize\nOBJ: 0\nSubject To\nr1: 2 x + 3 y <= 4\nr2: x - y = 0\nEnd\n"
    b = "Maximize\nOBJ: 0\nSubject To\nr2: - y + x = 0\nr1: 3 y + 2 x <= 4\nEnd\n"
    c = "Maximize\nOBJ: 0\nSubject To\nr2: - y + x = 0\nr1: 3 y + 2 x <= 5\nEnd\n"
    assert canonical(a) == canonical(b)
    assert canonical(a) != canonical(c)
