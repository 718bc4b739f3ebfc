"""The exact rows the response marts must hold, by docs/metrics.md, in plain Python.

`expected_marts(dataset_dir, as_of, seeds_dir=None)` reads messages_truth.jsonl and the seeds (the
project's, or another folder's) and returns interactions (one per visible inbound message, with
business minutes and its SLA event), its backlog interval, the daily backlog, and the daily / weekly /
monthly KPIs per institution and channel. A message whose local date no schedule covers (before the first valid_from
of its channel's or `all` rows) has no business minutes, and a business-basis SLA on it is
`no_schedule`: no breach instant, no elapsed minutes, neither achieved nor breached nor pending.

The backlog (docs/metrics.md#backlog): a message waits from its creation until the first of its first
response, its known deletion and its expiry, `max_age_days` exact 24-hour days after its creation (the
dbt var backlog_max_age_days, read from dbt_project.yml unless given), an expiry only once the as-of
instant has reached it. It is in the backlog at the end of a local day when created < end < closed.
An expired message is kept (close_reason "expired") and counted on its expiry's local day; a reply
after the expiry still answers it for the response KPIs.
"""
import csv
import json
import math
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import yaml

from webcare import config

from .hours import Seeds, load_seeds
from .times import google_time, parse_time
from .truth import channel_ids

PRIORITY = "normal"
INTERACTION_COLUMNS = ("channel", "institution_id", "native_id", "local_date", "is_answered", "first_response_at",
                       "has_clock_skew", "first_response_minutes", "first_response_business_minutes", "sla_target_minutes",
                       "sla_time_basis", "sla_breach_at", "sla_status", "sla_elapsed_minutes", "deleted_at", "is_deleted")
BACKLOG_COLUMNS = ("channel", "institution_id", "native_id", "date_day", "age_minutes", "is_past_sla")
INTERVAL_COLUMNS = ("channel", "institution_id", "native_id", "local_date", "opened_at", "closed_at", "close_reason",
                    "expires_at", "sla_breach_at")
KPI_COLUMNS = ("institution_id", "channel", "period_start", "inbound", "answered", "response_rate",
               "median_first_response_minutes", "p90_first_response_minutes", "median_first_response_business_minutes",
               "p90_first_response_business_minutes", "sla_measured", "sla_achieved", "pct_within_sla", "sla_pending",
               "sla_no_schedule", "backlog_end", "backlog_end_past_sla", "backlog_expired")
GRAINS = ("daily", "weekly", "monthly")
MINUTE = timedelta(minutes=1)


