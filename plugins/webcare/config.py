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


