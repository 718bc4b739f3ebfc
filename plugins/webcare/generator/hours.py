"""Business hours, closed days and SLA policies from the dbt seeds, and the arithmetic on them.

Plain Python after docs/metrics.md ("Business hours", "Business minutes", "SLA"), independent of
any SQL: the seeds (read from `webcare.config.SEEDS_DIR`, or another folder) are the only source of
schedules, local holidays and SLA targets; public holidays come from the `holidays` package for
whatever year is asked (national and autonomous community), as the definition says.
"""
import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from webcare import config

Interval = tuple[datetime, datetime]
MAX_SEARCH_DAYS = 3 * 366  # a schedule without any opening in three years is an error, not an endless walk


def read_seed(name: str, seeds_dir: Path | None = None) -> list[dict]:
    with (Path(seeds_dir or config.SEEDS_DIR) / f"{name}.csv").open(newline="", encoding="utf-8") as seed:
        return list(csv.DictReader(seed))


def clock(text: str) -> timedelta:
    """'08:30' (or '08:30:00', '24:00') as the time since local midnight."""
    parts = [int(p) for p in text.strip().split(":")]
    return timedelta(hours=parts[0], minutes=parts[1] if len(parts) > 1 else 0, seconds=parts[2] if len(parts) > 2 else 0)


@dataclass(frozen=True)
class Policy:
    valid_from: date
    target_minutes: int
    time_basis: str  # calendar | business


@lru_cache(maxsize=512)
def public_holidays(region_code: str, year: int) -> frozenset[date]:
    """The national and autonomous-community holidays of one region and year (`holidays` package)."""
    import holidays

    return frozenset(holidays.country_holidays("ES", subdiv=region_code, years=year))


class ClosedDays:
    """The closed days of one institution: its region's public holidays of any year, its local holidays."""

    def __init__(self, region_code: str | None, local: set[date] | None = None):
        self.region_code, self.local = region_code, set(local or ())

    def __contains__(self, day: date) -> bool:
        return day in self.local or (self.region_code is not None and day in public_holidays(self.region_code, day.year))

    def add(self, day: date) -> None:
        self.local.add(day)


class Seeds:
    """The seeds that define time: institutions (time zones), business hours, holidays, SLA policies."""

    def __init__(self, seeds_dir: Path | None = None):
        self.institutions = {row["institution_id"]: row for row in read_seed("institutions", seeds_dir)}
        self.closed = {i: ClosedDays(row["region_code"]) for i, row in self.institutions.items()}
        for row in read_seed("local_holidays", seeds_dir):
            self.closed.setdefault(row["institution_id"], ClosedDays(None)).add(date.fromisoformat(row["holiday_date"]))
        # schedules[institution][channel_id][valid_from][iso weekday] = [(opens, closes), ...]
        self.schedules: dict = {}
        for row in read_seed("business_hours", seeds_dir):
            versions = self.schedules.setdefault(row["institution_id"], {}).setdefault(row["channel_id"], {})
            days = versions.setdefault(date.fromisoformat(row["valid_from"]), {})
            opens, closes = clock(row["opens_at"]), clock(row["closes_at"])
            if closes <= opens:  # as the seed test closes_after_opens: an overnight shift is two rows
                raise ValueError(f"business_hours row closes at or before it opens: {row}")
            days.setdefault(int(row["iso_day_of_week"]), []).append((opens, closes))
        self.policies: dict = {}
        for row in read_seed("sla_policies", seeds_dir):
            key = (row["institution_id"], row["channel_id"], row["priority"])
            self.policies.setdefault(key, []).append(
                Policy(date.fromisoformat(row["valid_from"]), int(row["target_minutes"]), row["time_basis"]))
        for versions in self.policies.values():
            versions.sort(key=lambda p: p.valid_from)
        self._hours: dict = {}

    def zone(self, institution_id: str) -> ZoneInfo:
        return ZoneInfo(self.institutions[institution_id]["time_zone"])

    def hours(self, institution_id: str, channel: str) -> "Hours":
        key = (institution_id, channel)
        if key not in self._hours:
            self._hours[key] = Hours(self, institution_id, channel)
        return self._hours[key]

    def policy(self, institution_id: str, channel: str, local_date: date, priority: str = "normal") -> Policy | None:
        """The policy with the greatest valid_from <= local_date, None when there is none."""
        chosen = None
        for policy in self.policies.get((institution_id, channel, priority), ()):
            if policy.valid_from <= local_date:
                chosen = policy
        return chosen


