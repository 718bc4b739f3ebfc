"""X traffic of one institution: patient mentions, the institution's replies and posts."""
import random
import re
from dataclasses import dataclass, field
from datetime import datetime

from . import people, texts
from .schedule import Calendar, minutes_around, poisson
from .snowflake import snowflake
from .times import x_time

REPLY_FACTORS = {"question": 1.0, "complaint": 1.1, "praise": 0.8, "noise": 0.05}
MAX_MENTIONS = 650  # per account over the window; the API serves only the 800 most recent
HASHTAG = re.compile(r"#\w+")


@dataclass(eq=False)
class Post:
    created: datetime
    author: dict
    text: str
    lang: str
    mentioned: list = field(default_factory=list)  # users mentioned in the text, in order
    timelines: list = field(default_factory=list)  # ids of the users whose mentions timeline holds it
    parent: "Post | None" = None
    root: "Post | None" = None
    jitter_ms: int = 0
    id: int = 0


def account(institution: dict) -> dict:
    return {"id": institution["x_user_id"], "name": institution["institution_name"], "username": institution["x_username"]}


class InstitutionX:
    def __init__(self, rng: random.Random, institution: dict, accounts: list[dict], window: tuple[datetime, datetime]):
        self.rng, self.calendar, self.window = rng, Calendar(institution, "x"), window
        self.account = account(institution)
        self.others = [a for a in accounts if a["id"] != self.account["id"]]
        busy = institution["institution_kind"] == "hospital"
        days = (window[1] - window[0]).days
        self.daily_mentions = min(rng.uniform(8, 15) if busy else rng.uniform(4, 8), MAX_MENTIONS / days)
        self.propensity = rng.uniform(0.35, 0.9)
        self.median_minutes = rng.uniform(10, 90)
        self.posts: list[Post] = []
        self.patients: list[dict] = []

    def post(self, created: datetime, author: dict, text: str, lang: str, **links) -> Post:
        post = Post(created, author, text, lang, jitter_ms=self.rng.randrange(1000), **links)
        self.posts.append(post)
        return post

    def patient(self) -> dict:
        if self.patients and self.rng.random() < 0.15:
            return self.rng.choice(self.patients)
        self.patients.append(people.x_user(self.rng))
        return self.patients[-1]

    def generate(self) -> list[Post]:
        start, end = self.window
        for day in self.calendar.local_days(start, end):
            if self.calendar.is_business_day(day):
                for _ in range(poisson(self.rng, 0.5)):
                    self.announce(self.calendar.at(day, self.rng.randrange(9, 19), self.rng.randrange(60)))
            for created in self.calendar.arrivals(self.rng, day, self.daily_mentions):
                if start <= created < end:
                    self.inbound(created)
        return self.posts

    def announce(self, created: datetime) -> None:
        if self.window[0] <= created < self.window[1]:
            self.post(created, self.account, texts.fill(self.rng, self.rng.choice(texts.ANNOUNCEMENTS), "es"), "es")

    def inbound(self, created: datetime) -> None:
        rng, kind, lang = self.rng, texts.intent(self.rng), texts.language(self.rng)
        author, body = self.patient(), texts.decorate(rng, kind, texts.message(rng, kind, lang))
        mentioned = [self.account]
        if kind == "noise" and self.others and rng.random() < 0.3:
            mentioned.append(rng.choice(self.others))  # news or spam naming two institutions
        handles = " ".join(f"@{user['username']}" for user in mentioned)
        text = f"{handles} {body}" if rng.random() < 0.6 else f"{body} {handles}"
        own = [p for p in self.posts if p.author is self.account and p.parent is None and p.created < created]
        parent = own[-1] if own and rng.random() < 0.1 else None  # a reply to the institution's latest post
        mention = self.post(created, author, text, lang, mentioned=mentioned, timelines=[u["id"] for u in mentioned],
                            parent=parent, root=parent)
        self.answer(mention, kind, follow_up_allowed=True)

    def answer(self, mention: Post, kind: str, follow_up_allowed: bool) -> None:
        rng = self.rng
        if rng.random() >= self.propensity * REPLY_FACTORS[kind]:
            return
        if rng.random() < 0.1:  # forgotten for a few days
            first = self.calendar.business_days_later(rng, mention.created, rng.randint(1, 3))
        else:
            first = self.calendar.quick_reply(rng, mention.created, self.median_minutes)
        reply = self.reply(mention, kind, first)
        if rng.random() < 0.06:
            self.reply(mention, kind, first + minutes_around(rng, 90))
        follow_up_at = first + minutes_around(rng, 120)
        if follow_up_allowed and rng.random() < 0.15 and follow_up_at < self.window[1]:
            text = f"@{self.account['username']} {texts.sloppy(rng, rng.choice(texts.FOLLOW_UPS[mention.lang]))}"
            follow_up = self.post(follow_up_at, mention.author, text, mention.lang, mentioned=[self.account],
                                  timelines=[self.account["id"]], parent=reply, root=reply.root)
            self.answer(follow_up, "question", follow_up_allowed=False)

    def reply(self, mention: Post, kind: str, created: datetime) -> Post:
        patient = mention.author
        text = f"@{patient['username']} {self.rng.choice(texts.X_REPLIES[kind, mention.lang])}"
        return self.post(created, self.account, text, mention.lang, mentioned=[patient], timelines=[patient["id"]],
                         parent=mention, root=mention.root or mention)


