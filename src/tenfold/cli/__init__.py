"""The ``tenfold`` command: starts the app, or runs a command on the same data.

Every error is one clear line on stderr and a non-zero exit; no traceback reaches
the user.
"""

from __future__ import annotations

import errno
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from tenfold import __version__
from tenfold.cli.common import BAD_INPUT, Context, fail
from tenfold.paths import ENV_DB
from tenfold.startup import data_path, guarded, located_path, run_app

COMMAND_MODULES: dict[str, str] = {
    "add": "add",
    "backup": "backup",
    "bills": "measures",
    "doctor": "doctor",
    "export": "export",
    "goal": "goal",
    "ideas": "ideas",
    "import": "importer",
    "locate": "locate",
    "parts": "measures",
    "pause": "pause",
    "report": "report",
    "review": "review",
    "serve": "serve",
    "status": "status",
    "steps": "step_items",
    "tick": "steps",
    "untick": "steps",
}
"""Each command and the module under ``tenfold.cli`` that registers it (a test checks it is complete).

Modules are imported only when their command runs, so ``tenfold`` (the app),
``tenfold --version`` and ``tenfold status`` do not pay for the imports of every
other command (benchmarks/RESULTS.md measures the start-up).
"""


class OneLineGroup(click.Group):
    """A click group whose usage errors are one line, like every other Tenfold error.

    Click prints the usage, a hint and the error over three lines; a script or a
    status bar reading stderr wants one. Commands load lazily (:data:`COMMAND_MODULES`).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``tenfold report -q`` as ``tenfold -q report``: ``-q`` is the group's, but people type it last."""
        return super().parse_args(ctx, self._quiet_first(ctx, list(args)))

    def _quiet_first(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``-q``/``--quiet`` after the command moved before it, unless it is another option's value."""
        at = _command_at(args)
        if at >= len(args) or args[at] not in COMMAND_MODULES:
            return args
        command = self.get_command(ctx, args[at])
        takes_value = _options_with_values(command)
        kept, quiet = args[: at + 1], False
        for i in range(at + 1, len(args)):
            token = args[i]
            if token == "--":
                kept += args[i:]
                break
            if token in ("-q", "--quiet") and kept[-1] not in takes_value:
                quiet = True
                continue
            kept.append(token)
        return ["-q", *kept] if quiet else kept

    def _typed_command(self, args: list[str]) -> str:
        """``tenfold add payment`` for ``--db F add payment --amount``: the command the words typed name."""
        at = _command_at(args)
        command = self.get_command(click.Context(self), args[at]) if at < len(args) else None
        if command is None:
            return "tenfold"
        words = [w for w in args[at + 1:] if not w.startswith("-")]
        sub = words[0] if isinstance(command, click.Group) and words and words[0] in command.commands else ""
        return " ".join(w for w in ("tenfold", args[at], sub) if w)

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl+C during a command: an Abort, which :meth:`main` reports, rather than click's own blank line."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise click.Abort() from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, without importing any of them."""
        return sorted(set(COMMAND_MODULES) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the command's module on first use; it registers itself on ``cli``."""
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"tenfold.cli.{COMMAND_MODULES[cmd_name]}")
        return self.commands.get(cmd_name)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; in standalone mode, map click's errors to :func:`fail`."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # `tenfold add` alone: the user wants the list
            click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
            raise SystemExit(0) from None
        except click.UsageError as exc:
            # An option missing its value is reported by click's parser without the command it belongs to.
            where = exc.ctx.command_path if exc.ctx else self._typed_command(list(args or sys.argv[1:]))
            fail(f"{exc.format_message().rstrip('.')}; see '{where} --help'", exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            if sys.stderr.isatty():  # close the terminal's ^C echo; a script reading stderr gets one line
                sys.stderr.write("\n")
            fail("stopped; nothing was changed")
        except OSError as exc:
            if exc.errno != errno.EPIPE:  # a closed pipe (`tenfold export | head`) is not an error
                raise
            # Point stdout at /dev/null so Python's final flush does not fail a second time.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(1) from None
        raise SystemExit(code if isinstance(code, int) else 0)


def _command_at(args: list[str]) -> int:
    """Where the command's name is in ``args``: after the group's own options (``--db`` takes a value)."""
    at = 0
    while at < len(args) and args[at].startswith("-"):
        at += 2 if args[at] == "--db" else 1
    return at


def _options_with_values(command: click.Command | None) -> set[str]:
    """Every option name, in ``command`` and its subcommands, that takes a value after it."""
    names: set[str] = set()
    if command is None:
        return names
    for param in command.params:
        if isinstance(param, click.Option) and not param.is_flag and not param.count:
            names.update(param.opts + param.secondary_opts)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            names |= _options_with_values(sub)
    return names


@click.group(
    "tenfold", cls=OneLineGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help=f"Data file to use (default: ${ENV_DB}, else the user data directory).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.version_option(__version__, prog_name="tenfold")
@click.pass_context
def cli(ctx: click.Context, db: str | None, quiet: bool) -> None:
    """Tenfold: a terminal coach for building passive income.

    Without a command, starts the full-screen app. Commands that only read
    (status, report, export, locate) work while the app is open.
    """
    if db is not None and not db.strip():  # "--db $FILE" with FILE unset: not a wish for the default file
        fail("--db: give the data file's name, e.g. --db ~/tenfold.json", BAD_INPUT)
    if ctx.invoked_subcommand == "locate":  # it shows where things are, a link to nothing included
        path, broken = located_path(db)
        ctx.obj = Context(path=path, quiet=quiet, broken_link=broken)
    else:
        ctx.obj = Context(path=data_path(db), quiet=quiet)
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj)
    else:
        # Paused for the app's start-up only (main). What start-up made (modules, classes) is
        # put with the oldest objects first, so the command's first collections do not walk it.
        gc.freeze()
        gc.unfreeze()
        gc.enable()


_KEPT: list[object] = []
_ENDS_PROCESS = False
"""Whether the command line runs as its own process (:func:`main`), not called by a test or a tool."""


def keep_until_exit(value: object) -> None:
    """Keep what a read-only command read until the process ends, and end it as soon as the output is out.

    A report on a big file holds every record it parsed; freeing them one by one as
    the command returns, then the interpreter's own teardown, took longer than drawing
    the report. A command that only reads and has printed everything has nothing left
    to do: :func:`main` flushes its output and ends the process, and the system frees
    the memory at once.
    """
    if _ENDS_PROCESS:
        _KEPT.append(value)


def _end_now(code: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (| head): as the command would have ended
        code = code or 1
    os._exit(code)


def main() -> None:
    """Run the command line (``tenfold.launch.main`` hands over every command line but the app's own)."""
    global _ENDS_PROCESS
    _ENDS_PROCESS = True
    gc.disable()  # as in tenfold.launch; the group's callback turns it back on for a command
    try:
        guarded(lambda: cli(standalone_mode=True))
    except SystemExit as done:
        traced = sys.getprofile() is not None or sys.gettrace() is not None  # a profiler writes its data at exit
        if _KEPT and not traced and (done.code is None or isinstance(done.code, int)):
            _end_now(done.code or 0)
        raise
    finally:
        # The command is done and the process ends: its exit would run a full collection,
        # walking every object the command kept (each payment of a big file: a quarter of
        # a second with a million) only to free what the end of the process frees anyway.
        gc.disable()


__all__ = ["COMMAND_MODULES", "cli", "keep_until_exit", "load_all_commands", "main", "run_app"]


def load_all_commands() -> None:
    """Import every command module (for tests and tools that walk ``cli.commands``)."""
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"tenfold.cli.{module}")
