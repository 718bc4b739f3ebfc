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
    """One target per institution and API source for which the institution has an account.

    ``WEBCARE_SOURCES`` (comma-separated source names) restricts the sources read.
    """
    from webcare.sources import SOURCES

    wanted = {item.strip() for item in os.environ.get("WEBCARE_SOURCES", "").split(",") if item.strip()}
    targets = []
    for row in institutions():
        for source in SOURCES.values():
            if source.fetch is None or (wanted and source.name not in wanted):
                continue
            account_id = source.account(row)
            if account_id:
                targets.append({"source": source.name, "account_id": account_id})
    return targets


# Seed columns naming an institution's account on a channel (what export files may name:
# webcare.imports.accounts.AccountBook).
ACCOUNT_COLUMNS = ("institution_id", "x_user_id", "x_username", "google_location_id", "facebook_page_id",
                   "instagram_user_id")