@lru_cache(maxsize=4)
def load_seeds(seeds_dir: str | None = None) -> Seeds:
    return Seeds(Path(seeds_dir) if seeds_dir else None)


def latest_version(versions: dict, day: date) -> dict | None:
    starts = [start for start in versions if start <= day]
    return versions[max(starts)] if starts else None


class Hours:
    """Open intervals (UTC) of one institution and channel, per local date."""

    def __init__(self, seeds: Seeds, institution_id: str, channel: str):
        self.zone = seeds.zone(institution_id)
        self.closed = seeds.closed.get(institution_id, ClosedDays(None))
        schedules = seeds.schedules.get(institution_id, {})
        self.channel_versions = schedules.get(channel, {}) if channel != "all" else {}
        self.all_versions = schedules.get("all", {})
        starts = [*self.channel_versions, *self.all_versions]
        # before the first valid_from of the channel's or the `all` rows nothing is known
        self.schedule_start: date | None = min(starts) if starts else None
        self._days: dict[date, list[Interval]] = {}

    def has_schedule(self, day: date) -> bool:
        """Whether a schedule version covers the local date (docs/metrics.md: no schedule = unknown, not closed)."""
        return self.schedule_start is not None and day >= self.schedule_start

    def rows(self, day: date) -> list[tuple[timedelta, timedelta]]:
        """The schedule rows of `day`: the channel's rows if it has a version by then, else the `all` rows."""
        version = latest_version(self.channel_versions, day)
        if version is None:
            version = latest_version(self.all_versions, day)
        return sorted(version.get(day.isoweekday(), ())) if version else []

    def local(self, day: date, since_midnight: timedelta) -> datetime:
        """Local wall-clock time of `day` in UTC, with the zone's rules of that date."""
        moment = datetime.combine(day, time(), self.zone) + since_midnight  # wall-clock arithmetic
        return moment.astimezone(timezone.utc)

    def intervals(self, day: date) -> list[Interval]:
        """Open intervals [opens, closes) of a local date, in UTC; none on a closed day."""
        if day not in self._days:
            self._days[day] = [] if day in self.closed else [
                (self.local(day, opens), self.local(day, closes)) for opens, closes in self.rows(day)]
        return self._days[day]

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def is_open(self, moment: datetime) -> bool:
        return any(start <= moment < end for start, end in self.intervals(self.local_date(moment)))

    def business_minutes(self, a: datetime, b: datetime) -> float:
        """Minutes of [a, b) inside open intervals (a <= b)."""
        if b <= a:
            return 0.0
        total, day, last = timedelta(0), self.local_date(a) - timedelta(days=1), self.local_date(b)
        while day <= last:
            for start, end in self.intervals(day):
                overlap = min(end, b) - max(start, a)
                if overlap > timedelta(0):
                    total += overlap
            day += timedelta(days=1)
        return total / timedelta(minutes=1)

    def open_from(self, moment: datetime):
        """Open intervals clipped to start at `moment`, in time order, for up to MAX_SEARCH_DAYS days."""
        day = self.local_date(moment) - timedelta(days=1)
        for _ in range(MAX_SEARCH_DAYS):
            for start, end in self.intervals(day):
                if end > moment:
                    yield max(start, moment), end
            day += timedelta(days=1)

    def deadline(self, start: datetime, minutes: float) -> datetime:
        """The earliest instant at which the business minutes since `start` reach `minutes`."""
        remaining = timedelta(minutes=minutes)
        if remaining <= timedelta(0):
            return start
        for opens, closes in self.open_from(start):
            if remaining <= closes - opens:
                return opens + remaining
            remaining -= closes - opens
        raise ValueError(f"no business hours within {MAX_SEARCH_DAYS} days after {start}")

    def next_open(self, moment: datetime) -> datetime:
        """`moment` if open then, else the next opening."""
        for opens, _ in self.open_from(moment):
            return opens
        raise ValueError(f"no business hours within {MAX_SEARCH_DAYS} days after {moment}")
