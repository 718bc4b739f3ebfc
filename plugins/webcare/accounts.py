"""What to extract: one target per institution account and source, from the institutions seed."""
from __future__ import annotations

import csv
import os

from webcare import config


def institutions() -> list[dict[str, str]]:
    """Rows of the institutions seed (the one list of institutions), optionally filtered by
    ``WEBCARE_INSTITUTIONS`` (comma-separated institution ids)."""
    with open(config.SEEDS_DIR / "institutions.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    wanted = os.environ.get("WEBCARE_INSTITUTIONS")
    if wanted:
        keep = {item.strip() for item in wanted.split(",") if item.strip()}
        rows = [row for row in rows if row["institution_id"] in keep]
    return rows


def extraction_targets() -> list[dict[str, str]]:
    targets = []
    for row in institutions():
        if row.get("x_user_id"):
            targets.append({"source": "x_mentions", "account_id": row["x_user_id"]})
            targets.append({"source": "x_tweets", "account_id": row["x_user_id"]})
        if row.get("google_location_id"):
            location = f"accounts/{row['google_account_id']}/locations/{row['google_location_id']}"
            targets.append({"source": "google_reviews", "account_id": location})
    return targets
