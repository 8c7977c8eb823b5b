"""docs/cli.md, the command-line reference: current with the parser, complete, the same on every machine."""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import dyadwatch.cli
from dyadwatch.cli import _parser

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    """scripts/cli_reference.py as a module: scripts/ is not a package, so it is loaded by path."""
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


reference = _script()


def _leaves(parser: argparse.ArgumentParser, prog: str = "dyadwatch") -> list[tuple[str, argparse.ArgumentParser]]:
    """The runnable commands, walked here rather than by the script, so a command it drops is noticed."""
    groups = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    if not groups:
        return [(prog, parser)]
    return [leaf for group in groups for name, sub in group.choices.items() for leaf in _leaves(sub, f"{prog} {name}")]


def _sections(text: str) -> dict[str, str]:
    return {part.split("\n", 1)[0]: part for part in text.split("\n## ")[1:]}


def _in_table(written: str, section: str) -> bool:
    """Whether an option string (or a positional's metavar) heads a row of the section's argument table:
    a whole word there, so "-o" is not found in "--output"."""
    cells = [line.split(" | ")[0] for line in section.splitlines() if line.startswith("| `")]
    return any(re.search(rf"(?<![\w-]){re.escape(written)}(?![\w-])", cell) for cell in cells)


def test_docs_cli_md_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == reference.render(), \
        "docs/cli.md is not what the parser gives: run `python scripts/cli_reference.py`"


def test_every_command_and_option_has_its_place():
    sections = _sections(reference.render())
    leaves = _leaves(_parser())
    assert len(leaves) >= 9 and "dyadwatch actors lookup" in dict(leaves)
    for prog, parser in [("dyadwatch", _parser()), *leaves]:
        assert prog in sections, f"no section for {prog}"
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            for written in action.option_strings or [str(action.metavar or action.dest)]:
                assert _in_table(written, sections[prog]), f"{prog}: {written} missing from its table"
        for line in (parser.epilog or "").splitlines()[1:]:
            assert line.strip() in sections[prog], f"{prog}: example {line.strip()!r} missing"


@pytest.mark.parametrize("cores", [1, 97])
def test_reference_is_the_same_whatever_the_core_count(monkeypatch, cores):
    monkeypatch.setattr(dyadwatch.cli, "default_workers", lambda: cores)
    parser = _parser()
    run = dict(_leaves(parser))["dyadwatch run"]
    assert next(action for action in run._actions if action.dest == "workers").default == cores  # the patch took
    text = reference.render(parser)
    assert text == (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "| `--workers N` | processes that parse and code (default: all cores) | all cores |" in text


def test_table_cells_escape_the_bar():
    parser = argparse.ArgumentParser(prog="dyadwatch")
    sub = parser.add_subparsers().add_parser("pick", help="one | other")
    sub.add_argument("--mode", choices=("a|b", "c"), default="a|b", metavar="MODE", help="either\nor | neither")
    section = _sections(reference.render(parser))["dyadwatch pick"]
    row = next(line for line in section.splitlines() if line.startswith("| `--mode"))
    assert row == "| `--mode MODE` | either or \\| neither (one of `a\\|b`, `c`) | `a\\|b` |"


def test_check_says_when_the_file_is_stale(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(reference, "ROOT", tmp_path)
    assert reference.main([]) == 0
    assert reference.main(["--check"]) == 0
    (tmp_path / "docs" / "cli.md").write_text("# edited by hand\n", encoding="utf-8")
    assert reference.main(["--check"]) == 1
    message = capsys.readouterr().err
    assert "docs/cli.md" in message and "python scripts/cli_reference.py" in message
