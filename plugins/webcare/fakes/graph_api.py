"""Facebook Graph and Instagram Graph API v21.0 (page posts, comments, ratings; IG media, comments, replies).

    fake = FakeGraph(sample_data(seed=1)).start()   # fake.base_url, fake.set_clock(...), fake.add_fault({...})

Shapes follow the official ones: cursor paging ``{"data", "paging": {"cursors": {"before", "after"}, "next"}}``
(no ``next`` on the last page), ``limit`` (default 25, at most 100), ``fields`` projection, times written
``2025-03-30T09:15:00+0000``, field expansion of an IG Comment's replies
(``fields=id,text,replies.limit(100){id,text}``: the edge's first page, with its own paging, inside each
comment; left out when empty), errors ``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}``.
An object is visible once its ``created_time``/``timestamp`` is not after the clock, or, when the data gives
it a ``visible_from`` (never served: a comment held for moderation and approved later), once that is not.
Computed fields, as Graph documents them: a Post's ``updated_time`` is the later of its creation and its
newest visible comment ("created, edited, or a user comments on the post"); an IG Media's
``comments_count`` counts its visible comments and their replies (hidden ones included).

Faults (``add_fault``), each with a ``match`` substring of ``path?query``, optional ``times`` (1) and
``after_pages`` (that many matching requests pass first):
  ``{"status": 500|502|503}``          a server error;
  ``{"code": 4|17|32|613}``            a rate limit: HTTP 400 with ``x-app-usage`` or ``x-business-use-case-usage``;
  ``{"code": 190}``                    an expired access token (subcode 463);
  ``{"restricted": true}``             a permissions error, code 10 (or ``"code": 200..299``), optional ``error_subcode``.
"""
from __future__ import annotations

import base64
import json
import random
import re
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlencode, urlsplit

from webcare.fakes.faults import FaultQueue
from webcare.fakes.threaded import ThreadedServer

VERSION = "v21.0"
PATH = re.compile(r"^/v21\.0/([0-9_]+)/(posts|comments|ratings|media|replies)$")
JSON = "application/json; charset=utf-8"
DEFAULT_LIMIT, MAX_LIMIT = 25, 100
SERVER_STATUSES = {500, 502, 503}
RATE_CODES = {4: "(#4) Application request limit reached", 17: "(#17) User request limit reached",
              32: "(#32) Page request limit reached", 613: "(#613) Calls to this api have exceeded the rate limit."}
SERVER_ERRORS = {500: (1, "An unknown error has occurred."), 502: (1, "An unknown error has occurred."),
                 503: (2, "Service temporarily unavailable")}
# node type -> (fields it has, fields returned when none are asked for)
NODES = {
    "Post": ({"id", "created_time", "updated_time", "message"}, ("created_time", "message", "id")),
    "Comment": ({"id", "created_time", "from", "message", "parent"}, ("created_time", "from", "message", "id")),
    "Recommendation": ({"created_time", "recommendation_type", "review_text", "reviewer"},
                       ("created_time", "recommendation_type", "review_text")),
    "IGMedia": ({"id", "caption", "comments_count", "media_type", "permalink", "timestamp", "username"}, ("id",)),
    "IGComment": ({"id", "text", "timestamp", "username", "from", "parent_id", "hidden"}, ("timestamp", "text", "id")),
}
EDGES = {"posts": "Post", "comments": "Comment", "ratings": "Recommendation", "media": "IGMedia"}


# field expansion (``fields=id,replies.limit(50){id,text}``): the edges that can be asked for inside a node
NESTED_EDGES = {"IGComment": ("replies",)}
_FIELD = re.compile(r"([a-z_]+)(?:\.limit\((\d+)\))?(?:\{([^{}]*)\})?(?:\.limit\((\d+)\))?$")


def parse_fields(text: str) -> list[tuple[str, str, str]]:
    """``fields`` as (name, limit, subfields): commas inside braces belong to the nested edge."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    fields = []
    for part in filter(None, parts):
        match = _FIELD.match(part)
        if not match or depth:
            raise GraphError(400, 100, f"(#100) Syntax error in fields: {part}")
        name, limit_before, sub, limit_after = match.groups()
        fields.append((name, limit_before or limit_after or str(DEFAULT_LIMIT), sub or ""))
    return fields


def graph_time(moment: datetime) -> str:
    """Graph style: seconds, ``+0000``."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+0000")


