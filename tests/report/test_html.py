"""report.html: self-contained, escaped, bilingual, and rendered by a real headless browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dia.model import Agenda, Area
from dia.report import export
from dia.report.html import build_html
from tests.report.browser import find_chromium, printed_pages, run_chromium
from tests.report.factory import TINY_STARTS, agenda_for


def _report(agenda: Agenda, out: Path, **kwargs: object) -> str:
    export(agenda, out, formats=["html"], **kwargs)  # type: ignore[arg-type]
    return (out / "report.html").read_text(encoding="utf-8")


def test_report_is_self_contained(tiny_agenda: Agenda, tmp_path: Path) -> None:
    page = _report(tiny_agenda, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # images live inside the page
    for attr in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', page):
        assert attr.startswith("data:image/png;base64,"), attr[:60]
    assert "url(" not in page and "@import" not in page and "<link" not in page and "<script" not in page
    assert page.count("data:image/png;base64,") == 4  # gantt + three cash-flow charts
    assert "@page { size: A4 landscape" in page


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["Samenvatting voor het bestuur", "Planning", "Kasstromen", "Koppelkansen",
            "Scenario en berekening", "Werkwijze", "2 van 2", "3 van 4", "Meerwaarde van samen plannen"]),
    ("en", ["Summary for the board", "Schedule", "Cash flows", "Couplings", "Scenario and computation",
            "Method", "2 of 2", "3 of 4", "Added value of planning together"]),
], ids=["nl", "en"])
def test_report_sections_in_both_languages(tiny_agenda: Agenda, tmp_path: Path, lang: str,
                                           words: list[str]) -> None:
    page = _report(tiny_agenda, tmp_path, lang=lang)
    assert f'<html lang="{lang}">' in page
    for word in words:
        assert word in page, word


def test_board_figures_are_the_agenda_s(tiny_agenda: Agenda) -> None:
    page = build_html(tiny_agenda, lang="nl")
    assert "€ 150.000" in page  # realised savings 120k + 30k
    assert "€ 4.400.000" in page  # value of the three selected projects
    assert "D-002" in page and "Energiecoaches" in page  # the dropped project is listed


def test_without_baseline_the_report_says_so(tiny_area: Area) -> None:
    agenda = agenda_for(tiny_area, TINY_STARTS, with_baseline=False)
    assert "geen vergelijking" in build_html(agenda, lang="nl")


def test_input_text_is_escaped(tiny_area: Area) -> None:
    evil = '<script>alert("x")</script> & =HYPERLINK("http://evil")'
    projects = [p.model_dump() | ({"name": evil} if p.id in ("G-001", "D-002") else {})
                for p in tiny_area.projects]
    area = Area.model_validate(tiny_area.model_dump() | {"projects": projects})
    page = build_html(agenda_for(area, TINY_STARTS, scenario="<b>bold</b>"), lang="nl")
    assert "<script" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; =HYPERLINK" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_report_is_reproducible(tiny_agenda: Agenda, tmp_path: Path) -> None:
    assert _report(tiny_agenda, tmp_path / "a") == _report(tiny_agenda, tmp_path / "b")


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip("no chromium found (apt-get install chromium, or set DIA_CHROMIUM); .ci/run installs it")
    return binary


def test_console_error_detection_works(chromium: str, tmp_path: Path) -> None:
    """The detector must see an error, or the report test below could never fail."""
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><html><body><p>x</p><script>throw new Error("dia-probe")</script>'
                     "</body></html>", encoding="utf-8")
    run = run_chromium(chromium, probe, tmp_path / "probe.png", action="screenshot", size=(400, 300))
    assert any("dia-probe" in line for line in run.console), run.stderr[-2000:]


@pytest.mark.browser
@pytest.mark.slow
def test_report_renders_in_headless_chromium(chromium: str, tiny_area: Area, tiny_agenda: Agenda,
                                             tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path / "out", area=tiny_area, formats=["html"])
    boxes = printed_pages(chromium, tmp_path / "out" / "report.html", tmp_path)
    assert boxes, "no pages in the printed PDF"
    for width, height in boxes:  # A4 landscape: 842 x 595 pt
        assert width == pytest.approx(842, abs=2) and height == pytest.approx(595, abs=2)


def test_spend_after_the_horizon_gets_a_column(tiny_area: Area) -> None:
    late = agenda_for(tiny_area, {**TINY_STARTS, "D-001": 2030})
    page = build_html(late, lang="en")
    assert "Spend after 2030" in page
    assert "Spend after" not in build_html(agenda_for(tiny_area, TINY_STARTS), lang="en")
