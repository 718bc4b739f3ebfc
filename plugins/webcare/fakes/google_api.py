"""Google Business Profile v4 `accounts.locations.reviews.list` over a generated dataset."""
import base64
import json
import re
from datetime import datetime
from pathlib import Path

from webcare.generator.google_traffic import STARS
from webcare.generator.times import parse_time

from .responses import google_error

PATH = re.compile(r"^/v4/(accounts/[^/]+/locations/[^/]+)/reviews$")
MAX_PAGE_SIZE = 50
ORDERS = {  # orderBy -> (sort key, reverse)
    "updateTime desc": (lambda r: (parse_time(r["updateTime"]), r["name"]), True),
    "rating": (lambda r: (STARS.index(r["starRating"]), r["name"]), False),
    "rating desc": (lambda r: (STARS.index(r["starRating"]), r["name"]), True),
}


class InvalidArgument(Exception):
    pass


def page_size(query: dict) -> int:
    value = query.get("pageSize", "0")
    if not value.isdigit() or int(value) > MAX_PAGE_SIZE:
        raise InvalidArgument(f"Invalid pageSize: {value}. It must be between 1 and {MAX_PAGE_SIZE}.")
    return int(value) or MAX_PAGE_SIZE


def encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"reviews:{offset}".encode()).decode()


def decode_token(token: str) -> int:
    try:
        prefix, offset = base64.urlsafe_b64decode(token.encode()).decode().split(":")
        if prefix == "reviews" and offset.isdigit():
            return int(offset)
    except ValueError:
        pass
    raise InvalidArgument(f"Invalid pageToken: {token}")


class GoogleApi:
    def __init__(self, dataset: Path):
        self.versions = {}  # location -> [(visible_from, review)] in visible_from order
        self.deleted = {}   # review name -> when its author deleted it (the generator's `deleted_from`)
        with (dataset / "google_reviews.jsonl").open(encoding="utf-8") as lines:
            for line in map(json.loads, lines):
                self.versions.setdefault(line["location"], []).append((parse_time(line["visible_from"]), line["review"]))
                if "deleted_from" in line:
                    self.deleted[line["review"]["name"]] = parse_time(line["deleted_from"])
        for versions in self.versions.values():
            versions.sort(key=lambda v: v[0])

    def reviews(self, location: str, query: dict, clock: datetime) -> tuple[int, dict]:
        if location not in self.versions:
            return 404, google_error(404)
        try:
            size, offset = page_size(query), decode_token(query["pageToken"]) if "pageToken" in query else 0
            if query.get("orderBy", "updateTime desc") not in ORDERS:
                raise InvalidArgument(f"Invalid orderBy: {query['orderBy']}")
        except InvalidArgument as invalid:
            return 400, google_error(400, str(invalid))
        current = {review["name"]: review for visible_from, review in self.versions[location] if visible_from <= clock
                   and not (review["name"] in self.deleted and self.deleted[review["name"]] <= clock)}
        key, reverse = ORDERS[query.get("orderBy", "updateTime desc")]
        reviews = sorted(current.values(), key=key, reverse=reverse)
        body = {}  # proto3 JSON: empty and zero fields are left out
        if reviews[offset:offset + size]:
            body["reviews"] = reviews[offset:offset + size]
        if reviews:
            body["averageRating"] = round(sum(STARS.index(r["starRating"]) + 1 for r in reviews) / len(reviews), 1)
            body["totalReviewCount"] = len(reviews)
        if offset + size < len(reviews):
            body["nextPageToken"] = encode_token(offset + size)
        return 200, body
