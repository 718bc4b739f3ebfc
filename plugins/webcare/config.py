"""Where things live and how the project is configured (environment first, then defaults)."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("WEBCARE_PROJECT_ROOT") or Path(__file__).resolve().parents[2])
# WEBCARE_DBT_PROJECT_DIR: another copy of the dbt project (its own seeds), e.g. bench/scale.py's;
# read once at import, so set it before importing webcare modules (SEEDS_DIR follows it)
DBT_PROJECT_DIR = Path(os.environ.get("WEBCARE_DBT_PROJECT_DIR") or PROJECT_ROOT / "dbt_project")
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"

TRUE_WORDS = {"1", "true", "yes", "on", "y", "t"}
FALSE_WORDS = {"0", "false", "no", "off", "n", "f", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """Parse a boolean environment variable strictly ("False" is false, typos are errors)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{name}={raw!r} is not a boolean (use true/false)")


def home() -> Path:
    """Folder for everything the project writes (database files, batches, docs): ``var/``."""
    path = Path(os.environ.get("WEBCARE_HOME") or PROJECT_ROOT / "var")
    path.mkdir(parents=True, exist_ok=True)
    return path


def output_dir(*parts: str) -> Path:
    path = home().joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_private(path: Path, text: str, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write ``text`` to ``path`` readable by its owner only (0600) and atomically: a temporary file
    beside it, renamed over it, so a reader never sees half a file (issue 13: raw data and reports)."""
    import tempfile

    path = Path(path)
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # 0600
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline=newline) as out:
            out.write(text)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return path

