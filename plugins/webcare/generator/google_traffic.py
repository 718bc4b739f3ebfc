"""Google reviews of one institution, one record per review version."""
import base64
import random
from datetime import datetime, timedelta

from . import people, texts
from .schedule import Calendar
from .times import google_time

STARS = ("ONE", "TWO", "THREE", "FOUR", "FIVE")
RATINGS = {"complaint": (0.6, 0.3, 0.1, 0, 0), "question": (0.05, 0.15, 0.4, 0.3, 0.1),
           "praise": (0, 0, 0.05, 0.3, 0.65), "noise": (0.3, 0.1, 0.2, 0.2, 0.2)}
MAX_REPLY_DELAY = timedelta(days=10)
REVIEW_KEYS = ("name", "reviewId", "reviewer", "starRating", "comment", "createTime", "updateTime", "reviewReply")


def review_id(rng: random.Random) -> str:
    return base64.urlsafe_b64encode(rng.randbytes(30)).decode().rstrip("=")


def ordered(state: dict) -> dict:
    return {key: state[key] for key in REVIEW_KEYS if key in state}


class InstitutionGoogle:
    def __init__(self, rng: random.Random, institution: dict, window: tuple[datetime, datetime]):
        self.rng, self.calendar, self.window = rng, Calendar(institution, "google"), window
        self.location = f"accounts/{institution['google_account_id']}/locations/{institution['google_location_id']}"
        busy = institution["institution_kind"] == "hospital"
        self.daily_reviews = rng.uniform(3, 6) if busy else rng.uniform(1, 3)
        self.propensity = rng.uniform(0.35, 0.9)

    def generate(self) -> list[dict]:
        start, end = self.window
        versions = []
        for day in self.calendar.local_days(start, end):
            for created in self.calendar.arrivals(self.rng, day, self.daily_reviews):
                created += timedelta(microseconds=self.rng.randrange(10**6))
                if start <= created < end:
                    versions += self.review(created)
        return versions

    def review(self, created: datetime) -> list[dict]:
        rng, kind, lang = self.rng, texts.intent(self.rng), texts.language(self.rng)
        stars = rng.choices(range(5), RATINGS[kind])[0]
        identifier = review_id(rng)
        state = {"name": f"{self.location}/reviews/{identifier}", "reviewId": identifier, "reviewer": people.reviewer(rng),
                 "starRating": STARS[stars]}
        if rng.random() < 0.85:
            state["comment"] = texts.review_comment(rng, kind, lang)
        state |= {"createTime": google_time(created), "updateTime": google_time(created)}
        events = [(created, ordered(state))]
        replied_at = self.reply_time(created) if rng.random() < self.propensity else None
        edited_at = created + timedelta(hours=rng.uniform(6, 240)) if rng.random() < 0.07 else None
        for moment in sorted(m for m in (replied_at, edited_at) if m):
            if moment == replied_at:
                good = STARS.index(state["starRating"]) >= 3
                state["reviewReply"] = {"comment": rng.choice(texts.GOOGLE_REPLIES[good, lang]), "updateTime": google_time(moment)}
            else:
                stars = min(4, max(0, stars + rng.choice((-1, 0, 1, 2))))
                edit = rng.choice(texts.EDITS["reviewReply" in state, lang])
                state |= {"starRating": STARS[stars], "comment": f"{state.get('comment', '')} {edit}".strip(),
                          "updateTime": google_time(moment)}
            events.append((moment, ordered(state)))
        return [{"location": self.location, "visible_from": google_time(m), "review": review} for m, review in events]

    def reply_time(self, created: datetime) -> datetime:
        rng = self.rng
        if rng.random() < 0.3:
            replied = self.calendar.quick_reply(rng, created, 240)
        else:
            replied = self.calendar.business_days_later(rng, created, rng.choice((0, 1, 1, 2, 3, 5, 8)))
        return min(replied, created + MAX_REPLY_DELAY - timedelta(minutes=rng.randrange(1, 600)))


def google_traffic(seed: int, institutions: list[dict], window: tuple[datetime, datetime]) -> list[dict]:
    """google_reviews lines sorted by visible_from, then review name."""
    versions = []
    for institution in institutions:
        rng = random.Random(f"{seed}:{institution['institution_id']}:google")
        versions += InstitutionGoogle(rng, institution, window).generate()
    return sorted(versions, key=lambda v: (v["visible_from"], v["review"]["name"]))
