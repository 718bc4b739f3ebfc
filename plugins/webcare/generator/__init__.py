"""Seeded, deterministic webcare traffic for the fake X, Google and Graph (Facebook, Instagram) APIs, with its ground truth."""
import csv
import json
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from . import awkward
from .google_traffic import google_traffic
from .graph_traffic import graph_traffic
from .institutions import load_institutions
from .marts import expected_marts, write_marts
from .times import x_time
from .truth import expected_kpis, messages_truth
from .x_traffic import x_traffic

__all__ = ["generate", "expected_kpis", "expected_marts"]

KPI_COLUMNS = ("institution_id", "channel", "day", "inbound", "answered", "response_rate", "median_first_response_minutes")


def generate(out_dir: str | Path, institutions: int = 5, days: int = 30, start: date = date(2026, 3, 10), seed: int = 42) -> Path:
    """Write the dataset files into `out_dir` (created if needed) and return its path."""
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    chosen = load_institutions(institutions)
    window = (datetime.combine(start, time(), timezone.utc), datetime.combine(start + timedelta(days=days), time(), timezone.utc))
    tweets, users = x_traffic(seed, chosen, window)
    awkward_tweets, awkward_patients = awkward.x_cases(seed, chosen[0], window)
    tweets = sorted(tweets + awkward_tweets, key=lambda line: int(line["tweet"]["id"]))
    users += sorted(awkward_patients, key=lambda u: u["id"])
    reviews = google_traffic(seed, chosen, window) + awkward.google_cases(seed, chosen[0], window)
    reviews.sort(key=lambda v: (v["visible_from"], v["review"]["name"]))
    graph = graph_traffic(seed, chosen, window)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"seed": seed, "institutions": [i["institution_id"] for i in chosen], "start": start.isoformat(), "days": days,
                "window_start": x_time(window[0]), "window_end": x_time(window[1])}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    write_jsonl(out / "x_users.jsonl", users)
    write_jsonl(out / "x_tweets.jsonl", tweets)
    write_jsonl(out / "google_reviews.jsonl", reviews)
    (out / "graph.json").write_text(json.dumps(graph, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_jsonl(out / "messages_truth.jsonl", messages_truth(chosen, tweets, reviews, graph))
    write_kpis(out / "ground_truth.csv", expected_kpis(out, window[1]))
    write_marts(out, expected_marts(out, window[1]))
    write_sample_export(out, chosen[0]["institution_id"], seed, window[0] - timedelta(days=7))
    return out


def write_sample_export(out: Path, institution_id: str, seed: int, start: datetime) -> Path:
    """A file exported from another tool (the "Customer Support on Twitter" format, with its defects):
    one institution's X history of the week before the window, and its truth beside it."""
    from .export import twcs_export

    export = twcs_export(out / "exports" / f"twcs_{institution_id}.csv", institution=institution_id, seed=seed,
                         start=start)
    truth = export.path.with_suffix(".truth.json")
    truth.write_text(json.dumps(export.truth, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return export.path


def write_jsonl(path: Path, records: list) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def write_kpis(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(KPI_COLUMNS)
        for row in rows:
            writer.writerow("" if row[c] is None else repr(row[c]) if isinstance(row[c], float) else str(row[c]) for c in KPI_COLUMNS)
