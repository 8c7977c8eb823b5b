"""Whether a change kept the output: the same exports and analyses from this checkout and from REV.

    python bench/same_output.py --base REV [--seeds DIR] [--evaldata DIR]

Checks out REV in a temporary git worktree and runs, with the same Python and each tree's own
sources, the demo corpus (JSONL and CSV exports, the RUS-AZE analysis as JSON by year and quarter
and as a table) and, when given, the seed articles with the White House readouts of
``DIR/wh-readouts-dev`` (JSONL export, the USA-UKR analysis). Prints one line per output, "same" or
"differs", and exits 1 when any differs. For refactors that must not change behaviour (issue 16).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dyadwatch(src: Path, *args: str) -> str:
    """Run the command line of the sources in ``src``; its standard output."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-m", "dyadwatch.cli", *args], env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some input rejected, which both trees must then agree on
        sys.exit(f"dyadwatch {' '.join(args)} failed with {src}:\n{done.stderr}")
    return done.stdout


def _outputs(src: Path, out: Path, corpora: list[str]) -> list[str]:
    """Write every compared output of one tree under ``out``; their names."""
    db = str(out / "demo" / "dyadwatch.duckdb")
    _dyadwatch(src, "demo", "--dir", str(out / "demo"))
    names = ["demo.jsonl", "demo.csv", "analysis-year.json", "analysis-quarter.json", "analysis.txt"]
    _dyadwatch(src, "export", "--db", db, "--format", "jsonl", "-o", str(out / names[0]))
    _dyadwatch(src, "export", "--db", db, "--format", "csv", "-o", str(out / names[1]))
    for by, name in (("year", names[2]), ("quarter", names[3])):
        (out / name).write_text(_dyadwatch(src, "analyse", "--db", db, "--dyad", "RUS-AZE", "--by", by,
                                           "--format", "json"), encoding="utf-8")
    (out / names[4]).write_text(_dyadwatch(src, "analyse", "--db", db, "--dyad", "RUS-AZE"), encoding="utf-8")
    if corpora:
        other = str(out / "other.duckdb")
        _dyadwatch(src, "run", *corpora, "--db", other, "--workers", "2")
        _dyadwatch(src, "export", "--db", other, "--format", "jsonl", "-o", str(out / "other.jsonl"))
        (out / "other-analysis.json").write_text(
            _dyadwatch(src, "analyse", "--db", other, "--dyad", "USA-UKR", "--format", "json"), encoding="utf-8")
        names += ["other.jsonl", "other-analysis.json"]
    return names


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--base", required=True, help="the git revision to compare with, e.g. HEAD~3")
    options.add_argument("--seeds", help="folder of the seed articles (adds a second corpus)")
    options.add_argument("--evaldata", help="folder holding wh-readouts-dev/ (adds it to the second corpus)")
    args = options.parse_args()
    corpora = [p for p in (args.seeds, args.evaldata and str(Path(args.evaldata) / "wh-readouts-dev")) if p]
    with tempfile.TemporaryDirectory() as work:
        base = Path(work) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            names = _outputs(base / "src", Path(work) / "before", corpora)
            _outputs(ROOT / "src", Path(work) / "after", corpora)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
        differs = [n for n in names if not filecmp.cmp(Path(work) / "before" / n, Path(work) / "after" / n,
                                                         shallow=False)]
        for name in names:
            print(f"{name:<24} {'differs' if name in differs else 'same'}")
    print(f"{len(names) - len(differs)} of {len(names)} outputs the same as {args.base}")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
