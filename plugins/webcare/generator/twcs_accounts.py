"""A multi-account "Customer Support on Twitter" export (the Kaggle twcs.csv shape) and its truth.

``twcs_accounts_export`` writes invented brands' support accounts plus two institutions of the
institutions seed (``hsn``, whose own rows spell its handle ``hospsierranorte``, and ``hia``) in
one file, the way the Kaggle file mixes dozens of companies: the account of each message must be
taken from the file itself (docs/file-imports.md, "Accounts from the data"). The file holds every
case those definitions decide: posts addressed to two accounts, an account answering a post
addressed to another, posts that mention no known account (answered directly, or follow-ups in a
conversation, or with no account at all: rejected), mentions that are not accounts (a private
person, a brand that never writes, an e-mail address), handles in other cases, unanswered posts,
posts answered twice, late replies, follow-ups to replies, replies to posts not in the file, ids
as floats and in scientific notation, quoted texts with line breaks, and one broken row (a bare
``\\r`` in an unquoted text, which the csv module reads as two short rows).

The truth is computed from the generated posts by applying the definitions literally (never from
the import code): ``accounts``, ``messages`` (one per inbound copy), ``rejected``, ``records``,
``registered`` and ``cases`` (message ids of each case, so a test can point at them).
``rejected`` and ``records`` are those of an import with ``--register-accounts``; without it every
record of a registered account (``accounts[a]["messages"]`` of each) is rejected as well, naming
the account. Times and minutes are calendar ones; business minutes and SLA status are None (no
schedule or SLA policy covers 2017, registered institutions have none).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import texts
from .export import TWCS_COLUMNS, Export, csv_row, float_id, physical_lines, twitter_time
from .institutions import load_institutions

MENTION = re.compile(r"(?<![A-Za-z0-9_])@([A-Za-z0-9_]{1,15})")
YEAR_START = datetime(2017, 1, 2, 8, tzinfo=timezone.utc)
CONVERSATION_DAYS = 310          # first posts up to early November: every reply stays in 2017
SEED_ACCOUNTS = ("hsn", "hia")
PREFIXES = ("Acme", "Beta", "Nimbus", "Orion", "Vela", "Kappa", "Lumen", "Solaris", "Terra", "Nova",
            "Atlas", "Zenit", "Polar", "Boreal", "Cobalt", "Delta", "Ember", "Fjord", "Garnet", "Helix",
            "Iris", "Jade", "Koru", "Lyra", "Mistral", "Nexo", "Onda", "Pampa", "Quasar", "Rumbo",
            "Sirio", "Tundra")
SUFFIXES = ("CareHelp", "Support", "Cares", "Help", "Ayuda", "Atiende", "Service", "Desk")
GHOST_BRANDS = ("ZetaFarmaCare", "OmegaSaludHelp", "XiClinicDesk")     # mentioned, never write
PRIVATE_HANDLES = ("lucia_mv82", "pepe_runner", "martagarcia_", "jlopez_77", "anita_perez")
HSN_MENTIONS = ("HospSierraNorte", "hospsierranorte", "HOSPSIERRANORTE", "HospSierranorte", "hospSierraNorte")
BREAKS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
SECOND_PARAGRAPHS = ("Gracias de antemano", "Es urgente", "Un saludo", "Espero respuesta",
                     "Thanks in advance", "Please help")
QUOTED = ('me dijeron "mañana sin falta" y nada', 'el "sistema" no funciona, otra vez',
          'dicen que es "normal", ¿en serio?')
REASON_NO_ACCOUNT = "addresses no known account and no account answered it"
# The one broken row: a bare \r in an unquoted text (no comma, no quote, so it is not quoted).
BROKEN_TEXT = "Llevo tres semanas esperando la cita\rnadie coge el telefono"

# Conversations of each special kind (the rest are plain ones).
FORCED = {"two_both": 6, "two_one": 6, "two_none": 3, "other_answers": 6, "direct": 6, "direct_two": 4,
          "direct_tie": 2, "follow_conv": 5, "self_thread_conv": 3, "conv_other_first": 2,
          "no_account": 1, "private": 4, "ghost": 4, "email": 4, "repeated": 3, "twice": 6, "late": 6,
          "mid": 5, "mid_patient": 3, "broken": 1}


@dataclass(eq=False)
class _Post:
    account: str | None          # the brand key / seed id of a company post; None for a patient
    customer: str                # the conversation's customer (anonymised id)
    created: datetime
    text: str
    parent: "_Post | None" = None
    in_file: bool = True
    broken: bool = False
    tags: set = field(default_factory=set)
    id: int = 0
    written: str = ""            # author_id as written in the file
    conversation: int = 0
    line: int = 0

    @property
    def inbound(self) -> bool:
        return self.account is None


def _brands(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    if not 4 <= count <= len(PREFIXES):
        raise ValueError(f"brands must be between 4 and {len(PREFIXES)}, got {count}")
    brands = []
    for prefix in rng.sample(PREFIXES, count):
        options = [prefix + s for s in SUFFIXES if len(prefix + s) <= 15 and (prefix + s).lower() not in taken]
        brands.append(rng.choice(options))
    return brands


def seed_identifiers() -> dict[str, str]:
    """Every identifier of a seed institution (lower-cased) -> its institution id."""
    known = {}
    for row in load_institutions():
        for column in ("institution_id", "x_user_id", "x_username", "google_location_id",
                       "facebook_page_id", "instagram_user_id"):
            if row.get(column):
                known[row[column].lower()] = row["institution_id"]
    return known


class _Builder:
    def __init__(self, rng: random.Random, brands: list[str], handles: dict[str, str]):
        self.rng = rng
        self.brands = brands
        self.handles = handles           # account key -> canonical handle (seed spelling for seed ones)
        self.accounts = list(brands) + list(SEED_ACCOUNTS)
        self.variant_writers = set(rng.sample(brands, 2))   # brands whose rows spell the handle two ways
        self.customers: set[str] = set()
        self.posts: list[_Post] = []
        self.swaps: list[tuple[_Post, _Post]] = []          # (earlier reply, later reply): later first in file
        self.conversation = 0

    # -- pieces -----------------------------------------------------------------------------
    def customer(self) -> str:
        while True:
            number = str(self.rng.randint(100_000, 999_999))
            if number not in self.customers:
                self.customers.add(number)
                return number

    def pick(self, count: int = 1, avoid: tuple = ()) -> list[str]:
        pool = [a for a in self.accounts if a not in avoid]
        weights = [3 if a in SEED_ACCOUNTS else 1 for a in pool]
        chosen: list[str] = []
        while len(chosen) < count:
            account = self.rng.choices(pool, weights)[0]
            if account not in chosen:
                chosen.append(account)
        return chosen

    def mention(self, account: str) -> str:
        handle = self.handles[account]
        if account == "hsn":
            return "@" + self.rng.choice(HSN_MENTIONS)
        roll = self.rng.random()
        return "@" + (handle.lower() if roll < 0.1 else handle.upper() if roll < 0.15 else handle)

    def body(self) -> tuple[str, str]:
        lang = texts.language(self.rng)
        kind = self.rng.choice(("question", "complaint", "complaint", "praise"))
        return texts.decorate(self.rng, kind, texts.message(self.rng, kind, lang)), lang

    def delay(self, late: bool = False) -> timedelta:
        rng = self.rng
        if late:
            return timedelta(days=rng.randint(3, 20), seconds=rng.randint(0, 86_399))
        roll = rng.random()
        if roll < 0.7:
            return timedelta(seconds=rng.randint(40, 3 * 3600))
        if roll < 0.9:
            return timedelta(seconds=rng.randint(3 * 3600, 24 * 3600))
        return timedelta(seconds=rng.randint(24 * 3600, 3 * 86_400))

    def patient(self, customer: str, created: datetime, mentions: list[str], parent: _Post | None = None,
                extra: str = "", tags: tuple = ()) -> _Post:
        text, _ = self.body()
        if extra:
            text = f"{text} {extra}"
        if mentions and self.rng.random() < 0.2 and not parent:
            text = f"{text} {' '.join(mentions)}"          # the mention at the end
        elif mentions:
            text = f"{' '.join(mentions)} {text}"
        return self.add(_Post(None, customer, created, text, parent, tags=set(tags)))

    def follow_up(self, customer: str, created: datetime, mentions: list[str], parent: _Post,
                  tags: tuple = ()) -> _Post:
        lang = "es" if self.rng.random() < 0.8 else "en"
        text = self.rng.choice(texts.FOLLOW_UPS[lang])
        text = f"{' '.join(mentions)} {text}" if mentions else text
        return self.add(_Post(None, customer, created, text, parent, tags=set(tags) | {"follow_up"}))

    def reply(self, account: str, parent: _Post, created: datetime, tags: tuple = ()) -> _Post:
        lang = "en" if parent.text.isascii() and self.rng.random() < 0.5 else "es"
        kind = self.rng.choice(("question", "complaint"))
        text = f"@{parent.customer} {self.rng.choice(texts.X_REPLIES[kind, lang])}"
        if self.rng.random() < 0.3:
            text += f" ^{self.rng.choice('ABCDEFGHJKLMNPRS')}{self.rng.choice('ABCDEFGHJKLMNPRS')}"
        return self.add(_Post(account, parent.customer, created, text, parent, tags=set(tags)))

    def add(self, post: _Post) -> _Post:
        post.conversation = self.conversation
        self.posts.append(post)
        return post

    def start(self) -> tuple[str, datetime]:
        self.conversation += 1
        moment = YEAR_START + timedelta(seconds=self.rng.randint(0, CONVERSATION_DAYS * 86_400))
        return self.customer(), moment

    # -- conversations ----------------------------------------------------------------------
    def plain(self, account: str | None = None, answered: bool | None = None) -> None:
        rng = self.rng
        customer, t0 = self.start()
        account = account or self.pick()[0]
        first = self.patient(customer, t0, [self.mention(account)])
        if answered is None:
            answered = rng.random() < 0.78
        if not answered:
            first.tags.add("unanswered")
            return
        answer = self.reply(account, first, t0 + self.delay())
        if rng.random() < 0.5:
            mentions = [self.mention(account)] if rng.random() < 0.7 else []
            again = self.follow_up(customer, answer.created + self.delay(), mentions, answer)
            if rng.random() < 0.5:
                self.reply(account, again, again.created + self.delay())

    def special(self, kind: str) -> None:
        rng = self.rng
        customer, t0 = self.start()
        if kind in ("two_both", "two_one", "two_none"):
            a, b = self.pick(2)
            first = self.patient(customer, t0, [self.mention(a), self.mention(b)], tags=("two_accounts", kind))
            if kind == "two_both":
                self.reply(a, first, t0 + self.delay())
                self.reply(b, first, t0 + self.delay())
            elif kind == "two_one":
                self.reply(rng.choice((a, b)), first, t0 + self.delay())
        elif kind == "other_answers":
            a, b = self.pick(2)
            first = self.patient(customer, t0, [self.mention(a)], tags=("answered_by_other",))
            self.reply(b, first, t0 + self.delay(), tags=("answers_nothing",))
            if rng.random() < 0.5:
                self.reply(a, first, t0 + self.delay())
        elif kind == "direct":
            a = self.pick()[0]
            extra = "@" + rng.choice(PRIVATE_HANDLES) if rng.random() < 0.4 else ""
            first = self.patient(customer, t0, [], extra=extra, tags=("direct_no_mention",))
            self.reply(a, first, t0 + self.delay())
        elif kind == "direct_two":
            a, b = self.pick(2)
            first = self.patient(customer, t0, [], tags=("direct_no_mention", "direct_two"))
            early = self.reply(a, first, t0 + self.delay())
            late = self.reply(b, first, early.created + self.delay())
            self.swaps.append((early, late))       # the later replier first in the file
        elif kind == "direct_tie":
            a, b = self.pick(2)
            first = self.patient(customer, t0, [], tags=("direct_no_mention", "direct_tie"))
            moment = t0 + self.delay()
            one = self.reply(a, first, moment)
            two = self.reply(b, first, moment)
            self.swaps.append((one, two))          # the larger id first in the file: the line decides
        elif kind == "follow_conv":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a)])
            answer = self.reply(a, first, t0 + self.delay())
            self.follow_up(customer, answer.created + self.delay(), [], answer, tags=("conversation_account",))
        elif kind == "self_thread_conv":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a)])
            self.patient(customer, t0 + timedelta(seconds=rng.randint(30, 900)), [], parent=first,
                         tags=("conversation_account", "self_thread"))
            self.reply(a, first, t0 + timedelta(hours=2) + self.delay())
        elif kind == "conv_other_first":
            a, b = self.pick(2)
            first = self.patient(customer, t0, [self.mention(a)], tags=("answered_by_other",))
            other = self.reply(b, first, t0 + timedelta(seconds=rng.randint(60, 1800)), tags=("answers_nothing",))
            own = self.reply(a, first, other.created + self.delay())
            self.follow_up(customer, own.created + self.delay(), [], own,
                           tags=("conversation_account", "conversation_earliest_other"))
        elif kind == "no_account":
            self.patient(customer, t0, [], extra=f"@{GHOST_BRANDS[0]} @{PRIVATE_HANDLES[0]}", tags=("no_account",))
        elif kind == "private":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a)], extra="@" + rng.choice(PRIVATE_HANDLES),
                                 tags=("private_mention",))
            if rng.random() < 0.6:
                self.reply(a, first, t0 + self.delay())
        elif kind == "ghost":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a), "@" + rng.choice(GHOST_BRANDS)],
                                 tags=("ghost_mention",))
            if rng.random() < 0.6:
                self.reply(a, first, t0 + self.delay())
        elif kind == "email":
            a, b = self.pick(2, avoid=SEED_ACCOUNTS)
            mail = f"{rng.choice(('atencion', 'info', 'clientes'))}@{self.handles[b].lower()}.com"
            first = self.patient(customer, t0, [self.mention(a)], extra=f"escribí a {mail} y nada",
                                 tags=("email_not_mention",))
            self.reply(a, first, t0 + self.delay())
        elif kind == "repeated":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a)], extra=self.mention(a) + " ??",
                                 tags=("repeated_mention",))
            if rng.random() < 0.6:
                self.reply(a, first, t0 + self.delay())
        elif kind == "twice":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a)], tags=("answered_twice",))
            early = self.reply(a, first, t0 + self.delay())
            late = self.reply(a, first, early.created + self.delay())
            self.swaps.append((early, late))
        elif kind == "late":
            a = self.pick()[0]
            first = self.patient(customer, t0, [self.mention(a)], tags=("late_reply",))
            self.reply(a, first, t0 + self.delay(late=True))
        elif kind == "mid":
            a = self.pick()[0]
            missing = self.patient(customer, t0, [self.mention(a)])
            missing.in_file = False
            answer = self.reply(a, missing, t0 + self.delay(), tags=("reply_to_missing",))
            self.follow_up(customer, answer.created + self.delay(), [], answer,
                           tags=("conversation_account", "in_missing_chain"))
        elif kind == "mid_patient":
            a = self.pick()[0]
            missing = self.add(_Post(a, customer, t0, f"@{customer} {texts.ANNOUNCEMENTS[1]}", None, in_file=False))
            later = t0 + self.delay()
            post = self.patient(customer, later, [self.mention(a)], parent=missing, tags=("reply_to_missing",))
            self.reply(a, post, later + self.delay())
        elif kind == "broken":
            a = self.pick(avoid=SEED_ACCOUNTS)[0]
            post = self.add(_Post(None, customer, t0, f"@{self.handles[a]} {BROKEN_TEXT}", None,
                                  broken=True, tags={"broken_row"}))
            self.reply(a, post, t0 + self.delay(), tags=("reply_to_broken",))
        else:
            raise ValueError(kind)


def _percentile(values: list[float], p: float) -> float | None:
    """PostgreSQL's percentile_cont: linear interpolation between the closest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    position = p * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _rfc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def twcs_accounts_export(path: str | Path, seed: int = 11, conversations: int = 900, brands: int = 22) -> Export:
    """Write the export to ``path`` and return it with its truth (deterministic from ``seed``)."""
    forced = sum(FORCED.values())
    if conversations < forced + 2 * brands:
        raise ValueError(f"conversations must be at least {forced + 2 * brands}, got {conversations}")
    rng = random.Random(seed)
    seed_rows = {row["institution_id"]: row for row in load_institutions()}
    known_seed = seed_identifiers()
    taken = set(known_seed) | {h.lower() for h in GHOST_BRANDS + PRIVATE_HANDLES}
    brand_handles = _brands(rng, brands, taken)
    handles = {b: b for b in brand_handles}
    handles.update({i: seed_rows[i]["x_username"] for i in SEED_ACCOUNTS})
    build = _Builder(rng, brand_handles, handles)

    plan = [kind for kind, count in FORCED.items() for _ in range(count)]
    plan += ["plain"] * (conversations - len(plan))
    rng.shuffle(plan)
    round_robin = iter(build.accounts * 2)      # the first plain ones: every account answers twice at least
    for kind in plan:
        if kind == "plain":
            account = next(round_robin, None)
            build.plain(account, answered=True if account else None)
        else:
            build.special(kind)
    posts = build.posts

    # Texts: line breaks (quoted), quotes, commas; then authors as written.
    patients = [p for p in posts if p.inbound and p.in_file and not p.broken]
    chosen = rng.sample(patients, 4 * 5)
    for i, post in enumerate(chosen):
        fmt = ("lf", "crlf", "cr", "quote", "comma")[i % 5]
        if fmt in BREAKS:
            post.text = f"{post.text}{BREAKS[fmt]}{rng.choice(SECOND_PARAGRAPHS)}"
        elif fmt == "quote":
            post.text = f"{post.text} {rng.choice(QUOTED)}"
        else:
            post.text = f"{post.text}, y otra cosa, ¿me llamáis?"
        post.tags.add("text_" + fmt)
    companies = [p for p in posts if not p.inbound and p.in_file]
    for i, post in enumerate(rng.sample(companies, 6)):
        fmt = ("lf", "crlf", "cr")[i % 3]
        post.text = f"{post.text}{BREAKS[fmt]}Un saludo, equipo de atención"
        post.tags.add("text_" + fmt)
    for post in posts:
        if post.inbound:
            post.written = post.customer
        elif post.account == "hsn":
            post.written = handles["hsn"].lower()
        elif post.account in build.variant_writers and rng.random() < 0.35:
            post.written = handles[post.account].lower() if rng.random() < 0.7 else handles[post.account].upper()
        else:
            post.written = handles[post.account]

    # Ids increase with time (as X ids do), with gaps.
    number = 118_000
    for _, post in sorted(enumerate(posts), key=lambda item: (item[1].created, item[0])):
        number += rng.randint(1, 40)
        post.id = number

    # File order: conversations grouped, shuffled, and shuffled inside.
    blocks: dict[int, list[_Post]] = {}
    for post in posts:
        if post.in_file:
            blocks.setdefault(post.conversation, []).append(post)
    order = list(blocks)
    rng.shuffle(order)
    rows: list[_Post] = []
    for key in order:
        block = blocks[key]
        rng.shuffle(block)
        for early, late in build.swaps:
            if early in block and late in block:
                i, j = block.index(early), block.index(late)
                if i < j:
                    block[i], block[j] = block[j], block[i]
        rows.extend(block)

    # One brand's first row in the file spells its handle in lower case: that spelling names the account.
    first_variant = sorted(build.variant_writers)[0]
    next(p for p in rows if p.account == first_variant).written = handles[first_variant].lower()

    children: dict[int, list[_Post]] = {}
    for post in rows:
        if post.parent is not None:
            children.setdefault(post.parent.id, []).append(post)
    lines = [",".join(TWCS_COLUMNS) + "\n"]
    line = 2
    written_ids = {}
    for post in rows:
        post.line = line
        tweet_id = float_id(rng, post.id, plain=0.6)
        written_ids[post.id] = tweet_id
        responses = ",".join(str(c.id) for c in sorted(children.get(post.id, []), key=lambda c: c.id))
        parent = float_id(rng, post.parent.id, plain=0.3) if post.parent is not None else ""
        cells = [tweet_id, post.written, str(post.inbound), twitter_time(post.created), post.text, responses, parent]
        if post.broken:
            assert not any(c in post.text for c in ',"\n') and "," not in responses
            row = ",".join(cells) + "\n"
        else:
            row = csv_row(cells)
        lines.append(row)
        line += physical_lines(row)
    text = "".join(lines)
    path = Path(path)
    path.write_bytes(text.encode("utf-8"))

    truth = _truth(rows, posts, handles, seed_rows, known_seed, written_ids, build)
    return Export(path, truth)


