"""The data of the scale harness (bench/scale.py): N institutions with their seeds, and D days of
their traffic written straight into raw, in the APIs' own shapes, plus the fake APIs' dataset.

Nothing here times anything; bench/scale.py does. Imported only after bench/scale.py has set
``WEBCARE_DBT_PROJECT_DIR`` (webcare.config reads it once), except the functions that write the
seeds, which use no webcare module.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

# -- institutions and their seeds -------------------------------------------------------------------------------
# (region code of the `holidays` package, time zone, towns); the Canaries second so that a small N has both zones
REGIONS = [
    ("MD", "Europe/Madrid", ("Madrid", "Alcalá", "Getafe", "Móstoles", "Leganés", "Fuenlabrada")),
    ("CN", "Atlantic/Canary", ("Las Palmas", "Santa Cruz", "La Laguna", "Arrecife", "Telde")),
    ("CT", "Europe/Madrid", ("Barcelona", "Girona", "Lleida", "Tarragona", "Sabadell", "Reus")),
    ("AN", "Europe/Madrid", ("Sevilla", "Málaga", "Córdoba", "Granada", "Almería", "Huelva", "Jaén", "Cádiz")),
    ("VC", "Europe/Madrid", ("València", "Alicante", "Castelló", "Elche", "Gandia")),
    ("GA", "Europe/Madrid", ("Vigo", "A Coruña", "Santiago", "Lugo", "Ourense")),
    ("CL", "Europe/Madrid", ("Valladolid", "León", "Burgos", "Salamanca", "Zamora")),
    ("PV", "Europe/Madrid", ("Bilbao", "Donostia", "Vitoria", "Barakaldo")),
    ("AR", "Europe/Madrid", ("Zaragoza", "Huesca", "Teruel")),
    ("AS", "Europe/Madrid", ("Oviedo", "Gijón", "Avilés")),
    ("MC", "Europe/Madrid", ("Murcia", "Cartagena", "Lorca")),
    ("CM", "Europe/Madrid", ("Toledo", "Albacete", "Ciudad Real")),
    ("EX", "Europe/Madrid", ("Badajoz", "Cáceres", "Mérida")),
    ("IB", "Europe/Madrid", ("Palma", "Eivissa", "Maó")),
    ("NC", "Europe/Madrid", ("Pamplona", "Tudela")),
    ("CB", "Europe/Madrid", ("Santander", "Torrelavega")),
    ("RI", "Europe/Madrid", ("Logroño",)),
    ("CE", "Europe/Madrid", ("Ceuta",)),
    ("ML", "Europe/Madrid", ("Melilla",)),
]
KINDS = ("hospital", "clinic", "medical_centre", "hospital", "clinic")  # 40 % hospitals
KIND_NAMES = {"hospital": ("Hospital", "Hosp"), "clinic": ("Clínica", "Clin"), "medical_centre": ("Centro Médico", "CM")}
INSTITUTION_COLUMNS = ("institution_id", "institution_name", "institution_kind", "time_zone", "region_code",
                       "x_user_id", "x_username", "google_account_id", "google_location_id", "facebook_page_id",
                       "instagram_user_id")
NO_SCHEDULE = 3          # the institution without business hours (docs/metrics.md "No schedule")
SCHEDULES_FROM = date(2000, 1, 1)
CHANNELS = ("x", "google", "facebook", "instagram")


def ascii_word(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def make_institutions(count: int) -> list[dict]:
    """``count`` institutions, deterministic: ids ``s001``..., names, kinds, regions and zones, and an
    account on every channel with ids in the shapes of the real seed's."""
    rows, used = [], set()
    for i in range(1, count + 1):
        region, zone, towns = REGIONS[(i - 1) % len(REGIONS)]
        town = towns[((i - 1) // len(REGIONS)) % len(towns)]
        kind = KINDS[(i - 1) % len(KINDS)]
        prefix, short = KIND_NAMES[kind]
        name = f"{prefix} {town}"
        if name in used:
            name = f"{name} {i}"
        used.add(name)
        rows.append({
            "institution_id": f"s{i:03d}", "institution_name": name, "institution_kind": kind, "time_zone": zone,
            "region_code": region, "x_user_id": f"148{i:016d}", "x_username": f"{short}{ascii_word(town)[:8]}{i:03d}",
            "google_account_id": f"104117{i:012d}", "google_location_id": f"512{i:016d}",
            "facebook_page_id": f"100{i:03d}55{i:07d}", "instagram_user_id": f"178414{i:011d}"})
    return rows


def week(opens: str, closes: str, days=range(1, 6)) -> list[tuple[int, str, str]]:
    return [(d, opens, closes) for d in days]


def schedule_rows(institution: dict, index: int, run_day: date, for_generation: bool) -> list[tuple]:
    """business_hours rows: some 24/7, some office hours or split shifts, a channel of its own, a new
    version shortly before the run day; institution NO_SCHEDULE has none (the generator, which needs
    opening hours to place replies, gets office hours for it)."""
    iid, kind = institution["institution_id"], institution["institution_kind"]
    if index == NO_SCHEDULE and not for_generation:
        return []
    rows = []
    if index == NO_SCHEDULE:
        days = week("08:00", "15:00")
    elif kind == "hospital" and index % 2 == 1:
        days = week("00:00", "24:00", range(1, 8))                         # open 24/7
    elif kind == "hospital":
        days = week("08:00", "20:00")
        rows += [(iid, "x", SCHEDULES_FROM, d, o, c)                       # the X team works evenings, weekends
                 for d, o, c in week("08:00", "22:00") + week("10:00", "14:00", (6, 7))]
    elif kind == "clinic":
        days = week("09:00", "14:00") + week("16:00", "19:00", range(1, 5))  # split shift, Friday mornings
    else:
        days = week("08:00", "15:00") + [(6, "09:00", "13:00")]
    rows += [(iid, "all", SCHEDULES_FROM, d, o, c) for d, o, c in days]
    if index % 10 == 4:  # longer hours from a few weeks before the run day: a second version
        rows += [(iid, "all", run_day - timedelta(days=20), d, "08:00", "20:00") for d in range(1, 6)]
    return rows


def sla_rows(institution: dict, index: int, run_day: date) -> list[tuple]:
    iid, busy = institution["institution_id"], institution["institution_kind"] == "hospital"
    rows = [
        (iid, "x", "normal", SCHEDULES_FROM, 120 if busy else 240, "calendar" if index % 7 == 0 else "business"),
        (iid, "google", "normal", SCHEDULES_FROM, 600 if index % 4 == 0 else 2880,
         "business" if index % 4 == 0 else "calendar"),
        (iid, "facebook", "normal", SCHEDULES_FROM, 240 if index % 6 == 0 else (180 if busy else 480),
         "calendar" if index % 6 == 0 else "business"),
        (iid, "instagram", "normal", SCHEDULES_FROM, 1440 if index % 3 == 0 else 480,
         "calendar" if index % 3 == 0 else "business"),
    ]
    if index % 5 == 1:  # a tighter X target from ten days before the run day
        rows.append((iid, "x", "normal", run_day - timedelta(days=10), 60, "business"))
    return rows


def holiday_rows(institution: dict, index: int, first_year: int, last_year: int) -> list[tuple]:
    """A local fiesta every year for one institution in seven."""
    if index % 7 != 1:
        return []
    month, day = 5 + index % 5, 10 + index % 15
    return [(institution["institution_id"], date(year, month, day), f"Fiesta local de {institution['institution_name']}")
            for year in range(first_year, last_year + 1)]


def write_seeds(folder: Path, institutions: list[dict], run_day: date, first_year: int, for_generation: bool,
                real_seeds: Path) -> Path:
    """The seed CSVs of the harness's institutions (channels and the taxonomy copied from the real seeds)."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, header, rows) -> None:
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)

    write("institutions", INSTITUTION_COLUMNS, [[row[c] for c in INSTITUTION_COLUMNS] for row in institutions])
    write("business_hours", ("institution_id", "channel_id", "valid_from", "iso_day_of_week", "opens_at", "closes_at"),
          [r for i, row in enumerate(institutions, 1) for r in schedule_rows(row, i, run_day, for_generation)])
    write("sla_policies", ("institution_id", "channel_id", "priority", "valid_from", "target_minutes", "time_basis"),
          [r for i, row in enumerate(institutions, 1) for r in sla_rows(row, i, run_day)])
    write("local_holidays", ("institution_id", "holiday_date", "holiday_name"),
          [r for i, row in enumerate(institutions, 1) for r in holiday_rows(row, i, first_year, run_day.year + 1)])
    for name in ("channels.csv", "complaint_taxonomy.csv", "_seeds.yml"):
        (folder / name).write_bytes((real_seeds / name).read_bytes())
    return folder


# -- traffic -----------------------------------------------------------------------------------------------------
def utc(day: date) -> datetime:
    return datetime.combine(day, time(), timezone.utc)


def batch_day(moment: datetime) -> date:
    """The day of the daily run that first reads a record visible from ``moment``: the run of day d reads up to
    its cutoff d + 1 (a record at a midnight exactly belongs to the day before)."""
    return (moment - timedelta(microseconds=1)).date()


@dataclass
class Chunk:
    """One chunk of generated traffic, as raw records (source, account, record, created, batch day) and as
    the fake APIs' data."""
    records: list = field(default_factory=list)
    x_lines: list = field(default_factory=list)
    google_lines: list = field(default_factory=list)
    graph: dict = field(default_factory=lambda: {"pages": {}, "ig_users": {}})


def project(item: dict, fields: str) -> dict:
    """What the fake Graph API returns for ``fields`` (in the asked order: webcare.fakes.graph_api.GraphApi.page)."""
    return {f: item[f] for f in fields.split(",") if f in item}


def generate_chunk(seed: int, institutions: list[dict], window: tuple[datetime, datetime]) -> Chunk:
    """The generator's traffic of one window (x_traffic, google_traffic, graph_traffic), seeded by the window."""
    from webcare.generator.google_traffic import google_traffic
    from webcare.generator.graph_traffic import graph_traffic
    from webcare.generator.times import parse_time
    from webcare.generator.x_traffic import x_traffic
    from webcare.sources.facebook import COMMENT_FIELDS, RATING_FIELDS, parse_graph_time
    from webcare.sources.instagram import IG_COMMENT_FIELDS

    chunk_seed = f"{seed}:{window[0].date().isoformat()}"
    chunk = Chunk()
    x_accounts = {row["x_user_id"] for row in institutions}
    lines, _ = x_traffic(chunk_seed, institutions, window)
    for line in lines:
        tweet = line["tweet"]
        created = parse_time(tweet["created_at"])
        for user_id in line["mentions_user_ids"]:
            if user_id in x_accounts:
                chunk.records.append(("x_mentions", user_id, tweet, created, batch_day(created)))
        if tweet["author_id"] in x_accounts:
            chunk.records.append(("x_tweets", tweet["author_id"], tweet, created, batch_day(created)))
        chunk.x_lines.append((created, line))
    locations = {f"accounts/{r['google_account_id']}/locations/{r['google_location_id']}" for r in institutions}
    versions = google_traffic(chunk_seed, institutions, window)
    last = {}  # (review, batch day) -> the version a daily run loads: the latest visible at its cutoff
    for line in versions:
        assert line["location"] in locations
        visible = parse_time(line["visible_from"])
        last[line["review"]["name"], batch_day(visible)] = (line, visible)
        chunk.google_lines.append(line)
    for (_, day), (line, visible) in last.items():
        chunk.records.append(("google_reviews", line["location"], line["review"], visible, day))
    graph = graph_traffic(chunk_seed, institutions, window, lead=timedelta(0))
    chunk.graph = graph
    for page_id, page in graph["pages"].items():
        for post_id, comments in page["comments"].items():
            for comment in comments:
                created = parse_graph_time(comment["created_time"])
                chunk.records.append(("facebook_comments", page_id, {**project(comment, COMMENT_FIELDS), "post_id": post_id},
                                      created, batch_day(created)))
        for rating in page["ratings"]:
            created = parse_graph_time(rating["created_time"])
            chunk.records.append(("facebook_ratings", page_id, {**project(rating, RATING_FIELDS), "page_id": page_id},
                                  created, batch_day(created)))
    for user_id, user in graph["ig_users"].items():
        media_of = {}
        for media_id, comments in user["comments"].items():
            for comment in comments:
                media_of[comment["id"]] = media_id
                created = parse_graph_time(comment["timestamp"])
                chunk.records.append(("instagram_comments", user_id, {**project(comment, IG_COMMENT_FIELDS),
                                                                      "media_id": media_id}, created, batch_day(created)))
        for comment_id, replies in user["replies"].items():
            for reply in replies:
                created = parse_graph_time(reply["timestamp"])
                chunk.records.append(("instagram_comments", user_id, {**project(reply, IG_COMMENT_FIELDS),
                                                                      "media_id": media_of[comment_id]},
                                      created, batch_day(created)))
    return chunk


def merge_graph(into: dict, graph: dict) -> None:
    """Add one chunk's Graph data to the fake's (posts, comments, ratings; media, comments, replies)."""
    for page_id, page in graph["pages"].items():
        mine = into["pages"].setdefault(page_id, {"name": page["name"], "posts": [], "comments": {}, "ratings": []})
        mine["posts"] += page["posts"]
        mine["comments"].update(page["comments"])
        mine["ratings"] += page["ratings"]
    for user_id, user in graph["ig_users"].items():
        mine = into["ig_users"].setdefault(user_id, {"username": user["username"], "page_id": user["page_id"],
                                                     "media": [], "comments": {}, "replies": {}})
        mine["media"] += user["media"]
        mine["comments"].update(user["comments"])
        mine["replies"].update(user["replies"])


# -- raw ---------------------------------------------------------------------------------------------------------
RUN_DELAY = timedelta(minutes=20)  # a history day's run extracted 20 minutes after its cutoff (as the tests' runs)


def history_run_id(day: date) -> str:
    return f"scheduled__{utc(day + timedelta(days=1)).isoformat()}"


class RawWriter:
    """Writes history records into raw.<table> with COPY, exactly as webcare.load would have (record key and
    sha256 from load.split_records: the loader's own validation, canonical JSON and hash), and keeps the
    loader's ledger per (source, account, day) for raw.load_batches."""

    def __init__(self, url: str):
        self.url = url
        self.inserted: dict[tuple[str, str, date], int] = defaultdict(int)
        self.received: dict[tuple[str, str, date], int] = defaultdict(int)
        self.rows_by_source: dict[str, int] = defaultdict(int)
        self.newest_google: dict[str, str] = {}
        self.newest_rating: dict[str, datetime] = {}  # what a daily run leaves as the ratings' cursor
        self.total = 0

    def write(self, records: list) -> int:
        """COPY one chunk's history records (tuples of generate_chunk); returns rows written."""
        import psycopg2

        from webcare import warehouse
        from webcare.load import Splitter
        from webcare.sources import SOURCES
        from webcare.sources.facebook import parse_graph_time

        groups: dict[tuple[str, str, date], list] = defaultdict(list)
        for source, account, record, _, day in records:
            groups[source, account, day].append(record)
        written = 0
        buffers: dict[str, io.StringIO] = defaultdict(io.StringIO)
        writers = {}
        months: dict[str, set] = defaultdict(set)
        for (source, account, day), batch in sorted(groups.items()):
            valid, rejected = Splitter(source).add(batch)  # the loader's own: key, canonical JSON, sha, partition
            if rejected:
                raise ValueError(f"the generator wrote a record the loader rejects: {rejected[0][2]}")
            run_id, extracted = history_run_id(day), (utc(day + timedelta(days=1)) + RUN_DELAY).isoformat()
            table = SOURCES[source].table
            writer = writers.setdefault(table, csv.writer(buffers[table]))
            for key, text, digest, month in valid:  # a version written twice would break raw's unique key: COPY fails
                # loaded when the daily run that read it ran (incremental staging and annotation go by it)
                writer.writerow((key, account, text, digest, run_id, day.isoformat(), extracted, extracted,
                                 month.isoformat()))
                months[table].add(month)
                self.inserted[source, account, day] += 1
                written += 1
            self.received[source, account, day] += len(batch)
            self.rows_by_source[source] += len(valid)
        for source, account, record, _, _ in records:
            if source == "google_reviews":
                self.newest_google[account] = max(self.newest_google.get(account, ""), record["updateTime"])
            elif source == "facebook_ratings" and record.get("created_time"):
                created = parse_graph_time(record["created_time"])
                self.newest_rating[account] = max(self.newest_rating.get(account, created), created)
        with psycopg2.connect(self.url) as conn, conn.cursor() as cur:
            for table, buffer in buffers.items():
                warehouse.ensure_partitions(cur, table, months[table])  # raw is partitioned by creation month
                buffer.seek(0)
                cur.copy_expert(f"copy raw.{table} (record_key, account_id, payload, payload_sha256, run_id,"
                                f" batch_date, extracted_at, loaded_at, created_month) from stdin with (format csv)", buffer)
        conn.close()
        self.total += written
        return written

    def write_ledger(self, targets: list[dict], first_day: date, last_day: date) -> int:
        """raw.load_batches: one row per history day and extraction target (as a daily run writes, empty batches
        too), and raw.extract_cursors where the last history day's run left them."""
        import psycopg2

        from webcare.timestamps import to_rfc3339

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        day, rows = first_day, 0
        previous: str | None = None
        while day <= last_day:
            cutoff = utc(day + timedelta(days=1))
            for target in targets:
                key = (target["source"], target["account_id"], day)
                inserted = self.inserted.get(key, 0)
                writer.writerow((history_run_id(day), target["source"], target["account_id"], day.isoformat(),
                                 (cutoff + RUN_DELAY).isoformat(), self.received.get(key, 0), inserted, 0, 0,
                                 previous or "", to_rfc3339(cutoff), cutoff.isoformat(),
                                 self.received.get(key, 0) - inserted))
                rows += 1
            previous = to_rfc3339(cutoff)
            day += timedelta(days=1)
        end = to_rfc3339(utc(last_day + timedelta(days=1)))
        cursors = []
        for target in targets:
            value = end
            if target["source"] == "google_reviews":
                value = self.newest_google.get(target["account_id"])
                value = to_rfc3339(datetime.fromisoformat(value.replace("Z", "+00:00"))) if value else None
            elif target["source"] == "facebook_ratings":
                # the newest rating seen, as a daily run leaves it: without one the measured run would be
                # a first run and read every rating (the daily run reads the last 90 days)
                newest = self.newest_rating.get(target["account_id"])
                value = to_rfc3339(newest) if newest else None
            if value:
                cursors.append((target["source"], target["account_id"], value, history_run_id(last_day)))
        with psycopg2.connect(self.url) as conn, conn.cursor() as cur:
            buffer.seek(0)
            cur.copy_expert("copy raw.load_batches (run_id, source, account_id, batch_date, extracted_at,"
                            " records_received, records_inserted, records_seen_before, records_quarantined,"
                            " cursor_before, cursor_after, cutoff, records_duplicated)"
                            " from stdin with (format csv, null '')", buffer)
            from psycopg2.extras import execute_values

            execute_values(cur, "insert into raw.extract_cursors (source, account_id, cursor_value, run_id) values %s"
                                " on conflict (source, account_id) do update set cursor_value = excluded.cursor_value",
                           cursors)
        conn.close()
        return rows


def write_fake_dataset(folder: Path, institutions: list[dict], x_lines: list, google_lines: list, graph: dict,
                       window_end: datetime) -> Path:
    """The files webcare.fakes.server.FakeApis reads (the layout of webcare.generator.generate)."""
    from webcare.generator.times import x_time
    from webcare.generator.x_traffic import account

    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"institutions": [i["institution_id"] for i in institutions], "window_end": x_time(window_end)}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    with (folder / "x_users.jsonl").open("w", encoding="utf-8") as out:
        for institution in institutions:
            out.write(json.dumps(account(institution), ensure_ascii=False) + "\n")
    with (folder / "x_tweets.jsonl").open("w", encoding="utf-8") as out:
        for line in sorted(x_lines, key=lambda item: int(item["tweet"]["id"])):
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    with (folder / "google_reviews.jsonl").open("w", encoding="utf-8") as out:
        for line in sorted(google_lines, key=lambda v: (v["visible_from"], v["review"]["name"])):
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    (folder / "graph.json").write_text(json.dumps(graph, ensure_ascii=False), encoding="utf-8")
    return folder
