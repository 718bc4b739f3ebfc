"""The awkward cases of real clocks, added to the regular traffic of the first institution.

Each case is a record the fake APIs serve exactly as the platform would, with its own seeded
random stream (so the regular traffic does not change when a case is added):

- **after the cutoff**: a Google review and an X mention written a few minutes after each UTC
  midnight inside the window. A run starts after midnight, so the API already serves them when
  the run for the day before reads it; they belong to the next day's run.
- **late Google reply**: a review answered three weeks after it was written (beyond the window).
- **deleted posts**: an unanswered review and an unanswered mention their authors delete half a
  day before the window ends (the line's ``deleted_from``: the fake APIs stop serving them then).
- **X edits**: a mention edited a few minutes after it was posted. X gives the edit a new post id
  (``edit_history_tweet_ids`` lists every version's id, the first one first) and its timeline
  shows only the latest version from then on; the institution replies to the first version of
  one edited mention and to the edited version of another.

Every case goes through the same ground truth (webcare.generator.truth) as the regular traffic.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from . import people
from .snowflake import snowflake
from .times import google_time, x_time

AFTER_CUTOFF = timedelta(minutes=5)   # how long after midnight the after-cutoff posts are written
LATE_REPLY = timedelta(days=21, hours=3)
EDIT_AFTER = timedelta(minutes=7)
DELETED_BEFORE_END = timedelta(hours=12)
SEQUENCE_BASE = 3000  # snowflake sequence numbers of these posts: never those of the regular traffic


def midnights(window: tuple[datetime, datetime]) -> list[datetime]:
    start, end = window
    return [start + timedelta(days=n) for n in range(1, (end - start).days)]


def google_cases(seed: int, institution: dict, window: tuple[datetime, datetime]) -> list[dict]:
    """google_reviews lines: after-cutoff reviews and one review answered three weeks late."""
    rng = random.Random(f"{seed}:{institution['institution_id']}:google:awkward")
    location = f"accounts/{institution['google_account_id']}/locations/{institution['google_location_id']}"
    lines = []

    def review(key: str, created: datetime, comment: str, stars: str, reply: tuple[datetime, str] | None) -> None:
        name = f"{location}/reviews/{key}"
        state = {"name": name, "reviewId": key, "reviewer": people.reviewer(rng), "starRating": stars,
                 "comment": comment, "createTime": google_time(created), "updateTime": google_time(created)}
        lines.append({"location": location, "visible_from": google_time(created), "review": dict(state)})
        if reply:
            replied, text = reply
            state["reviewReply"] = {"comment": text, "updateTime": google_time(replied)}
            lines.append({"location": location, "visible_from": google_time(replied), "review": state})

    for n, midnight in enumerate(midnights(window)):
        created = midnight + AFTER_CUTOFF + timedelta(seconds=rng.randrange(60), microseconds=rng.randrange(10**6))
        answered = (created + timedelta(hours=9, minutes=rng.randrange(60)), "Gracias por su reseña.") if n % 2 else None
        review(f"after-cutoff-{n}", created, "Llevo desde las doce esperando en urgencias.", "TWO", answered)
    # deleted by its author, unanswered, half a day before the window ends (a run after the window misses it)
    created = window[0] + timedelta(days=1, hours=15, minutes=rng.randrange(60))
    review("deleted-unanswered", created, "Vergonzoso, cuatro horas en la sala de espera.", "ONE", None)
    lines[-1]["deleted_from"] = google_time(window[1] - DELETED_BEFORE_END)
    created = window[0] + timedelta(days=1, hours=10, minutes=rng.randrange(60))
    review("late-reply", created, "Nadie me ha llamado para la resonancia.", "ONE",
           (created + LATE_REPLY, "Sentimos la demora, ya tiene cita. Escríbanos por privado."))
    return lines


def x_cases(seed: int, institution: dict, window: tuple[datetime, datetime]) -> tuple[list[dict], list[dict]]:
    """(x_tweets lines, their patients): after-cutoff mentions and edited mentions, with the replies to them."""
    rng = random.Random(f"{seed}:{institution['institution_id']}:x:awkward")
    account = {"id": institution["x_user_id"], "username": institution["x_username"]}
    lines, patients = [], []
    sequence = iter(range(SEQUENCE_BASE, 4096))

    def post_id(moment: datetime) -> str:
        return str(snowflake(int(moment.timestamp() * 1000), next(sequence)))

    def tweet(moment: datetime, author: dict, text: str, timeline: str, reply_to: str | None = None,
              history: list[str] | None = None, tweet_id: str | None = None) -> dict:
        tweet_id = tweet_id or post_id(moment)
        body = {"id": tweet_id, "text": text, "author_id": author["id"], "created_at": x_time(moment),
                "conversation_id": tweet_id, "lang": "es", "edit_history_tweet_ids": history or [tweet_id]}
        if reply_to:
            body |= {"in_reply_to_user_id": timeline, "referenced_tweets": [{"type": "replied_to", "id": reply_to}],
                     "conversation_id": reply_to}
        mentioned = account if author is not account else {"id": timeline}
        if author is not account:
            start = text.index(f"@{account['username']}")
            body["entities"] = {"mentions": [{"start": start, "end": start + len(account["username"]) + 1,
                                              "username": account["username"], "id": account["id"]}]}
        line = {"tweet": body, "mentions_user_ids": [mentioned["id"]]}
        lines.append(line)
        return line

    for n, midnight in enumerate(midnights(window)):
        patient = people.x_user(rng)
        patients.append(patient)
        created = midnight + AFTER_CUTOFF - timedelta(minutes=2) + timedelta(seconds=rng.randrange(60))
        mention = tweet(created, patient, f"@{account['username']} ¿A qué hora abre hoy la farmacia?", account["id"])
        if n % 2:
            tweet(created + timedelta(hours=8, minutes=rng.randrange(50)), account,
                  f"@{patient['username']} Abre a las 9:00.", patient["id"], reply_to=mention["tweet"]["id"])
    for n, answer_version in enumerate(("first", "edited", None)):
        patient = people.x_user(rng)
        patients.append(patient)
        created = window[0] + timedelta(days=2 + n, hours=9 + n, minutes=rng.randrange(50))
        original = tweet(created, patient, f"@{account['username']} No me dan cita para el traumatólogo", account["id"])
        first_id = original["tweet"]["id"]
        edited_at = created + EDIT_AFTER
        edited_id = post_id(edited_at)
        history = [first_id, edited_id]
        original["tweet"]["edit_history_tweet_ids"] = history  # a lookup of any version shows the whole history
        original["superseded_at"] = x_time(edited_at)          # from then on the timeline shows the edit only
        tweet(edited_at, patient, f"@{account['username']} No me dan cita para el traumatólogo desde marzo",
              account["id"], history=history, tweet_id=edited_id)
        if answer_version:
            tweet(created + timedelta(hours=2 + n), account, f"@{patient['username']} Le escribimos por DM.",
                  patient["id"], reply_to=first_id if answer_version == "first" else edited_id)
    # deleted by its author, unanswered, half a day before the window ends
    patient = people.x_user(rng)
    patients.append(patient)
    created = window[0] + timedelta(days=1, hours=16, minutes=rng.randrange(50))
    gone = tweet(created, patient, f"@{account['username']} Es una vergüenza cómo tratan a los mayores", account["id"])
    gone["deleted_from"] = x_time(window[1] - DELETED_BEFORE_END)
    return lines, patients
