"""The accounts an import file names, resolved to institutions; registering unknown ones.

``AccountBook`` knows every identifier of every institution (the institutions seed and the
institutions registered from earlier imports, ``reference.registered_institutions``): institution
id, X user id and handle, Google location (id and full name), Facebook page id, Instagram user id.
Identifiers compare case-insensitively (X handles are case-insensitive; the ids are digits), and
resolve to the spelling the institution is registered with, which is what raw stores as the
record's ``account_id`` (dbt's int_institution_accounts joins on it exactly).

``register`` writes unknown accounts as institutions (``--register-accounts``): one row each, no
schedule and no SLA policy until the seeds give them (docs/file-imports.md#accounts-from-the-data).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from webcare import config, warehouse
from webcare.accounts import ACCOUNT_COLUMNS
from webcare.imports.errors import ImportFileError

# What --kind may be (the accepted values of stg_webcare__institutions.institution_kind)
INSTITUTION_KINDS = ("hospital", "clinic", "medical_centre", "other")
# The column a registered account is written to, by the file's channel
REGISTER_COLUMN = {"google": "google_location_id", "facebook": "facebook_page_id", "instagram": "instagram_user_id"}
INSTITUTION_COLUMNS = ("institution_id", "institution_name", "institution_kind", "time_zone", "region_code",
                       "x_user_id", "x_username", "google_account_id", "google_location_id", "facebook_page_id",
                       "instagram_user_id")


@dataclass(frozen=True)
class Known:
    """An identifier that names an institution: its registered spelling and the institution."""
    account: str
    institution_id: str
    time_zone: str


def seed_institutions() -> list[dict[str, str]]:
    """Every row of the institutions seed (unfiltered: an import may name any institution)."""
    with open(config.SEEDS_DIR / "institutions.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@warehouse.acting_as("loader")
def registered_institutions(url: str, cur=None) -> list[dict[str, str]]:
    """Rows of reference.registered_institutions (in ``cur``'s transaction when given)."""
    if cur is None:
        with warehouse.transaction(url) as conn, conn.cursor() as own:
            return registered_institutions(url, own)
    cur.execute(f"select {', '.join(INSTITUTION_COLUMNS)} from reference.registered_institutions "
                "order by registered_at, institution_id")
    return [dict(zip(INSTITUTION_COLUMNS, row)) for row in cur.fetchall()]


def google_location_name(row: dict) -> str | None:
    if row.get("google_account_id") and row.get("google_location_id"):
        return f"accounts/{row['google_account_id']}/locations/{row['google_location_id']}"
    return None


class AccountBook:
    """Identifier (any case) -> ``Known``. Seed rows first: a registered row never shadows them."""

    def __init__(self, institutions: list[dict], default_zone: str | None = None):
        self.default_zone = default_zone   # the zone of accounts not yet institutions (--time-zone)
        self.by_name: dict[str, Known] = {}
        self.institution_ids: set[str] = set()
        for row in institutions:
            if row["institution_id"] in self.institution_ids:
                continue  # a seed row wins over a registered row of the same id
            self.institution_ids.add(row["institution_id"])
            # the channel accounts first: a registered account's handle keeps its spelling even
            # though its institution id is the same handle lower-cased
            for column in (*ACCOUNT_COLUMNS[1:], ACCOUNT_COLUMNS[0]):
                self._add(row.get(column), row)
            self._add(google_location_name(row), row)

    def _add(self, name: str | None, row: dict) -> None:
        if name:
            self.by_name.setdefault(name.lower(), Known(name, row["institution_id"], row["time_zone"]))

    @classmethod
    def from_warehouse(cls, url: str, default_zone: str | None = None) -> "AccountBook":
        return cls(seed_institutions() + registered_institutions(url), default_zone)

    def resolve(self, name: str | None) -> Known | None:
        return self.by_name.get(name.lower()) if name else None

    def __contains__(self, name: str) -> bool:
        return self.resolve(name) is not None

    def zone(self, name: str | None) -> ZoneInfo | None:
        """The zone of the account's institution; for an unknown account the default (or None)."""
        known = self.resolve(name)
        zone = known.time_zone if known else self.default_zone
        return ZoneInfo(zone) if zone else None


def institution_id_for(account: str, taken: set[str]) -> str:
    """A registered account's institution id: the account lower-cased, ``_2``, ``_3``... if taken."""
    base = account.lower()
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


@warehouse.acting_as("loader")
def register(url: str, accounts: dict[str, str], time_zone: str, kind: str, file_name: str,
             run_id: str) -> dict[str, str]:
    """Register each unknown account (name -> the file's channel) as an institution; returns
    name -> institution id. An account registered meanwhile (any case) is reused."""
    if kind not in INSTITUTION_KINDS:
        raise ImportFileError(f"--kind must be one of {', '.join(INSTITUTION_KINDS)}, not {kind!r}")
    try:
        ZoneInfo(time_zone)
    except (ValueError, KeyError):
        raise ImportFileError(f"--time-zone {time_zone!r} is not an IANA time zone (e.g. Europe/Madrid, UTC)") from None
    for name, channel in accounts.items():
        if channel != "x" and channel not in REGISTER_COLUMN:
            raise ImportFileError(f"cannot register account {name!r} of channel {channel!r}: accounts of x, "
                                  f"{', '.join(REGISTER_COLUMN)} can be registered; add it to the institutions seed")
    registered: dict[str, str] = {}
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("lock table reference.registered_institutions in share row exclusive mode")
        book = AccountBook(seed_institutions() + registered_institutions(url, cur))
        taken = set(book.institution_ids)
        for name, channel in sorted(accounts.items()):
            known = book.resolve(name)
            if known:
                registered[name] = known.institution_id
                continue
            institution_id = institution_id_for(name, taken)
            taken.add(institution_id)
            column = REGISTER_COLUMN.get(channel) or ("x_user_id" if name.isdigit() else "x_username")
            cur.execute(f"""insert into reference.registered_institutions
                                (institution_id, institution_name, institution_kind, time_zone, {column},
                                 registered_from, registered_run_id)
                            values (%s, %s, %s, %s, %s, %s, %s)""",
                        (institution_id, name, kind, time_zone, name, file_name, run_id))
            registered[name] = institution_id
    return registered
