"""The Gantt chart's data (bars at the right years, grouping, paging, links) and its files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dia.model import Agenda, Area
from dia.report import export
from dia.report.colours import partner_colours
from dia.report.gantt import gantt_bars, gantt_links, render_gantt, write_gantt

TODAY = dt.date(2027, 6, 1)


def test_bars_sit_at_the_scheduled_years(tiny_area: Area, tiny_agenda: Agenda) -> None:
    bars = gantt_bars(tiny_agenda, area=tiny_area)
    rows = bars[bars["kind"] == "bar"].set_index("project_id")
    assert sorted(rows.index) == ["D-001", "G-001", "G-002"]  # D-002 is dropped: no bar
    g001 = rows.loc["G-001"]
    assert (g001["start"], g001["end"], g001["width"]) == (2027, 2028, 2)
    assert (rows.loc["G-002", "start"], rows.loc["G-002", "width"]) == (2028, 1)
    assert (rows.loc["D-001", "start"], rows.loc["D-001", "end"]) == (2028, 2029)
    assert bool(rows.loc["G-001", "mandatory"]) and not bool(rows.loc["G-002", "mandatory"])
    colours = partner_colours(tiny_agenda, tiny_area)
    assert all(rows.loc[pid, "colour"] == colours[rows.loc[pid, "partner"]] for pid in rows.index)


def test_grouped_by_buurt_then_partner(big_agenda: tuple[Area, Agenda]) -> None:
    area, agenda = big_agenda
    bars = gantt_bars(agenda, area=area)
    ordered = bars.sort_values(["page", "row"])
    seen_groups: list[str] = []
    last_partner: dict[str, str] = {}
    for r in ordered.itertuples():
        if r.kind == "group":
            if r.group not in seen_groups:
                seen_groups.append(r.group)
            continue
        assert r.group == seen_groups[-1]
        assert r.partner >= last_partner.get(r.group, "")  # partners sorted inside a buurt
        last_partner[r.group] = r.partner
    buurt_of = {p.project_id: p.buurt for p in agenda.projects}
    for r in ordered[ordered["kind"] == "bar"].itertuples():
        assert buurt_of[r.project_id] in r.group
    assert seen_groups == sorted(seen_groups)


@pytest.mark.parametrize("group_by", ["partner", "type"])
def test_other_groupings_keep_every_bar(big_agenda: tuple[Area, Agenda], group_by: str) -> None:
    area, agenda = big_agenda
    bars = gantt_bars(agenda, area=area, group_by=group_by)
    projects = {p.project_id: p for p in agenda.projects}
    got = bars[bars["kind"] == "bar"]
    assert sorted(got["project_id"]) == sorted(p.project_id for p in agenda.projects if p.is_selected)
    for r in got.itertuples():
        p = projects[r.project_id]
        key = p.partner if group_by == "partner" else area.type_by_id[p.type].label
        assert r.group == key
        assert (r.start, r.end) == (p.start_year, p.end_year)


def test_unknown_grouping_is_refused(tiny_agenda: Agenda) -> None:
    with pytest.raises(ValueError, match="group_by"):
        gantt_bars(tiny_agenda, group_by="colour")


def test_two_hundred_projects_are_paged_readably(big_agenda: tuple[Area, Agenda]) -> None:
    area, agenda = big_agenda
    bars = gantt_bars(agenda, area=area, rows_per_page=45)
    sizes = bars.groupby("page").size()
    assert len(sizes) >= 4
    assert sizes.max() <= 45
    for _page, lines in bars.groupby("page"):
        assert sorted(lines["row"]) == list(range(len(lines)))  # no two lines share a row
        assert lines.sort_values("row").iloc[0]["kind"] == "group"  # every page starts with its group
        assert lines.sort_values("row").iloc[-1]["kind"] == "bar"  # no orphan header at the foot
    assert bars["label"].str.len().max() <= 46


def test_links_join_realised_couplings(tiny_agenda: Agenda) -> None:
    bars = gantt_bars(tiny_agenda)
    links = gantt_links(tiny_agenda, bars)
    assert sorted(zip(links["project_a"], links["project_b"], strict=True)) == [
        ("D-001", "G-002"), ("G-001", "G-002")]
    row_of = dict(zip(bars["project_id"], bars["row"], strict=True))
    for link in links.itertuples():
        assert (link.row_a, link.row_b) == (row_of[link.project_a], row_of[link.project_b])
    g = links[links["project_a"] == "G-001"].iloc[0]
    assert (g["year_a"], g["year_b"]) == (2027, 2028)


def test_render_writes_png_svg_pdf_reproducibly(tiny_agenda: Agenda) -> None:
    first = render_gantt(tiny_agenda, today=TODAY, dpi=50)
    second = render_gantt(tiny_agenda, today=TODAY, dpi=50)
    assert sorted(first) == ["gantt.pdf", "gantt.png", "gantt.svg"]
    assert first["gantt.png"].startswith(b"\x89PNG")
    assert first["gantt.pdf"].startswith(b"%PDF")
    assert b"<svg" in first["gantt.svg"]
    assert first == second


def test_svg_shows_the_dropped_project_and_legend(tiny_agenda: Agenda) -> None:
    svg = render_gantt(tiny_agenda, formats=("svg",), today=TODAY, lang="en")["gantt.svg"].decode()
    assert "Not included" in svg and "D-002 Energiecoaches" in svg
    assert "mandatory" in svg and "realised coupling" in svg and "now (2027)" in svg


def test_png_is_300_dpi_in_export(tiny_agenda: Agenda, tmp_path: Path) -> None:
    from PIL import Image

    export(tiny_agenda, tmp_path, formats=["png", "svg", "pdf"])
    for name in ("gantt.png", "gantt.svg", "gantt.pdf"):
        assert (tmp_path / name).is_file()
    with Image.open(tmp_path / "gantt.png") as image:
        assert round(image.info["dpi"][0]) == 300


def test_write_gantt_to_a_named_file(big_agenda: tuple[Area, Agenda], tmp_path: Path) -> None:
    area, agenda = big_agenda
    paths = write_gantt(agenda, tmp_path / "plan-partner.svg", group_by="partner", area=area, today=TODAY)
    names = [p.name for p in paths]
    assert names[0] == "plan-partner.svg" and "plan-partner-2.svg" in names
    assert all(p.is_file() for p in paths)


def test_export_removes_gantt_pages_of_a_longer_earlier_export(big_agenda: tuple[Area, Agenda],
                                                                tiny_agenda: Agenda, tmp_path: Path) -> None:
    area, agenda = big_agenda
    export(agenda, tmp_path, formats=["svg"], area=area)
    assert (tmp_path / "gantt-2.svg").is_file()
    (tmp_path / "gantt-notes.svg").write_text("<svg/>", encoding="utf-8")  # not ours: kept
    export(tiny_agenda, tmp_path, formats=["svg"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gantt-notes.svg", "gantt.svg"]