def parse_graph_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").astimezone(timezone.utc)


def visible_at(item: dict, field: str) -> datetime:
    """When an object becomes visible: its ``visible_from`` if the data gives one, else its creation time."""
    return parse_graph_time(item.get("visible_from") or item[field])


class GraphError(Exception):
    def __init__(self, status: int, code: int, message: str, type_: str = "OAuthException",
                 subcode: int | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.type, self.subcode, self.headers = status, code, type_, subcode, headers or {}


def encode_cursor(object_id: str) -> str:
    return base64.urlsafe_b64encode(f"cursor:{object_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except ValueError:
        text = ""
    if not text.startswith("cursor:"):
        raise GraphError(400, 100, "(#100) Invalid cursor")
    return text[len("cursor:"):]


class GraphApi:
    """The endpoints over ``data`` (see ``sample_data``), a clock, queued faults and a log of requests."""

    def __init__(self, data: dict, access_token: str | None = None, clock: datetime | None = None,
                 base_url: str | None = None):
        self.data = data
        self.access_token = access_token  # None accepts any non-empty token
        self.clock = clock or datetime.now(timezone.utc)
        self.base_url = base_url
        self.faults = FaultQueue()
        self.requests_log: list[tuple[str, str, dict, int]] = []
        self.lock = threading.Lock()
        self.trace = random.Random(0)
        self.owners = {}  # object id -> ("page"|"ig_user", owner id, node type of the object)
        for page_id, page in data.get("pages", {}).items():
            self.owners[page_id] = ("page", page_id, "Page")
            for post in page.get("posts", []):
                self.owners[post["id"]] = ("page", page_id, "Post")
            for comments in page.get("comments", {}).values():
                for comment in comments:
                    self.owners[comment["id"]] = ("page", page_id, "Comment")
        for user_id, user in data.get("ig_users", {}).items():
            self.owners[user_id] = ("ig_user", user_id, "IGUser")
            for media in user.get("media", []):
                self.owners[media["id"]] = ("ig_user", user_id, "IGMedia")
            for comments in [*user.get("comments", {}).values(), *user.get("replies", {}).values()]:
                for comment in comments:
                    self.owners[comment["id"]] = ("ig_user", user_id, "IGComment")

    # -- control -------------------------------------------------------------------------------------------------
    def set_clock(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        with self.lock:
            self.clock = now

    def add_fault(self, fault: dict) -> None:
        if not isinstance(fault.get("match"), str):
            raise ValueError(f"a fault needs a match string: {fault}")
        code = fault.get("code")
        if fault.get("restricted"):
            if code is not None and code != 10 and not 200 <= code <= 299:
                raise ValueError(f"a permissions fault has code 10 or 200..299: {fault}")
        elif fault.get("status") not in SERVER_STATUSES and code not in {*RATE_CODES, 190}:
            raise ValueError(f"a fault needs a status in {sorted(SERVER_STATUSES)}, a code in "
                             f"{sorted({*RATE_CODES, 190})} or restricted: {fault}")
        with self.lock:
            self.faults.add(fault)

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()

    def take_fault(self, target: str) -> dict | None:
        return self.faults.take(target)

    # -- requests ------------------------------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict, headers) -> tuple[int, dict, dict]:
        """(status, response headers, JSON body) for one request."""
        with self.lock:
            try:
                status, response_headers, body = 200, {"Content-Type": JSON}, self.api(method, path, query, headers)
            except GraphError as error:
                status, response_headers, body = error.status, {**error.headers, "Content-Type": JSON}, self.error(error)
            logged = {k: ("***" if k == "access_token" else v) for k, v in query.items()}
            self.requests_log.append((method, path, logged, status))
        return status, response_headers, body

    def error(self, error: GraphError) -> dict:
        body = {"message": str(error), "type": error.type, "code": error.code}
        if error.subcode is not None:
            body["error_subcode"] = error.subcode
        body["fbtrace_id"] = "".join(self.trace.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                                     for _ in range(23))
        return {"error": body}

    def api(self, method: str, path: str, query: dict, headers) -> dict:
        token = query.get("access_token", "")
        if not token:
            raise GraphError(400, 104, "An access token is required to request this resource.")
        if self.access_token is not None and token != self.access_token:
            raise GraphError(400, 190, "Invalid OAuth access token - Cannot parse access token")
        match = PATH.match(path)
        if method != "GET" or not match:
            raise GraphError(400, 2500, "Unknown path components: " + path)
        object_id, edge = match.groups()
        owner = self.owners.get(object_id)
        if owner is None or not self.edge_allowed(owner[2], edge):
            raise GraphError(400, 100, f"Unsupported get request. Object with ID '{object_id}' does not exist, cannot be "
                                       "loaded due to missing permissions, or does not support this operation. Please "
                                       "read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                             "GraphMethodException", 33)
        self.fault(self.take_fault(f"{path}?{urlencode(query)}"), owner)
        items, node = self.items(owner, object_id, edge, query)
        return self.page(items, node, path, query, headers)

    @staticmethod
    def edge_allowed(node: str, edge: str) -> bool:
        return edge in {"Page": {"posts", "ratings"}, "Post": {"comments"}, "Comment": {"comments"},
                        "IGUser": {"media"}, "IGMedia": {"comments"}, "IGComment": {"replies"}}[node]

    def fault(self, fault: dict | None, owner: tuple) -> None:
        if fault is None:
            return
        if fault.get("restricted"):
            code = fault.get("code", 10)
            message = ("(#10) This endpoint requires the 'pages_read_user_content' permission or the "
                       "'Page Public Content Access' feature." if code == 10 else f"(#{code}) Permissions error")
            raise GraphError(400, code, message, subcode=fault.get("error_subcode"))
        if "status" in fault:
            code, message = SERVER_ERRORS[fault["status"]]
            raise GraphError(fault["status"], code, message)
        if fault["code"] == 190:
            raise GraphError(400, 190, "Error validating access token: Session has expired.", subcode=463)
        minutes = fault.get("regain_minutes", 5)
        if fault["code"] in (4, 17):
            usage = {"x-app-usage": json.dumps({"call_count": 100, "total_cputime": 12, "total_time": 31})}
        else:
            kind = "pages" if owner[0] == "page" else "instagram"
            usage = {"x-business-use-case-usage": json.dumps({owner[1]: [{
                "type": kind, "call_count": 100, "total_cputime": 20, "total_time": 41,
                "estimated_time_to_regain_access": minutes}]})}
        raise GraphError(400, fault["code"], RATE_CODES[fault["code"]], headers=usage)

    def items(self, owner: tuple, object_id: str, edge: str, query: dict) -> tuple[list[dict], str]:
        """The edge's visible objects in the API's order, and their node type."""
        kind, owner_id, node = owner
        if kind == "page":
            page = self.data["pages"][owner_id]
            if edge == "posts":
                items = sorted(page.get("posts", []), key=lambda p: p["created_time"], reverse=True)
            elif edge == "ratings":
                items = sorted(page.get("ratings", []), key=lambda r: r["created_time"], reverse=True)
            else:
                post_id = object_id if node == "Post" else self.post_of(page, object_id)
                comments = page.get("comments", {}).get(post_id, [])
                if node == "Comment":
                    items = [c for c in comments if c.get("parent", {}).get("id") == object_id]
                elif query.get("filter", "toplevel") == "stream":
                    items = list(comments)
                elif query.get("filter", "toplevel") == "toplevel":
                    items = [c for c in comments if "parent" not in c]
                else:
                    raise GraphError(400, 100, "(#100) filter must be one of the following values: toplevel, stream")
                items.sort(key=lambda c: c["created_time"])
                if query.get("order", "chronological") == "reverse_chronological":
                    items.reverse()
            visible = [i for i in items if visible_at(i, "created_time") <= self.clock]
            if node in ("Post", "Comment") and parse_graph_time(self.node(object_id)["created_time"]) > self.clock:
                visible = []
            if edge == "posts":
                visible = [{**post, "updated_time": self.updated_time(page, post)} for post in visible]
        else:
            user = self.data["ig_users"][owner_id]
            if edge == "media":
                items = sorted(user.get("media", []), key=lambda m: m["timestamp"], reverse=True)
            elif edge == "comments":
                items = sorted(user.get("comments", {}).get(object_id, []), key=lambda c: c["timestamp"], reverse=True)
            else:
                items = sorted(user.get("replies", {}).get(object_id, []), key=lambda c: c["timestamp"])
            visible = [i for i in items if visible_at(i, "timestamp") <= self.clock]
            if edge == "media":
                visible = [{**medium, "comments_count": self.comments_count(user, medium["id"])} for medium in visible]
        return visible, {"replies": "IGComment", "comments": "IGComment" if kind == "ig_user" else "Comment"}.get(
            edge, EDGES.get(edge))

    def updated_time(self, page: dict, post: dict) -> str:
        """The later of the post's creation and its newest visible comment (Graph's ``updated_time``)."""
        times = [post["created_time"]] + [c["created_time"] for c in page.get("comments", {}).get(post["id"], [])
                                          if visible_at(c, "created_time") <= self.clock]
        return graph_time(max(parse_graph_time(t) for t in times))

    def comments_count(self, user: dict, media_id: str) -> int:
        """Visible comments of a medium and their visible replies (Graph's ``comments_count``)."""
        comments = [c for c in user.get("comments", {}).get(media_id, []) if visible_at(c, "timestamp") <= self.clock]
        return len(comments) + sum(visible_at(r, "timestamp") <= self.clock
                                   for c in comments for r in user.get("replies", {}).get(c["id"], []))

    def post_of(self, page: dict, comment_id: str) -> str:
        return next(post_id for post_id, comments in page.get("comments", {}).items()
                    if any(c["id"] == comment_id for c in comments))

    def node(self, object_id: str) -> dict:
        _, page_id, node = self.owners[object_id]
        page = self.data["pages"][page_id]
        candidates = page.get("posts", []) if node == "Post" else [c for cs in page.get("comments", {}).values() for c in cs]
        return next(c for c in candidates if c["id"] == object_id)

    def page(self, items: list[dict], node: str, path: str, query: dict, headers) -> dict:
        limit = query.get("limit", str(DEFAULT_LIMIT))
        if not limit.isdigit() or int(limit) < 1:
            raise GraphError(400, 100, f"(#100) The parameter limit must be a positive integer, got {limit}")
        size = min(int(limit), MAX_LIMIT)
        known, default = NODES[node]
        requested = parse_fields(query.get("fields", ""))
        fields = [name for name, _, _ in requested if name not in NESTED_EDGES.get(node, ())] or (
            [] if requested else list(default))
        nested = [(name, limit, sub) for name, limit, sub in requested if name in NESTED_EDGES.get(node, ())]
        for field in fields:
            if field not in known:
                raise GraphError(400, 100, f"(#100) Tried accessing nonexisting field ({field}) on node type ({node})")
        key = (lambda i: i["id"]) if node != "Recommendation" else (lambda i: f"{i['reviewer']['id']}:{i['created_time']}")
        start = 0
        if "after" in query:
            after = decode_cursor(query["after"])
            positions = [n for n, item in enumerate(items) if key(item) == after]
            start = positions[0] + 1 if positions else len(items)
        taken = items[start:start + size]
        body = {"data": [{f: item[f] for f in fields if f in item} for item in taken]}
        for name, nested_limit, sub in nested:  # field expansion: the edge's first page inside each object
            for item, shown in zip(taken, body["data"]):
                owner = self.owners[item["id"]]
                inner, inner_node = self.items(owner, item["id"], name, {})
                if inner:  # Graph leaves an empty edge out
                    shown[name] = self.page(inner, inner_node, f"/{VERSION}/{item['id']}/{name}",
                                            {"fields": sub, "limit": nested_limit}, headers)
        if taken:
            body["paging"] = {"cursors": {"before": encode_cursor(key(taken[0])), "after": encode_cursor(key(taken[-1]))}}
            if start + size < len(items):
                base = self.base_url or f"http://{headers.get('Host', 'graph.facebook.com')}"
                following = {**query, "limit": str(size), "after": body["paging"]["cursors"]["after"]}
                body["paging"]["next"] = f"{base}{path}?{urlencode(following)}"
        return body


class FakeGraph(ThreadedServer):
    """``GraphApi`` served over HTTP from a thread."""

    def __init__(self, data: dict, host: str = "127.0.0.1", port: int = 0, access_token: str | None = None,
                 clock: datetime | None = None):
        super().__init__(host, port)
        self.api = GraphApi(data, access_token=access_token, clock=clock)

    def handler_class(self) -> type:
        return handler(self.api)

    def start(self) -> "FakeGraph":
        super().start()
        self.api.base_url = self.base_url  # paging.next links point back at this server
        return self

    @property
    def requests_log(self) -> list[tuple[str, str, dict, int]]:
        return self.api.requests_log

    def set_clock(self, now: datetime) -> None:
        self.api.set_clock(now)

    def add_fault(self, fault: dict) -> None:
        self.api.add_fault(fault)

    def clear_faults(self) -> None:
        self.api.clear_faults()


def handler(api: GraphApi) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def respond(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            url = urlsplit(self.path)
            status, headers, payload = api.handle(self.command, url.path,
                                                  dict(parse_qsl(url.query, keep_blank_values=True)), self.headers)
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_DELETE = respond

        def log_message(self, *args) -> None:
            pass

    return Handler


# -- sample data ---------------------------------------------------------------------------------------------------
HOSPITALS = [("Hospital Universitario San Rafael", "hospitalsanrafael"), ("Clínica Santa Lucía", "clinicasantalucia"),
             ("Hospital General del Norte", "hgnorte"), ("Riverside Community Hospital", "riversidecommunity")]
PEOPLE = ["María López", "Javier Martín", "Lucía Fernández", "Carmen Ruiz", "Antonio Gómez", "Sofía Navarro",
          "Daniel Torres", "Elena Castillo", "Emily Carter", "James Walker", "Olivia Bennett", "Pablo Ortega"]
POSTS = ["Hoy celebramos el Día Mundial de la Salud con charlas abiertas en el vestíbulo.",
         "Nuevo horario de extracciones: de 8:00 a 14:00 de lunes a viernes.",
         "Campaña de vacunación de la gripe: pide tu cita en la app.",
         "Our new maternity ward opens next Monday. Visiting hours 12:00-20:00.",
         "Consejos para llegar a tu cita: aparcamiento gratuito en la planta -1.",
         "Gracias a todo el equipo de enfermería por su trabajo esta semana."]
COMMENTS = ["¿Alguien sabe si hoy funciona el servicio de cita previa? No cogen el teléfono.",
            "Llevo tres horas esperando en urgencias con mi madre y nadie nos dice nada.",
            "Muchísimas gracias al equipo de pediatría, trataron genial a mi hijo.",
            "¿Para pedir los resultados de la analítica hay que ir en persona?",
            "El parking está lleno todos los días, deberían ampliarlo.",
            "I've been trying to call the appointments line all morning, no answer.",
            "Thank you to the nurses on ward 4, you were amazing with my dad.",
            "Me cancelaron la operación por segunda vez sin avisar. Inaceptable.",
            "¿Se puede acompañar a un paciente ingresado por la noche?",
            "Great care in the ER last night, quick and kind."]
PAGE_REPLIES = ["Hola, lamentamos mucho la espera. Escríbenos por mensaje privado y lo revisamos.",
                "¡Gracias por tus palabras! Se las haremos llegar al equipo.",
                "Puedes consultar los resultados en el portal del paciente o en la app.",
                "Hi, we're sorry about this. Please send us a private message so we can help.",
                "Thank you so much, we'll pass this on to the team!"]
FOLLOW_UPS = ["Gracias, ya os he escrito.", "Ok, thanks.", "Sigo sin respuesta por privado.", "Perfecto, gracias."]
REVIEWS = [("positive", "Atención excelente en consultas externas, muy puntuales."),
           ("positive", "The staff were kind and professional from start to finish."),
           ("negative", "Esperas interminables en urgencias y poca información a las familias."),
           ("negative", "Rude receptionist and nobody answers the phone."),
           ("positive", "Me operaron de rodilla y todo fue perfecto. Gracias."),
           ("negative", "La comida de planta es muy mala y las habitaciones antiguas.")]
IG_CAPTIONS = ["Conoce a nuestro equipo de neonatología 💙", "Semana de la donación de sangre: ¡te esperamos!",
               "Behind the scenes at our new imaging center", "Recuerda: tu cita también desde la app."]
IG_COMMENTS = ["¿Cómo puedo pedir cita para dermatología?", "Qué bonito equipo 😍", "Mi hija nació aquí, gracias!!",
               "Hace un mes que espero una llamada de traumatología", "Where can I park for free?",
               "Sigo esperando los resultados de la biopsia"]
HIDDEN_COMMENTS = ["Sígueme y gana seguidores gratis 👉 link en bio", "Sois unos inútiles, vergüenza de hospital",
                   "Compra criptomonedas aquí, ganancias garantizadas"]


def sample_data(seed: int, pages: int = 2, days: int = 5,
                end: datetime = datetime(2025, 3, 31, tzinfo=timezone.utc)) -> dict:
    """Pages with posts, patients' comments and the page's replies, recommendations; one IG account per page."""
    rng = random.Random(seed)
    start = end - timedelta(days=days)
    used: set[str] = set()

    def number(digits: int) -> str:
        while True:
            value = str(10 ** (digits - 1) + rng.randrange(9 * 10 ** (digits - 1)))
            if value not in used:
                used.add(value)
                return value

    def at(earliest: datetime, hours: float) -> datetime:
        return earliest + timedelta(seconds=rng.randrange(60, max(120, int(hours * 3600))))

    people = [(name, number(16)) for name in PEOPLE]
    data = {"pages": {}, "ig_users": {}}
    for index in range(pages):
        name, handle = HOSPITALS[index % len(HOSPITALS)]
        page_id, ig_user_id = number(15), "1784" + number(13)
        page = data["pages"][page_id] = {"name": name, "posts": [], "comments": {}, "ratings": []}
        for day in range(days):
            for _ in range(rng.randint(1, 2)):
                posted = at(start + timedelta(days=day), 20)
                post_id = f"{page_id}_{number(16)}"
                page["posts"].append({"id": post_id, "created_time": graph_time(posted), "message": rng.choice(POSTS)})
                comments = page["comments"][post_id] = []
                for _ in range(rng.randint(0, 6)):
                    person, person_id = rng.choice(people)
                    said = at(posted, 30)
                    comment = {"id": f"{post_id.split('_')[1]}_{number(16)}", "created_time": graph_time(said),
                               "from": {"id": person_id, "name": person}, "message": rng.choice(COMMENTS)}
                    comments.append(comment)
                    if rng.random() < 0.6:  # the page answers, as a comment with a parent
                        answered = at(said, 8)
                        reply = {"id": f"{post_id.split('_')[1]}_{number(16)}", "created_time": graph_time(answered),
                                 "from": {"id": page_id, "name": name}, "message": rng.choice(PAGE_REPLIES),
                                 "parent": {"id": comment["id"]}}
                        comments.append(reply)
                        if rng.random() < 0.3:
                            comments.append({"id": f"{post_id.split('_')[1]}_{number(16)}",
                                             "created_time": graph_time(at(answered, 4)),
                                             "from": comment["from"], "message": rng.choice(FOLLOW_UPS),
                                             "parent": {"id": comment["id"]}})
        for person, person_id in rng.sample(people, rng.randint(3, 6)):
            kind, text = rng.choice(REVIEWS)
            rating = {"created_time": graph_time(at(start, days * 24)), "recommendation_type": kind,
                      "reviewer": {"id": person_id, "name": person}}
            if rng.random() < 0.8:
                rating["review_text"] = text
            page["ratings"].append(rating)
        user = data["ig_users"][ig_user_id] = {"username": handle, "page_id": page_id, "media": [], "comments": {},
                                               "replies": {}}
        for day in range(days):
            posted = at(start + timedelta(days=day), 20)
            media_id = "1790" + number(13)
            user["media"].append({"id": media_id, "caption": rng.choice(IG_CAPTIONS),
                                  "media_type": rng.choice(["IMAGE", "VIDEO", "CAROUSEL_ALBUM"]),
                                  "permalink": f"https://www.instagram.com/p/{number(11)}/", "timestamp": graph_time(posted),
                                  "username": handle})
            comments = user["comments"][media_id] = []
            for _ in range(rng.randint(1, 5)):
                person = rng.choice(people)[0]
                username = person.lower().replace(" ", "_").replace("í", "i").replace("á", "a").replace("é", "e")
                hidden = rng.random() < 0.2
                said = at(posted, 30)
                comment = {"id": "1787" + number(13), "text": rng.choice(HIDDEN_COMMENTS if hidden else IG_COMMENTS),
                           "timestamp": graph_time(said), "username": username,
                           "from": {"id": "1784" + number(13), "username": username}, "hidden": hidden}
                comments.append(comment)
                if not hidden and rng.random() < 0.6:
                    user["replies"][comment["id"]] = [{
                        "id": "1787" + number(13), "text": rng.choice(PAGE_REPLIES), "timestamp": graph_time(at(said, 8)),
                        "username": handle, "from": {"id": ig_user_id, "username": handle},
                        "parent_id": comment["id"], "hidden": False}]
    return data
