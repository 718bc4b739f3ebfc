"""The APIs we extract from. Each source names its raw table and how to recognise a valid record."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Source:
    name: str          # also the raw table's name
    channel: str       # channel id in the channels seed
    record_key: Callable[[object], str]  # raises InvalidRecord with the reason

    @property
    def table(self) -> str:
        return self.name


class InvalidRecord(ValueError):
    """A record that cannot be loaded: it goes to the quarantine with this reason."""


def _sources() -> dict[str, Source]:
    from webcare.sources import google, x

    return {
        "x_mentions": Source("x_mentions", "x", x.tweet_key),
        "x_tweets": Source("x_tweets", "x", x.tweet_key),
        "google_reviews": Source("google_reviews", "google", google.review_key),
    }


SOURCES: dict[str, Source] = _sources()
