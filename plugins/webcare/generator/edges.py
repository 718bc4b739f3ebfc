"""Calendar and KPI edge cases: export files and seed variants that exercise what fixed calendars,
schedules and SLAs get wrong (docs/metrics.md "Calendar", "Business hours", "SLA"), with their truth.

``calendar_edges(out)`` writes, under ``out``:

- ``seeds/``: the project's seeds plus the scenario's reference data: hsn has a business-basis X
  policy from 2023-01-01, a year before its schedule's first valid_from (2024-01-01), so its
  December 2023 history has no schedule (business minutes null, SLA ``no_schedule``); hcm has a
  calendar-basis X policy from 2023-01-01 (measured without a schedule, business minutes null);
  cmv has a schedule and a business X policy from 2019-01-01 (old history measured against the
  2019 holidays of Valencia, which no seed lists: they come from the `holidays` package);
- ``exports/``: "Customer Support on Twitter" files (``generator.export.twcs_export``) of hsn from
  26 December 2023 (across the missing schedule and New Year), of hcm from 20 December 2023, of
  cmv from 14 March 2019 (across San José, 19 March), and of cmb from 2 January 2029 (after the
  old calendar's last day, 2028-12-31);
- ``truth/``: ``manifest.json`` (every institution of the seed: the KPI marts have a row for each)
  and ``messages_truth.jsonl`` of the files' inbound messages, for ``generator.marts.expected_marts``.

Then, to change history after a first build: ``add_mid_history_holiday`` (a local holiday of hsn on
Wednesday 3 January 2024, in the middle of its imported history), ``add_schedule_version`` (cmv opens
09:00-14:00 from Monday 18 March 2019), ``earlier_reply_export`` (a file with one institution reply,
earlier than the known first reply, to an old answered message of an export), ``late_replies_export`` (replies
to two old unanswered messages: one after the message expired from the backlog, one exactly at its expiry) and
``add_overnight_shift`` (a one-row 22:00-06:00 shift, which the seed test ``closes_after_opens`` rejects).
"""
from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from webcare import config

from .export import TWCS_COLUMNS, TWCS_MAPPING, Export, csv_row, institution_row, message_truth, twcs_export, twitter_time
from .institutions import load_institutions

POLICIES = [
    # institution_id, channel_id, priority, valid_from, target_minutes, time_basis
    ("hsn", "x", "normal", "2023-01-01", "120", "business"),   # older than hsn's schedule (2024-01-01)
    ("hcm", "x", "normal", "2023-01-01", "120", "calendar"),
    ("cmv", "x", "normal", "2019-01-01", "240", "business"),
]
CMV_2019_HOURS = [("cmv", "all", "2019-01-01", str(day), "08:00", "15:00") for day in range(1, 6)]
EXPORTS = {
    # name: (institution, start, days, first tweet id)
    "hsn_2023": ("hsn", datetime(2023, 12, 26, tzinfo=timezone.utc), 10, 300_000),
    "hcm_2023": ("hcm", datetime(2023, 12, 20, tzinfo=timezone.utc), 5, 400_000),
    "cmv_2019": ("cmv", datetime(2019, 3, 14, tzinfo=timezone.utc), 10, 500_000),
    "cmb_2029": ("cmb", datetime(2029, 1, 2, tzinfo=timezone.utc), 6, 600_000),
}
MID_HISTORY_HOLIDAY = ("hsn", "2024-01-03", "Fiesta local añadida")
NEW_SCHEDULE = [("cmv", "all", "2019-03-18", str(day), "09:00", "14:00") for day in range(1, 6)]
OVERNIGHT_SHIFT = ("hsn", "x", "2024-01-08", "1", "22:00", "06:00")


@dataclass
class Edges:
    root: Path
    seeds_dir: Path
    exports: dict[str, Export] = field(default_factory=dict)
    # messages whose truth a later file changed (an earlier reply), by native_id
    replacements: dict[str, dict] = field(default_factory=dict)

    @property
    def truth_dir(self) -> Path:
        return self.root / "truth"

    def messages(self, *names: str) -> list[dict]:
        return [m for name in (names or self.exports) for m in self.exports[name].truth["messages"]]

    def write_truth(self, *names: str, replace: dict[str, dict] | None = None) -> Path:
        """The truth folder of the named exports' messages (all when none), the replacements and `replace`
        overriding messages by native_id."""
        folder = self.truth_dir
        folder.mkdir(parents=True, exist_ok=True)
        manifest = {"institutions": [row["institution_id"] for row in load_institutions()]}
        (folder / "manifest.json").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
        overrides = {**self.replacements, **(replace or {})}
        messages = [overrides.get(m["native_id"], m) for m in self.messages(*names)]
        (folder / "messages_truth.jsonl").write_text("".join(json.dumps(m) + "\n" for m in messages), encoding="utf-8")
        return folder


