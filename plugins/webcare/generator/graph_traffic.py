"""Facebook page and Instagram traffic of one institution, in the data format of the fake Graph API.

Facebook: the page's posts (from three weeks before the window: comments on old posts keep
arriving), patients' top-level comments, the page's replies and patients' follow-ups in the same
thread (one level deep: a reply's ``parent`` is always the top-level comment), a few informative
top-level comments of the page itself, and recommendations. About 15% of patients have no ``from``
(Graph omits it for people who have not authorised the app). Instagram: the account's media,
comments (about 10% spam or abuse the account hid), the account's replies and patients' follow-ups
(``parent_id`` the top-level comment). Graph times have second resolution: every instant is
truncated to whole seconds.
"""
import random
import string
from datetime import datetime, timedelta

from webcare.fakes.graph_api import graph_time

from . import people, texts
from .schedule import Calendar, minutes_around, poisson
from .x_traffic import REPLY_FACTORS

LEAD = timedelta(days=21)  # posts and media before the window
LATE_SHARE = 0.1  # answers forgotten for a few business days
SECOND_REPLY_SHARE = 0.06
FOLLOW_UP_SHARE = 0.15
BUMP_SHARE = 0.07  # the patient asks again before any answer
BYSTANDER_SHARE = 0.04  # someone else writes in the thread
RETURNING_SHARE = 0.15
FACEBOOK_ANONYMOUS_SHARE = 0.15
INSTAGRAM_HIDDEN_SHARE = 0.1
BUMPS = {"es": ("¿Alguien me puede contestar?", "Sigo esperando respuesta", "Hola?? Nadie lee esto?"),
         "en": ("Anyone?", "Still waiting for an answer")}
HIDDEN = {  # spam and abuse the account hides
    "es": ("Sígueme y gana seguidores gratis 👉 link en bio", "Compra criptomonedas aquí, ganancias garantizadas",
           "Sois unos inútiles, vergüenza de hospital 🤬", "Ojalá os cierren, panda de incompetentes"),
    "en": ("Free followers 👉 link in bio", "You are all useless, shame on you"),
}
MEDIA_TYPES = ("IMAGE", "IMAGE", "CAROUSEL_ALBUM", "VIDEO")
SHORTCODE = string.ascii_letters + string.digits + "_-"


