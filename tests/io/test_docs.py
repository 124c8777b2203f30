"""docs/data-format.md carries the header table generated from dia/io/columns.py."""

from __future__ import annotations

from pathlib import Path

from dia.errors import Reason
from dia.io.columns import markdown_tables

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_data_format_tables_match_columns() -> None:
    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    begin = text.index("-->\n", text.index("<!-- BEGIN columns")) + 4
    end = text.index("<!-- END columns -->")
    assert text[begin:end] == markdown_tables("en"), (
        "docs/data-format.md is out of date: paste markdown_tables('en') from dia/io/columns.py between "
        "the BEGIN/END columns markers"
    )


def test_every_reason_the_reader_uses_is_documented() -> None:
    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    for reason in Reason:
        if reason not in (Reason.CYCLE, Reason.INFEASIBLE):
            assert f"`{reason.value}`" in text, reason


def test_cli_doc_lists_exit_codes_of_the_group() -> None:
    import dia.cli

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for code in ("0", "1", "2", "3"):
        assert f"* {code} - " in (dia.cli.__doc__ or "") and f"| {code} |" in text