def append_rows(seeds_dir: Path, seed: str, rows: list[tuple]) -> None:
    with (Path(seeds_dir) / f"{seed}.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def remove_rows(seeds_dir: Path, seed: str, rows: list[tuple]) -> None:
    path = Path(seeds_dir) / f"{seed}.csv"
    drop = {",".join(row) for row in rows}
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(line + "\n" for line in lines if line not in drop), encoding="utf-8")


def calendar_edges(out: str | Path, seed: int = 7, seeds_from: Path | None = None) -> Edges:
    """Write the scenario's seeds, exports and truth under `out` (see the module's docstring)."""
    root = Path(out)
    seeds_dir = root / "seeds"
    if seeds_dir.exists():
        shutil.rmtree(seeds_dir)
    shutil.copytree(seeds_from or config.SEEDS_DIR, seeds_dir, ignore=shutil.ignore_patterns("_*.yml"))
    append_rows(seeds_dir, "sla_policies", POLICIES)
    append_rows(seeds_dir, "business_hours", CMV_2019_HOURS)
    edges = Edges(root, seeds_dir)
    for name, (institution, start, days, first_id) in EXPORTS.items():
        edges.exports[name] = twcs_export(root / "exports" / f"twcs_{name}.csv", institution=institution, seed=seed,
                                          days=days, start=start, first_id=first_id)
    edges.write_truth()
    return edges


def add_mid_history_holiday(seeds_dir: Path) -> tuple:
    append_rows(seeds_dir, "local_holidays", [MID_HISTORY_HOLIDAY])
    return MID_HISTORY_HOLIDAY


def add_schedule_version(seeds_dir: Path) -> list[tuple]:
    append_rows(seeds_dir, "business_hours", NEW_SCHEDULE)
    return NEW_SCHEDULE


def add_overnight_shift(seeds_dir: Path) -> tuple:
    append_rows(seeds_dir, "business_hours", [OVERNIGHT_SHIFT])
    return OVERNIGHT_SHIFT


def remove_overnight_shift(seeds_dir: Path) -> None:
    remove_rows(seeds_dir, "business_hours", [OVERNIGHT_SHIFT])


def earlier_reply_export(path: str | Path, export: Export, before: datetime, tweet_id: int) -> tuple[Path, dict]:
    """A twcs file with one institution reply to the earliest answered message of `export` created
    before `before` whose first reply came more than an hour after it: the new reply is written
    halfway, so it becomes the first response. Returns the file and that message's new truth."""
    row = institution_row(export.truth["institution_id"])
    candidates = [m for m in export.truth["messages"] if m["first_reply_at"]
                  and datetime.fromisoformat(m["created_at"]) < before
                  and datetime.fromisoformat(m["first_reply_at"]) - datetime.fromisoformat(m["created_at"]) > timedelta(hours=1)]
    message = min(candidates, key=lambda m: (m["created_at"], m["native_id"]))
    created, replied = datetime.fromisoformat(message["created_at"]), datetime.fromisoformat(message["first_reply_at"])
    earlier = (created + (replied - created) / 2).replace(microsecond=0)
    message_id = message["native_id"].removeprefix(f"{TWCS_MAPPING}:")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cells = [str(tweet_id), row["x_username"], "False", twitter_time(earlier), "Perdón, se nos pasó: te escribimos por DM",
             "", message_id]
    path.write_text(",".join(TWCS_COLUMNS) + "\n" + csv_row(cells), encoding="utf-8")
    updated = message_truth(row, "x", message["native_id"], created, earlier)
    return path, updated


def late_replies_export(path: str | Path, export: Export, max_age_days: int, tweet_id: int) -> tuple[Path, list[dict]]:
    """A twcs file with two institution replies to the two earliest unanswered messages of `export`
    (docs/metrics.md#backlog): the first `max_age_days` + 10 days after its message, so after the message
    expired from the backlog (answered for the response KPIs, still expired for the backlog); the second
    exactly `max_age_days` x 24 hours after its message, at its expiry instant (on a tie the answer wins).
    Returns the file and the two messages' new truth."""
    row = institution_row(export.truth["institution_id"])
    waiting = sorted((m for m in export.truth["messages"] if not m["first_reply_at"]),
                     key=lambda m: (m["created_at"], m["native_id"]))[:2]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines, updated = [",".join(TWCS_COLUMNS) + "\n"], []
    for n, (message, extra) in enumerate(zip(waiting, (timedelta(days=10), timedelta()))):
        created = datetime.fromisoformat(message["created_at"])
        replied = created + timedelta(days=max_age_days) + extra
        cells = [str(tweet_id + n), row["x_username"], "False", twitter_time(replied),
                 "Disculpe la espera: le escribimos por DM", "", message["native_id"].removeprefix(f"{TWCS_MAPPING}:")]
        lines.append(csv_row(cells))
        updated.append(message_truth(row, "x", message["native_id"], created, replied))
    path.write_text("".join(lines), encoding="utf-8")
    return path, updated
