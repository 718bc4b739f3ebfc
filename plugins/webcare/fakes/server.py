"""One local HTTP server faking the X API v2, Google Business Profile v4 and the Graph API v21.0 (Facebook,
Instagram) over a generated dataset.

    python -m webcare.fakes.server --data DIR --port P
"""
import argparse
import json
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from webcare.fakes.faults import FaultQueue
from webcare.fakes.threaded import ThreadedServer
from webcare.generator.times import parse_time, x_time

from . import google_api, graph_api, x_api
from .responses import google_error, x_problem

FAULT_STATUSES = {429, 500, 502, 503}
JSON = "application/json; charset=utf-8"
PROBLEM = "application/problem+json"


class FakeApis(ThreadedServer):
    def __init__(self, dataset_dir, host: str = "127.0.0.1", port: int = 0, duplicate_across_pages: bool = True):
        super().__init__(host, port)
        dataset = Path(dataset_dir)
        manifest = json.loads((dataset / "manifest.json").read_text(encoding="utf-8"))
        self.clock = parse_time(manifest["window_end"])
        self.x = x_api.XApi(dataset, duplicate_across_pages)
        self.google = google_api.GoogleApi(dataset)
        graph_file = dataset / "graph.json"
        graph_data = json.loads(graph_file.read_text(encoding="utf-8")) if graph_file.exists() else {}
        self.graph = graph_api.GraphApi(graph_data, clock=self.clock)  # its own faults: self.graph.add_fault({...})
        self.faults = FaultQueue()
        self.requests_log: list[tuple[str, str, dict, int]] = []
        self.lock = threading.Lock()

    def handler_class(self) -> type:
        return handler(self)

    def start(self) -> "FakeApis":
        super().start()
        self.graph.base_url = self.base_url  # paging.next links point back at this server
        return self

    @property
    def x_base_url(self) -> str:
        return self.base_url

    @property
    def google_base_url(self) -> str:
        return self.base_url

    @property
    def graph_base_url(self) -> str:
        return self.base_url

    def set_clock(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        with self.lock:
            self.clock = now
        self.graph.set_clock(now)

    def add_fault(self, fault: dict) -> None:
        if ("inject_record" not in fault and not fault.get("empty") and "delay_seconds" not in fault
                and "withhold" not in fault
                and fault.get("status") not in FAULT_STATUSES):
            raise ValueError(f"a fault needs inject_record, empty, delay_seconds or a status in"
                             f" {sorted(FAULT_STATUSES)}: {fault}")
        with self.lock:
            self.faults.add(fault)

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()
        self.graph.clear_faults()

    def take_fault(self, target: str) -> dict | None:
        return self.faults.take(target)

    def handle(self, method: str, target: str, headers, body: bytes) -> tuple[int, dict, object]:
        """(status, response headers, JSON body) for one request."""
        url = urlsplit(target)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        if url.path.startswith("/_fake/"):
            return self.control(method, url.path, body)
        if url.path.startswith(f"/{graph_api.VERSION}/"):
            status, response_headers, payload = self.graph.handle(method, url.path, query, headers)
            logged = {k: ("***" if k == "access_token" else v) for k, v in query.items()}
            with self.lock:
                self.requests_log.append((method, url.path, logged, status))
            return status, response_headers, payload
        with self.lock:
            delay = self.faults.take(target) if self.faults.peek_delay(target) else None
        if delay:  # a server that hangs: the answer comes after the client's read timeout
            time.sleep(delay["delay_seconds"])
        with self.lock:
            status, response_headers, payload = self.api(method, url.path, target, query, headers)
            self.requests_log.append((method, url.path, query, status))
        return status, response_headers, payload

    def api(self, method: str, path: str, target: str, query: dict, headers) -> tuple[int, dict, object]:
        bearer = headers.get("Authorization", "")
        authorized = bearer.startswith("Bearer ") and bearer[len("Bearer "):].strip()
        x_match, google_match = x_api.PATH.match(path), google_api.PATH.match(path)
        if google_match or path.startswith("/v4/"):
            if not authorized:
                return 401, {"Content-Type": JSON}, google_error(401)
            if not google_match or method != "GET":
                return 404, {"Content-Type": JSON}, google_error(404)
            fault = self.take_fault(target)
            if fault and "status" in fault:
                return fault["status"], {"Content-Type": JSON}, google_error(fault["status"])
            status, payload = self.google.reviews(google_match.group(1), query, self.clock)
            return status, {"Content-Type": JSON}, inject(payload, "reviews", fault) if status == 200 else payload
        if not authorized:
            return 401, {"Content-Type": PROBLEM}, {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
        if x_api.LOOKUP_PATH.match(path) and method == "GET":
            rate_headers, exhausted = self.x.rate_limit("lookup")
            if exhausted:
                return too_many_requests(rate_headers, int(rate_headers["x-rate-limit-reset"]))
            status, payload = self.x.lookup(query, self.clock)
            return status, {**rate_headers, "Content-Type": JSON if status == 200 else PROBLEM}, payload
        if not x_match or method != "GET":
            return 404, {"Content-Type": PROBLEM}, x_problem(404)
        user_id, endpoint = x_match.groups()
        rate_headers, exhausted = self.x.rate_limit(endpoint)
        fault = self.take_fault(target)
        if fault and fault.get("status") == 429:
            return too_many_requests(rate_headers, int(time.time()) + fault.get("reset_in_seconds", 1))
        if exhausted:
            return too_many_requests(rate_headers, int(rate_headers["x-rate-limit-reset"]))
        if fault and "status" in fault:
            return fault["status"], {**rate_headers, "Content-Type": PROBLEM}, x_problem(fault["status"])
        status, payload = self.x.timeline(user_id, endpoint, query, self.clock)
        if fault and fault.get("withhold") and status == 200 and payload.get("data"):
            # a truncated page: X counts posts it then leaves out (result_count says more than data holds)
            payload["data"] = payload["data"][:-fault["withhold"]]
        if fault and fault.get("empty") and status == 200:  # an account that went silent
            payload = {"meta": {"result_count": 0}}
        content_type = JSON if status == 200 else PROBLEM
        return status, {**rate_headers, "Content-Type": content_type}, inject(payload, "data", fault) if status == 200 else payload

    def control(self, method: str, path: str, body: bytes) -> tuple[int, dict, object]:
        try:
            request = json.loads(body) if body else None
            if (method, path) == ("POST", "/_fake/clock"):
                self.set_clock(parse_time(request["now"]))
            elif (method, path) == ("POST", "/_fake/faults"):
                for fault in request if isinstance(request, list) else [request]:
                    self.add_fault(fault)
            elif (method, path) == ("DELETE", "/_fake/faults"):
                self.clear_faults()
            elif (method, path) == ("GET", "/_fake/requests"):
                with self.lock:
                    log = [{"method": m, "path": p, "query": q, "status": s} for m, p, q, s in self.requests_log]
                return 200, {"Content-Type": JSON}, log
            elif (method, path) != ("GET", "/_fake/clock"):
                return 404, {"Content-Type": JSON}, {"error": f"no control {method} {path}"}
        except (ValueError, KeyError, TypeError) as bad:
            return 400, {"Content-Type": JSON}, {"error": str(bad)}
        with self.lock:
            return 200, {"Content-Type": JSON}, {"now": x_time(self.clock), "faults": len(self.faults)}


def too_many_requests(rate_headers: dict, reset: int) -> tuple[int, dict, dict]:
    headers = {**rate_headers, "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset), "Content-Type": PROBLEM}
    return 429, headers, {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}


class RawJson(str):
    """An injected record served as its exact wire text (``raw_json``: ``1e5000``, a ``\\ud83d`` escape)."""
    count = 0

    def __new__(cls, text: str):
        RawJson.count += 1
        token = super().__new__(cls, f"webcare-raw-json-{RawJson.count}")
        token.text = text
        return token


def encode(payload: object) -> bytes:
    """The response body: UTF-8 JSON, injected raw texts spliced in; a lone surrogate escaped."""
    try:
        data = json.dumps(payload, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        data = json.dumps(payload, ensure_ascii=True).encode()
    for items in (payload.values() if isinstance(payload, dict) else ()):
        for item in (items if isinstance(items, list) else ()):
            if isinstance(item, RawJson):
                data = data.replace(json.dumps(item).encode(), item.text.encode())
    return data


def inject(payload: dict, key: str, fault: dict | None) -> dict:
    """Append a fault's record to the response's list, as a real API might serve a malformed record."""
    if fault and "inject_record" in fault:
        record = RawJson(fault["raw_json"]) if fault.get("raw_json") is not None else fault["inject_record"]
        payload = {**payload, key: [*payload.get(key, []), record]}
        if "meta" in payload:
            payload["meta"] = {**payload["meta"], "result_count": len(payload[key])}
    return payload


def handler(apis: FakeApis) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK wait per request

        def respond(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, headers, payload = apis.handle(self.command, self.path, self.headers, body)
            data = encode(payload)
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m webcare.fakes.server", description="Serve a generated dataset.")
    parser.add_argument("--data", required=True, help="dataset directory written by webcare.generator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-duplicates", action="store_true", help="do not repeat the last tweet of a full page")
    args = parser.parse_args(argv)
    apis = FakeApis(args.data, args.host, args.port, duplicate_across_pages=not args.no_duplicates).start()
    print(apis.base_url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        apis.stop()


if __name__ == "__main__":
    main()
