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


# Seed columns naming an institution's account on a channel (what export files may name).
ACCOUNT_COLUMNS = ("institution_id", "x_user_id", "x_username", "google_location_id", "facebook_page_id",
                   "instagram_user_id")


def institution_accounts() -> dict[str, str]:
    """Every identifier an institution is known by -> its institution id (as dbt's
    int_institution_accounts): its id, each channel account, the Google location's full name."""
    from webcare.sources import SOURCES

    known = {}
    for row in institutions():
        for column in ACCOUNT_COLUMNS:
            if row.get(column):
                known[row[column]] = row["institution_id"]
        location = SOURCES["google_reviews"].account(row)
        if location:
            known[location] = row["institution_id"]
    return known