def percentile_cont(values: list[float], fraction: float) -> float | None:
    """PostgreSQL percentile_cont: linear interpolation at 0-based position (n - 1) * fraction of the sorted values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = math.ceil(position)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def local_midnight_after(seeds: Seeds, institution_id: str, day: date) -> datetime:
    """The UTC instant of the local midnight that ends `day` (23 or 25 hours after its start across DST)."""
    return datetime.combine(day + timedelta(days=1), time(), seeds.zone(institution_id)).astimezone(timezone.utc)


def interaction(seeds: Seeds, message: dict, as_of: datetime) -> tuple[dict, datetime]:
    """One interactions row (and the message's creation instant) as of `as_of`."""
    institution_id, channel = message["institution_id"], message["channel"]
    hours = seeds.hours(institution_id, channel)
    created = parse_time(message["created_at"])
    local_date = date.fromisoformat(message["local_date"])
    reply = parse_time(message["first_reply_at"]) if message.get("first_reply_at") else None
    if reply is not None and reply >= as_of:
        reply = None  # not known yet
    known_deleted = parse_time(message["deletion_known_at"]) if message.get("deletion_known_at") else None
    if known_deleted is not None and known_deleted > as_of:
        known_deleted = None  # not known yet
    skew = reply is not None and reply < created
    row = {"channel": channel, "institution_id": institution_id, "native_id": message.get("native_id", message["message_id"]),
           "local_date": local_date, "is_answered": reply is not None, "first_response_at": reply, "has_clock_skew": skew,
           "first_response_minutes": None, "first_response_business_minutes": None, "sla_target_minutes": None,
           "sla_time_basis": None, "sla_breach_at": None, "sla_status": None, "sla_elapsed_minutes": None,
           "deleted_at": known_deleted,
           "is_deleted": known_deleted is not None and (reply is None or reply > known_deleted)}
    if skew:
        return row, created
    known = hours.has_schedule(local_date)  # business time is unknown before any schedule
    if reply is not None:
        row["first_response_minutes"] = (reply - created) / MINUTE
        row["first_response_business_minutes"] = hours.business_minutes(created, reply) if known else None
    policy = seeds.policy(institution_id, channel, local_date, PRIORITY)
    if policy is None:
        return row, created
    business = policy.time_basis == "business"
    if business and not known:
        row |= {"sla_target_minutes": policy.target_minutes, "sla_time_basis": policy.time_basis,
                "sla_status": "deleted" if row["is_deleted"] else "no_schedule"}
        return row, created
    breach = hours.deadline(created, policy.target_minutes) if business else created + timedelta(minutes=policy.target_minutes)
    if reply is not None:
        status = "achieved" if reply <= breach else "breached"
    else:
        status = "breached" if as_of > breach else "pending"
    end = reply if reply is not None else as_of
    elapsed = hours.business_minutes(created, end) if business else (end - created) / MINUTE
    row |= {"sla_target_minutes": policy.target_minutes, "sla_time_basis": policy.time_basis, "sla_breach_at": breach,
            "sla_status": status, "sla_elapsed_minutes": elapsed}
    if row["is_deleted"]:  # deleted before an answer: no SLA outcome, nothing elapsing
        row |= {"sla_status": "deleted", "sla_elapsed_minutes": None}
    return row, created


def backlog_max_age_days(dbt_project_dir: str | Path | None = None) -> int:
    """The dbt var backlog_max_age_days of dbt_project.yml (the project's, or that folder's)."""
    path = Path(dbt_project_dir or config.DBT_PROJECT_DIR) / "dbt_project.yml"
    value = yaml.safe_load(path.read_text(encoding="utf-8"))["vars"]["backlog_max_age_days"]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"backlog_max_age_days must be a whole number of days >= 1, got {value!r}")
    return value


def backlog_interval(row: dict, created: datetime, as_of: datetime, max_age_days: int) -> dict:
    """When the message left the backlog and why, as known at `as_of`: the first of its first response (its
    creation if the response is stamped before it), its known deletion and its expiry once `as_of` has reached
    it; on a tie the answer, then the deletion. closed_at / close_reason None while it is still waiting."""
    expires = created + timedelta(days=max_age_days)   # aware UTC arithmetic: exact 24-hour days
    candidates = []
    if row["first_response_at"] is not None:
        candidates.append((max(row["first_response_at"], created), 0, "answered"))
    if row["deleted_at"] is not None:
        candidates.append((row["deleted_at"], 1, "deleted"))
    if expires <= as_of:
        candidates.append((expires, 2, "expired"))
    closed, _, reason = min(candidates) if candidates else (None, None, None)
    return {"channel": row["channel"], "institution_id": row["institution_id"], "native_id": row["native_id"],
            "local_date": row["local_date"], "opened_at": created, "closed_at": closed, "close_reason": reason,
            "expires_at": expires, "sla_breach_at": row["sla_breach_at"]}


def backlog_rows(seeds: Seeds, interval: dict, as_of: datetime, as_of_day: date) -> list[dict]:
    """The message's rows of the daily backlog: each local day at whose end (local midnight, or the as-of
    instant on the as-of day) it was waiting: opened < end < closed (closed None: still waiting)."""
    rows, day, created, closed = [], interval["local_date"], interval["opened_at"], interval["closed_at"]
    breach = interval["sla_breach_at"]
    while day <= as_of_day:
        end = min(local_midnight_after(seeds, interval["institution_id"], day), as_of)
        if closed is not None and end >= closed:
            break   # once out of the backlog it never comes back
        if created < end:
            rows.append({"channel": interval["channel"], "institution_id": interval["institution_id"],
                         "native_id": interval["native_id"], "date_day": day, "age_minutes": (end - created) / MINUTE,
                         "is_past_sla": breach is not None and breach < end})
        day += timedelta(days=1)
    return rows


