"""The ``dia`` command line: a lazy click group and the one place that exits.

Each command lives in its own module under :mod:`dia.cli` and is imported
only when invoked, so ``dia --help`` and ``dia validate`` do not pay for
importing the solver or matplotlib. Exit codes (see ``docs/cli.md``):

* 0 - success
* 1 - internal error (a bug: rerun with ``--debug`` and report it)
* 2 - invalid input, including an infeasible plan (the message says what)
* 3 - the solver found no solution within its limits
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
from typing import Any

import click

from dia import __version__
from dia.errors import DiaError

#: command name -> "module:attribute"; each module is imported only when used.
COMMANDS: dict[str, str] = {
    "validate": "dia.cli.validate:validate",
    "demo": "dia.cli.demo:demo",
    "template": "dia.cli.template:template",
    "koppelkansen": "dia.cli.koppelkansen:koppelkansen",
    "plan": "dia.cli.plan:plan",
    "compare": "dia.cli.compare:compare",
    "replan": "dia.cli.replan:replan",
    "diff": "dia.cli.diff:diff",
    "sweep": "dia.cli.sweep:sweep",
    "export": "dia.cli.export:export",
    "gantt": "dia.cli.gantt:gantt",
    "sia": "dia.cli.sia:sia",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command = getattr(module, attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command

    @staticmethod
    def _available(name: str) -> bool:
        module_name = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module_name) is not None


class DiaGroup(LazyGroup):
    """The top-level group: maps :class:`DiaError` to its exit code, bugs to exit 1.

    Doing this in ``invoke`` (not around ``main``) means click's ``CliRunner``
    sees exactly the exit codes and messages a user sees. Errors are printed
    in the language of the command's ``--lang`` when given, else the area's
    ``language:`` when its ``dia.yaml`` was read (``InputError.lang``), else Dutch.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        # Kept to read the command's --lang if it fails (click clears the args before invoking it).
        ctx.meta[_COMMAND_ARGS] = list(ctx.args)
        return rest

    def error_lang(self, ctx: click.Context, exc: DiaError) -> str:
        """The language to print ``exc`` in: explicit ``--lang``, else the input's, else Dutch."""
        return _explicit_lang(self, ctx) or getattr(exc, "lang", None) or "nl"

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # The reader of our output went away (`dia validate ... | head`): not an error.
            # Point stdout at devnull so the interpreter's final flush does not fail again
            # (the recipe in the Python docs, "Note on SIGPIPE").
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except DiaError as exc:
            from dia.cli._render import render_error

            render_error(exc, self.error_lang(ctx, exc))
            raise click.exceptions.Exit(exc.exit_code) from None
        except Exception as exc:  # the one place that turns bugs into exit 1
            if (ctx.obj or {}).get("debug"):
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in dia, not in your input. "
                "Rerun with --debug and report the traceback.",
                err=True,
            )
            raise click.exceptions.Exit(1) from None


_COMMAND_ARGS = "dia.command_args"


def _explicit_lang(group: click.Group, ctx: click.Context) -> str | None:
    """The failed command's ``--lang`` if the user gave it (not its default), else None.

    The command's arguments are parsed again the way shell completion does
    (``resilient_parsing``: no callbacks, no errors), so no command has to
    report its language to the group.
    """
    name = ctx.invoked_subcommand
    command = group.get_command(ctx, name) if name else None
    if command is None or not any(p.name == "lang" for p in command.params):
        return None
    try:
        sub = command.make_context(name, list(ctx.meta.get(_COMMAND_ARGS, [])), parent=ctx,
                                   resilient_parsing=True)
    except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
        return None
    value = sub.params.get("lang")
    source = sub.get_parameter_source("lang")
    explicit = source not in (None, click.core.ParameterSource.DEFAULT)
    return value if explicit and value in ("nl", "en") else None


@click.group(cls=DiaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dia")
@click.option("--debug", is_flag=True, help="Show full tracebacks for internal errors.")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: int) -> None:
    """dia: build one joint investment agenda (DIA) from all partners' plans.

    \b
    Typical use:
      dia validate examples/twekkelerveld
      dia koppelkansen examples/twekkelerveld
      dia plan examples/twekkelerveld --out out/
      dia demo
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``dia`` console script."""
    cli.main(args=argv, prog_name="dia")
