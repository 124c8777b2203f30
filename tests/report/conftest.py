"""Fixtures for the report tests: hand-made agendas consistent with ``make_tiny_area``."""

from __future__ import annotations

import pytest

from dia.model import Agenda, Area
from tests.conftest import make_tiny_area
from tests.report.factory import TINY_STARTS, agenda_for, synthetic_agenda


@pytest.fixture
def tiny_agenda(tiny_area: Area) -> Agenda:
    """The tiny area planned by hand: three projects started, one dropped, two couplings realised."""
    return agenda_for(tiny_area, TINY_STARTS)


@pytest.fixture(scope="session")
def big_agenda() -> tuple[Area, Agenda]:
    """A 200-project synthetic agenda (built once per session)."""
    return synthetic_agenda(200, seed=0)


def tiny_pair() -> tuple[Area, Agenda]:
    """The tiny area and its agenda, for tests that need to rebuild them with changes."""
    area = make_tiny_area()
    return area, agenda_for(area, TINY_STARTS)