def period_start(grain: str, day: date) -> date:
    if grain == "weekly":
        return day - timedelta(days=day.weekday())
    if grain == "monthly":
        return day.replace(day=1)
    return day


def period_last_day(grain: str, start: date) -> date:
    if grain == "weekly":
        return start + timedelta(days=6)
    if grain == "monthly":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return start


def kpi_rows(grain: str, institutions: list[str], interactions: list[dict], backlog_end: Counter, backlog_past: Counter,
             as_of_days: dict[str, date], first: date, last: date, expired_days: Counter | None = None) -> list[dict]:
    """`expired_days`: messages that expired, per (institution, channel, local day of the expiry)."""
    expired_days = expired_days or Counter()
    starts, day = [], first
    while day <= last:
        start = period_start(grain, day)
        if not starts or starts[-1] != start:
            starts.append(start)
        day += timedelta(days=1)
    groups: dict = {}
    for row in interactions:
        groups.setdefault((row["institution_id"], row["channel"], period_start(grain, row["local_date"])), []).append(row)
    out = []
    for institution_id in sorted(institutions):
        for channel in channel_ids():
            for start in starts:
                rows = groups.get((institution_id, channel, start), [])
                answered = [r for r in rows if r["is_answered"]]
                timed = [r for r in answered if not r["has_clock_skew"]]
                minutes = [r["first_response_minutes"] for r in timed]
                business = [r["first_response_business_minutes"] for r in timed
                            if r["first_response_business_minutes"] is not None]  # unknown without a schedule
                measured = [r for r in rows if r["sla_status"] in ("achieved", "breached")]
                achieved = sum(r["sla_status"] == "achieved" for r in measured)
                chosen = period_last_day(grain, start)
                as_of_day = as_of_days.get(institution_id)
                if as_of_day is not None and start <= as_of_day <= chosen:
                    chosen = as_of_day
                out.append({"institution_id": institution_id, "channel": channel, "period_start": start,
                            "inbound": len(rows), "answered": len(answered),
                            "response_rate": len(answered) / len(rows) if rows else None,
                            "median_first_response_minutes": percentile_cont(minutes, 0.5),
                            "p90_first_response_minutes": percentile_cont(minutes, 0.9),
                            "median_first_response_business_minutes": percentile_cont(business, 0.5),
                            "p90_first_response_business_minutes": percentile_cont(business, 0.9),
                            "sla_measured": len(measured), "sla_achieved": achieved,
                            "pct_within_sla": achieved / len(measured) if measured else None,
                            "sla_pending": sum(r["sla_status"] == "pending" for r in rows),
                            "sla_no_schedule": sum(r["sla_status"] == "no_schedule" for r in rows),
                            "backlog_end": backlog_end[institution_id, channel, chosen],
                            "backlog_end_past_sla": backlog_past[institution_id, channel, chosen],
                            "backlog_expired": sum(expired_days[institution_id, channel, start + timedelta(days=n)]
                                                   for n in range((period_last_day(grain, start) - start).days + 1))})
    return out


