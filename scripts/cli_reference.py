"""Write docs/cli.md, the reference of every command and option, from dyadwatch's argparse parser.

    python scripts/cli_reference.py          # write docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 when docs/cli.md is not what the parser gives

The reference is built from the parser's actions, not from argparse's help text, so it is the same
whatever the terminal's width. The one default that depends on the machine (``run --workers``, the
number of cores) is written as "all cores", so the file is the same on every machine too.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = Path("docs") / "cli.md"
# Defaults computed on the machine the parser runs on, by command and dest: written as words instead.
MACHINE_DEFAULTS = {("dyadwatch run", "workers"): "all cores"}


@dataclass(frozen=True)
class Command:
    prog: str  # as typed: "dyadwatch actors lookup"
    parser: argparse.ArgumentParser
    help: str  # the one line its parent's command list gives it


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """A parser's subcommands as (name, help, parser), in the order they were added; aliases once."""
    found: list[tuple[str, str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            found += [(name, helps.get(name, ""), sub) for name, sub in action.choices.items() if name in helps]
    return found


def commands(parser: argparse.ArgumentParser, prog: str = "dyadwatch") -> list[Command]:
    """The runnable commands under a parser, depth first: a group (``actors``) has none of its own."""
    found: list[Command] = []
    for name, help_text, sub in _subcommands(parser):
        nested = commands(sub, f"{prog} {name}")
        found += nested or [Command(f"{prog} {name}", sub, help_text)]
    return found


def _metavar(action: argparse.Action) -> str:
    """What stands for an argument's value(s), shaped by nargs as argparse's usage shapes it."""
    if action.metavar is not None:
        name = str(action.metavar)
    elif action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        name = "{" + ",".join(str(choice) for choice in action.choices) + "}"
    else:
        name = action.dest.upper() if action.option_strings else action.dest
    nargs = action.nargs
    if nargs == 0:
        return ""
    shapes = {None: name, "?": f"[{name}]", "*": f"[{name} ...]", "+": f"{name} [{name} ...]",
              argparse.PARSER: f"{name} ...", argparse.REMAINDER: "..."}
    return shapes[nargs] if nargs in shapes else " ".join([name] * int(str(nargs)))


def _invocation(action: argparse.Action) -> str:
    """How an argument is written: ``-o, --output FILE`` or ``PATH [PATH ...]``."""
    value = _metavar(action)
    return " ".join(part for part in (", ".join(action.option_strings), value) if part)


def _usage(prog: str, parser: argparse.ArgumentParser) -> str:
    """The usage line, options first as argparse writes it, on one line whatever the terminal."""
    parts = []
    for action in sorted(parser._actions, key=lambda action: not action.option_strings):
        written = " ".join(part for part in (*action.option_strings[:1], _metavar(action)) if part)
        parts.append(written if action.required or not action.option_strings else f"[{written}]")
    return " ".join([prog, *parts])


def _default(prog: str, action: argparse.Action) -> str:
    if (prog, action.dest) in MACHINE_DEFAULTS:
        return MACHINE_DEFAULTS[(prog, action.dest)]
    value = action.default
    # a flag's False, an unset option's None and help's SUPPRESS are no default worth a cell
    if value is None or value is argparse.SUPPRESS or isinstance(value, bool) or action.nargs == 0:
        return ""
    return f"`{value:g}`" if isinstance(value, float) else f"`{value}`"


def _meaning(prog: str, action: argparse.Action) -> str:
    text = action.help or ""
    if "%" in text:  # argparse expands %(default)s and the like in help: so does the reference
        text = text % {**vars(action), "prog": prog}
    if (prog, action.dest) in MACHINE_DEFAULTS:  # "(default: all cores, here 8)": drop this machine's count
        text = re.sub(rf"[,;]? *here {re.escape(str(action.default))}\b", "", text)
    if action.choices is not None and action.metavar is not None:  # else the {a,b} metavar shows them
        text += f" (one of {', '.join(f'`{choice}`' for choice in action.choices)})"
    if action.required and action.option_strings:  # a positional is required unless usage brackets it
        text += " **required**"
    return text.strip()


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: a ``|`` would end the cell, a newline the row."""
    return " ".join(text.split()).replace("|", "\\|")


def _row(*cells: str) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _examples(epilog: str | None) -> list[str]:
    """The indented lines under "example:" in an epilog, as the user would type them."""
    lines = (epilog or "").splitlines()
    starts = [number for number, line in enumerate(lines) if line.strip().lower() in ("example:", "examples:")]
    if not starts:
        return []
    return [line.strip() for line in lines[starts[0] + 1:] if line.strip()]


def _anchor(prog: str) -> str:
    return "#" + prog.replace(" ", "-")  # GitHub's anchor for a heading of lower-case words


def section(prog: str, parser: argparse.ArgumentParser, listed: Sequence[Command] = ()) -> str:
    """One command's section: description, usage, arguments, the commands under it, its example."""
    out = [f"## {prog}", ""]
    if parser.description:
        out += [" ".join(parser.description.split()), ""]
    out += ["```", _usage(prog, parser), "```", ""]
    # positionals first, as --help lists them
    arguments = sorted((action for action in parser._actions if not isinstance(action, argparse._SubParsersAction)),
                       key=lambda action: bool(action.option_strings))
    if arguments:
        out += [_row("argument", "meaning", "default"), "| --- | --- | --- |"]
        out += [_row(f"`{_invocation(action)}`", _meaning(prog, action), _default(prog, action))
                for action in arguments]
        out.append("")
    if listed:
        out += [_row("command", "meaning"), "| --- | --- |"]
        out += [_row(f"[{command.prog}]({_anchor(command.prog)})", command.help) for command in listed]
        out.append("")
    if example := _examples(parser.epilog):
        out += ["Example:", "", "```sh", *example, "```", ""]
    return "\n".join(out)


def render(parser: argparse.ArgumentParser | None = None) -> str:
    """The whole of docs/cli.md for a parser (dyadwatch's own by default)."""
    parser = parser or _parser()
    listed = commands(parser)
    head = ["# dyadwatch command-line reference", "",
            "Generated by `python scripts/cli_reference.py` from the command-line parser (`dyadwatch.cli`): "
            "do not edit it by hand.", ""]
    parts = ["\n".join(head), section("dyadwatch", parser, listed)]
    parts += [section(command.prog, command.parser) for command in listed]
    return "\n".join(parts).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--check", action="store_true", help=f"exit 1 if {OUTPUT} is not what the parser gives")
    args = options.parse_args(argv)
    path = ROOT / OUTPUT
    text = render()
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            print(f"{OUTPUT} is not what the parser gives: run `python scripts/cli_reference.py`", file=sys.stderr)
            return 1
        print(f"{OUTPUT} is up to date")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
