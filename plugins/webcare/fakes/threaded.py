"""Serving a fake API over HTTP from a daemon thread (for the demo and the tests)."""
from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer


class ThreadedServer:
    """Start, stop and locate an HTTP server whose request handler class ``handler_class()`` gives."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.address = (host, port)
        self.server: ThreadingHTTPServer | None = None

    def handler_class(self) -> type:
        raise NotImplementedError

    def start(self):
        self.server = ThreadingHTTPServer(self.address, self.handler_class())
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"
