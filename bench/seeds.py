"""The seed-article folder for the bench scripts that check the seeds (kept outside the repository)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def seeds_folder(description: str | None) -> Path:
    """``--seeds DIR`` or $DYADWATCH_SEEDS; exits with a message when it is not a folder."""
    options = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--seeds", default=os.environ.get("DYADWATCH_SEEDS"), help="folder of the seed articles")
    folder = options.parse_args().seeds
    if not folder or not Path(folder).is_dir():
        print("give --seeds DIR (the folder of seed articles) or set DYADWATCH_SEEDS", file=sys.stderr)
        sys.exit(2)
    return Path(folder)