def expected_marts(dataset_dir: str | Path, as_of: datetime, seeds_dir: str | Path | None = None,
                   max_age_days: int | None = None) -> dict[str, list[dict]]:
    """Rows of the response marts as of `as_of` (aware): keys interactions, backlog_intervals, backlog_daily,
    backlog_days (mart_backlog_daily), kpis_daily, kpis_weekly, kpis_monthly. Timestamps are aware UTC
    datetimes, dates `date`s, floats unrounded, nulls None. `seeds_dir`: read the seeds from that folder (read afresh, not cached) instead of the project's.
    `max_age_days`: the backlog's maximum age (default: the dbt var backlog_max_age_days)."""
    max_age_days = backlog_max_age_days() if max_age_days is None else max_age_days
    dataset = Path(dataset_dir)
    institutions = json.loads((dataset / "manifest.json").read_text(encoding="utf-8"))["institutions"]
    seeds = Seeds(Path(seeds_dir)) if seeds_dir else load_seeds()
    with (dataset / "messages_truth.jsonl").open(encoding="utf-8") as lines:
        visible = [m for m in map(json.loads, lines) if parse_time(m["created_at"]) < as_of]
    as_of_days = {i: as_of.astimezone(seeds.zone(i)).date() for i in institutions}
    interactions, intervals, backlog = [], [], []
    for message in sorted(visible, key=lambda m: (m["institution_id"], m["channel"], parse_time(m["created_at"]),
                                                  m.get("native_id", m["message_id"]))):
        row, created = interaction(seeds, message, as_of)
        interactions.append(row)
        intervals.append(backlog_interval(row, created, as_of, max_age_days))
        backlog += backlog_rows(seeds, intervals[-1], as_of, as_of.astimezone(seeds.zone(row["institution_id"])).date())
    backlog.sort(key=lambda r: (r["institution_id"], r["channel"], r["date_day"], r["native_id"]))
    marts = {"interactions": interactions, "backlog_intervals": intervals, "backlog_daily": backlog}
    if not interactions:
        return marts | {f"kpis_{grain}": [] for grain in GRAINS} | {"backlog_days": []}
    ends, past = Counter(), Counter()
    for row in backlog:
        key = (row["institution_id"], row["channel"], row["date_day"])
        ends[key] += 1
        past[key] += row["is_past_sla"]
    expired = Counter((r["institution_id"], r["channel"], r["closed_at"].astimezone(seeds.zone(r["institution_id"])).date())
                      for r in intervals if r["close_reason"] == "expired")
    # the reporting days reach the last expiry too: an expiry after the last message day is still counted
    first = min(r["local_date"] for r in interactions)
    last = max([r["local_date"] for r in interactions] + [day for (_, _, day) in expired])
    for grain in GRAINS:
        marts[f"kpis_{grain}"] = kpi_rows(grain, institutions, interactions, ends, past, as_of_days, first, last, expired)
    marts["backlog_days"] = backlog_day_rows(institutions, ends, past, as_of_days, first)
    return marts


def backlog_day_rows(institutions: list[str], ends: Counter, past: Counter, as_of_days: dict[str, date],
                     first: date) -> list[dict]:
    """The backlog at the end of each local day (mart_backlog_daily), per institution and channel, from
    the first reporting day to the institution's as-of day: the messages of the daily snapshots."""
    rows = []
    for institution_id in sorted(institutions):
        for channel in channel_ids():
            day = first
            while day <= as_of_days[institution_id]:
                rows.append({"institution_id": institution_id, "channel": channel, "date_day": day,
                             "backlog_end": ends[institution_id, channel, day],
                             "backlog_end_past_sla": past[institution_id, channel, day]})
                day += timedelta(days=1)
    return rows


def plain(value):
    """A JSON / CSV friendly value: timestamps as RFC 3339 UTC with microseconds, dates ISO."""
    if isinstance(value, datetime):
        return google_time(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_marts(out: Path, marts: dict[str, list[dict]]) -> None:
    """truth_interactions.jsonl, truth_backlog_intervals.jsonl, truth_backlog_daily.jsonl and
    truth_kpis_{daily,weekly,monthly}.csv."""
    for name, columns in (("interactions", INTERACTION_COLUMNS), ("backlog_intervals", INTERVAL_COLUMNS),
                          ("backlog_daily", BACKLOG_COLUMNS)):
        with (out / f"truth_{name}.jsonl").open("w", encoding="utf-8", newline="\n") as lines:
            for row in marts[name]:
                lines.write(json.dumps({c: plain(row[c]) for c in columns}, ensure_ascii=False, separators=(",", ":")) + "\n")
    for grain in GRAINS:
        with (out / f"truth_kpis_{grain}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(KPI_COLUMNS)
            for row in marts[f"kpis_{grain}"]:
                writer.writerow("" if row[c] is None else repr(row[c]) if isinstance(row[c], float) else plain(row[c])
                                for c in KPI_COLUMNS)
