"""Where the customer's documents are: the coverage tests read them, the repository does not
hold them (they are the customer's text; ``knowledge/`` restates them in our own words).

Looked up in order: ``$SEEDS_DIR``; ``../shared/seeds`` beside this checkout; the same beside
the repository this checkout was cloned from (CI runs on a fresh clone elsewhere, e.g.
``/tmp/fresh``, whose ``origin`` is the working checkout).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _origin_checkout() -> Path | None:
    """The local directory this clone came from, if ``origin`` is a path on this machine."""
    try:
        url = subprocess.run(["git", "-C", str(REPO), "remote", "get-url", "origin"],
                             capture_output=True, text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    url = url.removeprefix("file://")
    path = Path(url)
    return path.resolve() if url and path.is_dir() else None


def candidates() -> list[Path]:
    """Every place the documents may be, most explicit first."""
    found = [Path(os.environ["SEEDS_DIR"])] if os.environ.get("SEEDS_DIR") else []
    found.append(REPO.parent / "shared" / "seeds")
    origin = _origin_checkout()
    if origin is not None:
        found.append(origin.parent / "shared" / "seeds")
    return found


def seeds_dir() -> Path:
    """The first candidate holding ``*.txt`` documents; a clear error naming all tried."""
    tried = candidates()
    for path in tried:
        if path.is_dir() and any(path.glob("*.txt")):
            return path
    raise FileNotFoundError("customer documents not found; set SEEDS_DIR. Tried: "
                            + ", ".join(str(p) for p in tried))


SEEDS = seeds_dir()