def whole(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


class Ids:
    """Random numeric ids, never repeated within one institution."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def new(self, digits: int, prefix: str = "") -> str:
        while True:
            free = digits - len(prefix)
            value = prefix + str(self.rng.randrange(10 ** (free - 1), 10 ** free))
            if value not in self.used:
                self.used.add(value)
                return value


class InstitutionGraph:
    """What both channels share: arrivals, reply propensity and times, and the shape of a thread."""

    channel = ""

    def __init__(self, rng: random.Random, institution: dict, window: tuple[datetime, datetime], daily: tuple[float, float]):
        self.rng, self.institution, self.window = rng, institution, window
        self.calendar = Calendar(institution, self.channel)
        self.ids = Ids(rng)
        busy = institution["institution_kind"] == "hospital"
        self.daily_comments = rng.uniform(*daily) * (1.5 if busy else 1)
        self.propensity = rng.uniform(0.35, 0.9)
        self.median_minutes = rng.uniform(20, 180)
        self.patients: list = []
        self.published: list[tuple[datetime, dict]] = []  # posts or media, with their creation instant

    # -- to be given by each channel ---------------------------------------------------------------------------
    def publish(self, created: datetime) -> None:
        """A post or medium of the account, appended to `published`."""
        raise NotImplementedError

    def inbound(self, created: datetime) -> None:
        raise NotImplementedError

    def reply(self, top: dict, author, created: datetime, text: str) -> None:
        """A comment by `author` (the account, the patient or a bystander) in the thread of `top`."""
        raise NotImplementedError

    def account(self) -> dict:
        raise NotImplementedError

    def person(self):
        """A new commenter as the API shows them."""
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------------------------------
    def generate(self, lead: timedelta = LEAD) -> None:
        start, end = self.window
        for day in self.calendar.local_days(start - lead, end):
            if self.calendar.is_business_day(day):
                for _ in range(poisson(self.rng, 0.7)):
                    created = self.calendar.at(day, self.rng.randrange(9, 19), self.rng.randrange(60), self.rng.randrange(60))
                    if created < end:
                        self.publish(created)
        for day in self.calendar.local_days(start, end):
            for created in self.calendar.arrivals(self.rng, day, self.daily_comments):
                if start <= created < end:
                    self.inbound(whole(created))

    def patient(self):
        if self.patients and self.rng.random() < RETURNING_SHARE:
            return self.rng.choice(self.patients)
        self.patients.append(self.person())
        return self.patients[-1]

    def target(self, created: datetime) -> str:
        """The post or medium a comment goes to: mostly one of the latest, now and then an old one."""
        earlier = [item for published, item in self.published if published < created - timedelta(minutes=1)]
        if not earlier:
            self.publish(whole(created - timedelta(days=1, seconds=self.rng.randrange(86400))))
            self.published.sort(key=lambda p: p[0])
            return self.target(created)
        return self.rng.choice(earlier[-3:] if self.rng.random() < 0.75 else earlier)["id"]

    def reply_time(self, created: datetime) -> datetime:
        rng = self.rng
        if rng.random() < LATE_SHARE:
            return whole(self.calendar.business_days_later(rng, created, rng.randint(1, 3)))
        return whole(self.calendar.quick_reply(rng, created, self.median_minutes))

    def converse(self, top: dict, patient, kind: str, lang: str, created: datetime) -> None:
        """The thread of a patient's top-level comment: a bump, the account's answers, a follow-up and its answer."""
        rng, end, account = self.rng, self.window[1], self.account()
        first = self.reply_time(created) if rng.random() < self.propensity * REPLY_FACTORS[kind] else None
        bump = whole(created + minutes_around(rng, 240))
        if rng.random() < BUMP_SHARE and bump < end and (first is None or bump < first):
            self.reply(top, patient, bump, texts.sloppy(rng, rng.choice(BUMPS[lang])))
        if rng.random() < BYSTANDER_SHARE:
            said = whole(created + minutes_around(rng, 60))
            if said < end:
                self.reply(top, self.person(), said, texts.decorate(rng, "complaint", texts.message(rng, "complaint", lang)))
        if first is None:
            return
        self.reply(top, account, first, self.answer_text(top, kind, lang))
        if rng.random() < SECOND_REPLY_SHARE:
            self.reply(top, account, whole(first + minutes_around(rng, 90)), self.answer_text(top, kind, lang))
        follow_up = whole(first + minutes_around(rng, 120))
        if rng.random() < FOLLOW_UP_SHARE and follow_up < end:
            self.reply(top, patient, follow_up, texts.sloppy(rng, rng.choice(texts.FOLLOW_UPS[lang])))
            if rng.random() < self.propensity:
                self.reply(top, account, self.reply_time(follow_up), self.answer_text(top, "question", lang))

    def answer_text(self, top: dict, kind: str, lang: str) -> str:
        return self.rng.choice(texts.X_REPLIES[kind, lang])


class InstitutionFacebook(InstitutionGraph):
    channel = "facebook"

    def __init__(self, rng: random.Random, institution: dict, window: tuple[datetime, datetime]):
        super().__init__(rng, institution, window, (3, 5.5))
        self.page_id, self.name = institution["facebook_page_id"], institution["institution_name"]
        self.comments: dict[str, list[dict]] = {}
        self.ratings: list[dict] = []
        self.reviewers = 0.4 if institution["institution_kind"] == "hospital" else 0.2

    def account(self) -> dict:
        return {"id": self.page_id, "name": self.name}

    def person(self) -> dict | None:
        """A patient's ``from``, None when Graph omits it."""
        person = {"id": self.ids.new(16), "name": people.full_name(self.rng)}
        return None if self.rng.random() < FACEBOOK_ANONYMOUS_SHARE else person

    def comment_id(self, post_id: str) -> str:
        return f"{post_id.split('_')[1]}_{self.ids.new(16)}"

    def publish(self, created: datetime) -> None:
        rng = self.rng
        post = {"id": f"{self.page_id}_{self.ids.new(18, '12')}", "created_time": graph_time(created),
                "message": texts.fill(rng, rng.choice(texts.ANNOUNCEMENTS), "es")}
        self.published.append((created, post))
        self.comments[post["id"]] = []
        informed = whole(created + minutes_around(rng, 180))
        if rng.random() < 0.2 and informed < self.window[1]:  # the page adds information under its own post
            self.add(post["id"], self.account(), informed, texts.fill(rng, rng.choice(texts.ANNOUNCEMENTS), "es"))

    def add(self, post_id: str, author: dict | None, created: datetime, message: str, parent: dict | None = None) -> dict:
        comment = {"id": self.comment_id(post_id), "created_time": graph_time(created)}
        if author is not None:
            comment["from"] = author
        comment["message"] = message
        if parent is not None:
            comment["parent"] = {"id": parent["id"]}
        self.comments[post_id].append(comment)
        return comment

    def inbound(self, created: datetime) -> None:
        rng, kind, lang = self.rng, texts.intent(self.rng), texts.language(self.rng)
        patient = self.patient()
        post_id = self.target(created)
        top = self.add(post_id, patient, created, texts.decorate(rng, kind, texts.message(rng, kind, lang)))
        top["post_id"] = post_id  # dropped when rendered
        self.converse(top, patient, kind, lang, created)
        rated = whole(created + minutes_around(rng, 30))
        if kind != "noise" and rng.random() < self.reviewers / self.daily_comments and rated < self.window[1]:
            self.recommend(rated, kind, lang)

    def reply(self, top: dict, author, created: datetime, text: str) -> None:
        self.add(top["post_id"], author, created, text, parent=top)

    def recommend(self, created: datetime, kind: str, lang: str) -> None:
        rng = self.rng
        positive = kind == "praise" or kind != "complaint" and rng.random() < 0.5
        rating = {"created_time": graph_time(created), "recommendation_type": "positive" if positive else "negative"}
        if rng.random() < 0.8:
            rating["review_text"] = texts.review_comment(rng, kind, lang)
        rating["reviewer"] = {"id": self.ids.new(16), "name": people.full_name(rng)}
        self.ratings.append(rating)

    def render(self) -> dict:
        for comments in self.comments.values():
            for comment in comments:
                comment.pop("post_id", None)
            comments.sort(key=lambda c: (c["created_time"], c["id"]))
        posts = [post for _, post in sorted(self.published, key=lambda p: (p[0], p[1]["id"]))]
        return {"name": self.name, "posts": posts, "comments": {post["id"]: self.comments[post["id"]] for post in posts},
                "ratings": sorted(self.ratings, key=lambda r: (r["created_time"], r["reviewer"]["id"]))}


class InstitutionInstagram(InstitutionGraph):
    channel = "instagram"

    def __init__(self, rng: random.Random, institution: dict, window: tuple[datetime, datetime]):
        super().__init__(rng, institution, window, (2, 4))
        self.user_id, self.username = institution["instagram_user_id"], institution["x_username"].lower()
        self.comments: dict[str, list[dict]] = {}
        self.replies: dict[str, list[dict]] = {}

    def account(self) -> dict:
        return {"id": self.user_id, "username": self.username}

    def person(self) -> dict:
        user = people.x_user(self.rng)
        return {"id": self.ids.new(17, "1784"), "username": user["username"].lower()}

    def publish(self, created: datetime) -> None:
        rng = self.rng
        caption = texts.fill(rng, rng.choice(texts.ANNOUNCEMENTS), "es")
        if rng.random() < 0.5:
            caption += " " + rng.choice(texts.EMOJIS) + " " + rng.choice(texts.HASHTAGS["praise"])
        shortcode = "".join(rng.choice(SHORTCODE) for _ in range(11))
        media = {"id": self.ids.new(17, "18"), "caption": caption, "media_type": rng.choice(MEDIA_TYPES),
                 "permalink": f"https://www.instagram.com/p/{shortcode}/", "timestamp": graph_time(created),
                 "username": self.username}
        self.published.append((created, media))
        self.comments[media["id"]] = []
        informed = whole(created + minutes_around(rng, 120))
        if rng.random() < 0.1 and informed < self.window[1]:  # the account comments under its own medium
            text = texts.fill(rng, rng.choice(texts.ANNOUNCEMENTS), "es")
            self.comments[media["id"]].append(self.comment(self.account(), informed, text))

    def comment(self, author: dict, created: datetime, text: str, hidden: bool = False, parent: dict | None = None) -> dict:
        comment = {"id": self.ids.new(17, "17"), "text": text, "timestamp": graph_time(created), "username": author["username"],
                   "from": author}
        if parent is not None:
            comment["parent_id"] = parent["id"]
        comment["hidden"] = hidden
        return comment

    def inbound(self, created: datetime) -> None:
        rng = self.rng
        patient, media_id, lang = self.patient(), self.target(created), texts.language(rng)
        if rng.random() < INSTAGRAM_HIDDEN_SHARE:
            text = rng.choice(HIDDEN[lang]) if rng.random() < 0.6 else texts.message(rng, "noise", lang)
            self.comments[media_id].append(self.comment(patient, created, text, hidden=True))
            return
        kind = texts.intent(rng)
        top = self.comment(patient, created, texts.decorate(rng, kind, texts.message(rng, kind, lang)))
        self.comments[media_id].append(top)
        self.converse(top, patient, kind, lang, created)

    def reply(self, top: dict, author: dict, created: datetime, text: str) -> None:
        self.replies.setdefault(top["id"], []).append(self.comment(author, created, text, parent=top))

    def answer_text(self, top: dict, kind: str, lang: str) -> str:
        return f"@{top['username']} {super().answer_text(top, kind, lang)}"

    def render(self) -> dict:
        media = [m for _, m in sorted(self.published, key=lambda m: (m[0], m[1]["id"]))]
        order = lambda c: (c["timestamp"], c["id"])  # noqa: E731
        return {"username": self.username, "page_id": self.institution["facebook_page_id"], "media": media,
                "comments": {m["id"]: sorted(self.comments[m["id"]], key=order) for m in media},
                "replies": {comment_id: sorted(replies, key=order) for comment_id, replies in sorted(self.replies.items())}}


def graph_traffic(seed: int, institutions: list[dict], window: tuple[datetime, datetime], lead: timedelta = LEAD) -> dict:
    """The fake Graph API's data (``{"pages": ..., "ig_users": ...}``) of the institutions over the window
    (posts and media from ``lead`` before it; bench/scale.py generates week after week with none)."""
    data = {"pages": {}, "ig_users": {}}
    for institution in institutions:
        facebook = InstitutionFacebook(random.Random(f"{seed}:{institution['institution_id']}:facebook"), institution, window)
        facebook.generate(lead)
        data["pages"][facebook.page_id] = facebook.render()
        instagram = InstitutionInstagram(random.Random(f"{seed}:{institution['institution_id']}:instagram"), institution, window)
        instagram.generate(lead)
        data["ig_users"][instagram.user_id] = instagram.render()
    check_unique_ids(data)
    return data


def check_unique_ids(data: dict) -> None:
    """Graph ids are global: two institutions drawing the same random id would make the fake ambiguous."""
    ids = [*data["pages"], *data["ig_users"]]
    for page in data["pages"].values():
        ids += [p["id"] for p in page["posts"]] + [c["id"] for cs in page["comments"].values() for c in cs]
    for user in data["ig_users"].values():
        ids += [m["id"] for m in user["media"]] + [c["id"] for cs in [*user["comments"].values(), *user["replies"].values()]
                                                   for c in cs]
    if len(ids) != len(set(ids)):
        raise ValueError("generated Graph ids collide; choose another seed")
