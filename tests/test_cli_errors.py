"""The CLI maps user errors to exit code 2 and bugs to exit code 1, without tracebacks."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from dia.cli import COMMANDS, cli
from dia.errors import InputError, Location, Problem, Reason


@pytest.fixture
def temp_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COMMANDS, "_boom", "tests.test_cli_errors:_boom")
    monkeypatch.setitem(COMMANDS, "_bad", "tests.test_cli_errors:_bad")


@click.command("_boom")
def _boom() -> None:
    raise RuntimeError("kaput")


@click.command("_bad")
def _bad() -> None:
    raise InputError([Problem(Reason.WRONG_TYPE, "expected a year, got 'abc'",
                              Location(file="Domijn.xlsx", sheet="Projecten", row=14,
                                       column="Vroegste start", cell="G14"))])


@pytest.mark.usefixtures("temp_commands")
def test_input_error_exits_2_with_location() -> None:
    result = CliRunner().invoke(cli, ["_bad"])
    assert result.exit_code == 2, result.output
    assert "Domijn.xlsx" in result.output and "G14" in result.output
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("temp_commands")
def test_bug_exits_1_and_points_to_debug() -> None:
    result = CliRunner().invoke(cli, ["_boom"])
    assert result.exit_code == 1, result.output
    assert "--debug" in result.output and "Traceback" not in result.output


@pytest.mark.usefixtures("temp_commands")
def test_debug_shows_the_traceback() -> None:
    result = CliRunner().invoke(cli, ["--debug", "_boom"])
    assert isinstance(result.exception, RuntimeError)


def test_location_text() -> None:
    loc = Location(file="Domijn.xlsx", sheet="Projecten", row=14, column="Vroegste start", cell="C14")
    assert str(loc) == "Domijn.xlsx › Projecten › C14 (Vroegste start)"
