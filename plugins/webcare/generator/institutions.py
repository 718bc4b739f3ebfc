"""The institutions seed of the dbt project, the only list of institutions."""
import csv

from webcare import config

SEED = config.SEEDS_DIR / "institutions.csv"


def load_institutions(count: int | None = None) -> list[dict]:
    """The first `count` rows of the seed (all rows when None)."""
    with SEED.open(newline="", encoding="utf-8") as seed:
        rows = list(csv.DictReader(seed))
    if count is None:
        return rows
    if not 1 <= count <= len(rows):
        raise ValueError(f"institutions must be between 1 and {len(rows)}, got {count}")
    return rows[:count]
