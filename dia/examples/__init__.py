"""Bundled example areas, shipped inside the package so ``dia demo`` works anywhere."""

from __future__ import annotations

from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent


def example_path(name: str = "twekkelerveld") -> Path:
    """Folder of a bundled example area.

    Examples
    --------
    >>> example_path().name
    'twekkelerveld'
    """
    path = EXAMPLES_DIR / name
    if not (path / "dia.yaml").is_file():
        raise FileNotFoundError(f"no bundled example called {name!r}")
    return path