def _truth(rows, posts, handles, seed_rows, known_seed, written_ids, build) -> dict:
    """Apply the definitions of docs/file-imports.md "Accounts from the data" to the rows."""
    read = [p for p in rows if not p.broken]
    in_file = {p.id: p for p in read}
    seed_spelling = {i: row["x_username"] for i, row in seed_rows.items()}
    # Known accounts: seed identifiers, then the authors of the institution rows (first spelling in file order).
    canonical: dict[str, str] = {}            # lower-cased handle -> account (canonical spelling)
    institution: dict[str, str] = {}          # account -> institution id
    for key, inst in known_seed.items():
        canonical[key] = seed_spelling[inst]
        institution[seed_spelling[inst]] = inst
    for post in read:
        if not post.inbound and post.written.lower() not in canonical:
            canonical[post.written.lower()] = post.written
            institution[post.written] = post.written.lower()
    registered = {a for a in institution if a not in seed_spelling.values()}
    seed_ids = set(seed_rows)
    for account in sorted(registered):
        base, n = institution[account], 1
        while institution[account] in seed_ids:
            n += 1
            institution[account] = f"{base}_{n}"

    def account_of(post: _Post) -> str:
        return canonical[post.written.lower()]

    def order(post: _Post) -> tuple:
        return (post.created, post.line)

    def root(post: _Post) -> int:
        while post.parent is not None and post.parent.id in in_file:
            post = post.parent
        return post.parent.id if post.parent is not None else post.id

    replies: dict[int, list[_Post]] = {}
    conversation: dict[int, list[_Post]] = {}
    for post in read:
        if post.parent is not None:
            replies.setdefault(post.parent.id, []).append(post)
        conversation.setdefault(root(post), []).append(post)

    messages, rejected = [], []
    own = {a: 0 for a in institution}
    for post in read:
        if not post.inbound:
            own[account_of(post)] += 1
    addressed: list[tuple[_Post, str, str]] = []       # (post, account, how)
    for post in read:
        if not post.inbound:
            continue
        mentioned: list[str] = []
        for handle in MENTION.findall(post.text):
            account = canonical.get(handle.lower())
            if account and account not in mentioned:
                mentioned.append(account)
        if mentioned:
            addressed += [(post, a, "mention") for a in mentioned]
            continue
        direct = sorted((r for r in replies.get(post.id, []) if not r.inbound), key=order)
        if direct:
            addressed.append((post, account_of(direct[0]), "direct"))
            continue
        members = sorted((m for m in conversation[root(post)] if not m.inbound), key=order)
        if members:
            addressed.append((post, account_of(members[0]), "conversation"))
            continue
        rejected.append({"line": post.line, "column": "text", "reason_fragment": REASON_NO_ACCOUNT})
    for post in rows:
        if post.broken:
            rejected.append({"line": post.line, "column": "response_tweet_id",
                             "reason_fragment": "row has 5 of 7 columns, response_tweet_id and after missing"})
            rejected.append({"line": post.line + 1, "column": "created_at",
                             "reason_fragment": "row has 3 of 7 columns, created_at and after missing"})
    rejected.sort(key=lambda r: r["line"])

    how_of: dict[str, list[str]] = {"direct": [], "conversation": []}
    for post, account, how in addressed:
        answers = sorted((r for r in replies.get(post.id, []) if not r.inbound and account_of(r) == account),
                         key=order)
        first = answers[0].created if answers else None
        minutes = (first - post.created).total_seconds() / 60 if first else None
        if how != "mention":
            how_of[how].append(str(post.id))
        messages.append({
            "message_id": str(post.id), "account_id": account, "institution_id": institution[account],
            "channel": "x", "created_at": _rfc(post.created), "answered": first is not None,
            "first_response_at": _rfc(first) if first else None, "first_response_minutes": minutes,
            "first_response_business_minutes": None, "sla_status": None, "line": post.line})

    accounts = {}
    for account in institution:
        mine = [m for m in messages if m["account_id"] == account]
        if not own[account] and not mine:
            continue                         # seed institutions that are not in this file
        minutes = [m["first_response_minutes"] for m in mine if m["answered"]]
        accounts[account] = {
            "institution_id": institution[account], "registered": account in registered,
            "messages": own.get(account, 0) + len(mine), "inbound": len(mine), "answered": len(minutes),
            "median_first_response_minutes": _percentile(minutes, 0.5),
            "p90_first_response_minutes": _percentile(minutes, 0.9)}

    ids = lambda tag: [str(p.id) for p in rows if tag in p.tags]   # noqa: E731
    spelled = {}
    for post in read:
        if not post.inbound:
            spelled.setdefault(account_of(post), set()).add(post.written)
    mention_variants = []
    for post in read:
        if post.inbound and any(canonical.get(h.lower()) and canonical[h.lower()] != h
                                for h in MENTION.findall(post.text)):
            mention_variants.append(str(post.id))
    broken = next(p for p in rows if p.broken)
    cases = {
        "two_accounts": ids("two_accounts"), "two_accounts_both_answer": ids("two_both"),
        "two_accounts_one_answers": ids("two_one"), "two_accounts_none_answers": ids("two_none"),
        "answered_by_other": ids("answered_by_other"), "answers_nothing": ids("answers_nothing"),
        "direct_no_mention": ids("direct_no_mention"), "direct_two_accounts": ids("direct_two"),
        "direct_same_second": ids("direct_tie"),
        "conversation_account": ids("conversation_account"),
        "conversation_earliest_other": ids("conversation_earliest_other"),
        "conversation_of_missing_top": ids("in_missing_chain"),
        "no_account": ids("no_account"),
        "private_mention": ids("private_mention"), "ghost_mention": ids("ghost_mention"),
        "email_not_mention": ids("email_not_mention"), "repeated_mention": ids("repeated_mention"),
        "ghost_handles": list(GHOST_BRANDS), "private_handles": list(PRIVATE_HANDLES),
        "mention_case_variants": mention_variants,
        "author_case_variants": {a: sorted(s) for a, s in sorted(spelled.items()) if len(s) > 1},
        "unanswered": [k for k in dict.fromkeys(m["message_id"] for m in messages)
                       if not any(m["answered"] for m in messages if m["message_id"] == k)],
        "answered_twice": ids("answered_twice"), "late_reply": ids("late_reply"),
        "follow_up_to_reply": [str(p.id) for p in read if p.inbound and p.parent is not None
                               and not p.parent.inbound and p.parent.id in in_file],
        "reply_to_missing": [str(p.id) for p in read if p.parent is not None and p.parent.id not in in_file
                             and not p.parent.broken],
        "float_ids": [str(p.id) for p in read if written_ids[p.id].endswith(".0")],
        "scientific_ids": [str(p.id) for p in read if "e+" in written_ids[p.id]],
        "texts": {str(p.id): p.text for p in read if p.tags & {"text_lf", "text_crlf", "text_cr", "text_quote",
                                                               "text_comma"}},
        "text_lf": ids("text_lf"), "text_crlf": ids("text_crlf"), "text_cr": ids("text_cr"),
        "text_quote": ids("text_quote"), "text_comma": ids("text_comma"),
        "broken_row": {"message_id": str(broken.id), "lines": [broken.line, broken.line + 1],
                       "reply_ids": [str(p.id) for p in read if p.parent is broken]},
        "addressed_by": how_of,      # the posts mentioning no known account: how their account was found
    }
    return {
        "accounts": accounts,
        "messages": messages,
        "rejected": rejected,
        "records": sum(own.values()) + len(messages),
        "registered": [{"account": a, "institution_id": institution[a]} for a in sorted(registered, key=str.lower)],
        "cases": cases,
    }