def assign_ids(posts: list[Post]) -> None:
    """Snowflake ids in creation order; the sequence bits separate posts of the same millisecond."""
    last_ms, sequence = None, 0
    for post in sorted(posts, key=lambda p: (p.created, p.jitter_ms)):
        ms = int(post.created.timestamp()) * 1000 + post.jitter_ms
        sequence = sequence + 1 if ms == last_ms else 0
        post.id, last_ms = snowflake(ms, sequence), ms


def entities(post: Post) -> dict:
    found, position = {}, 0
    for user in post.mentioned:
        start = post.text.index(f"@{user['username']}", position)
        position = start + len(user["username"]) + 1
        found.setdefault("mentions", []).append({"start": start, "end": position, "username": user["username"], "id": user["id"]})
    for match in HASHTAG.finditer(post.text):
        found.setdefault("hashtags", []).append({"start": match.start(), "end": match.end(), "tag": match.group()[1:]})
    return found


def render(post: Post) -> dict:
    """One line of x_tweets.jsonl: the full Tweet object and the timelines that hold it."""
    tweet = {"id": str(post.id), "text": post.text, "author_id": post.author["id"], "created_at": x_time(post.created),
             "conversation_id": str((post.root or post).id), "lang": post.lang, "edit_history_tweet_ids": [str(post.id)]}
    if post.parent:
        tweet["in_reply_to_user_id"] = post.parent.author["id"]
        tweet["referenced_tweets"] = [{"type": "replied_to", "id": str(post.parent.id)}]
    found = entities(post)
    if found:
        tweet["entities"] = found
    return {"tweet": tweet, "mentions_user_ids": post.timelines}


def x_traffic(seed: int, institutions: list[dict], window: tuple[datetime, datetime]) -> tuple[list[dict], list[dict]]:
    """(x_tweets lines sorted by id, users sorted institutions first then by id)."""
    accounts = [account(i) for i in institutions]
    posts = []
    for institution in institutions:
        rng = random.Random(f"{seed}:{institution['institution_id']}:x")
        posts += InstitutionX(rng, institution, accounts, window).generate()
    assign_ids(posts)
    posts.sort(key=lambda p: p.id)
    users = {u["id"]: u for p in posts for u in [p.author, *p.mentioned]}
    patients = sorted((u for u in users.values() if u not in accounts), key=lambda u: u["id"])
    return [render(p) for p in posts], accounts + patients
