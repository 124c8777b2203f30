"""Cash-flow chart data and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dia.model import Agenda
from dia.report import export
from dia.report.charts import CHART_FILES, cashflow_frame, euro_short, render_charts


def test_frame_stacks_to_gross_spend(tiny_agenda: Agenda) -> None:
    frame = cashflow_frame(tiny_agenda)
    assert len(frame) == len(tiny_agenda.cashflow)
    assert list(frame[["partner", "year"]].itertuples(index=False, name=None)) == sorted(
        (c.partner, c.year) for c in tiny_agenda.cashflow)
    stacked = frame["own"] + frame["fund_draw"] + frame["saving"]
    assert stacked.tolist() == pytest.approx(frame["spend"].tolist())
    assert (frame["available"] == frame["budget"] + frame["carry_in"]).all()
    gemeente_2028 = frame[(frame.partner == "Gemeente") & (frame.year == 2028)].iloc[0]
    assert gemeente_2028["spend"] == pytest.approx(1_100_000)
    assert gemeente_2028["saving"] == pytest.approx(75_000)


@pytest.mark.parametrize(("amount", "lang", "shown"), [
    (0, "nl", "€ 0"), (45_000, "nl", "€ 45k"), (1_000_000, "nl", "€ 1,0 mln"),
    (2_250_000, "en", "€2.25m"), (-500_000, "en", "€-500k"),
])
def test_euro_labels(amount: float, lang: str, shown: str) -> None:
    assert euro_short(amount, lang) == shown


def test_charts_render_reproducibly(tiny_agenda: Agenda) -> None:
    first = render_charts(tiny_agenda, dpi=40)
    assert tuple(first) == CHART_FILES
    assert all(data.startswith(b"\x89PNG") for data in first.values())
    assert render_charts(tiny_agenda, dpi=40) == first
    assert render_charts(tiny_agenda, dpi=40, formats=("pdf",))["cashflow.pdf"].startswith(b"%PDF")


def test_export_png_writes_gantt_and_charts(tiny_agenda: Agenda, tmp_path: Path) -> None:
    written = export(tiny_agenda, tmp_path, formats=["png"])
    assert sorted(p.name for p in written) == sorted(["gantt.png", *CHART_FILES])
