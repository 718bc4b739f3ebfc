"""API endpoints and credentials, from Airflow connections (or plain environment variables).

Production and the fake servers differ only here: the connection's host is the API's base URL.

    AIRFLOW_CONN_WEBCARE_X_API='{"conn_type": "http", "host": "https://api.twitter.com", "password": "<bearer token>"}'
    AIRFLOW_CONN_WEBCARE_GOOGLE_API='{"conn_type": "http", "host": "https://mybusiness.googleapis.com", "password": "<access token>"}'
    AIRFLOW_CONN_WEBCARE_GRAPH_API='{"conn_type": "http", "host": "https://graph.facebook.com", "password": "<page access token>"}'

Without Airflow, ``WEBCARE_X_API_URL``/``WEBCARE_X_API_TOKEN`` (and ``..._GOOGLE_...``) are read.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from webcare.errors import AuthError

X_API = "webcare_x_api"
GOOGLE_API = "webcare_google_api"
GRAPH_API = "webcare_graph_api"  # Facebook pages and Instagram accounts (one Graph host)
DEFAULT_HOSTS = {X_API: "https://api.twitter.com", GOOGLE_API: "https://mybusiness.googleapis.com",
                 GRAPH_API: "https://graph.facebook.com"}


@dataclass(frozen=True)
class ApiSettings:
    base_url: str
    token: str

    def __repr__(self) -> str:  # never print the secret
        return f"ApiSettings(base_url={self.base_url!r}, token='***')"


def _from_airflow(conn_id: str) -> ApiSettings | None:
    try:
        from airflow.sdk import BaseHook
    except ImportError:
        return None
    try:
        conn = BaseHook.get_connection(conn_id)
    except Exception:  # not defined
        return None
    host = conn.host or DEFAULT_HOSTS[conn_id]
    if "://" not in host:
        host = f"{conn.schema or 'https'}://{host}" + (f":{conn.port}" if conn.port else "")
    return ApiSettings(host.rstrip("/"), conn.password or "")


def api_settings(conn_id: str) -> ApiSettings:
    settings = _from_airflow(conn_id)
    if settings is None:
        prefix = "WEBCARE_" + conn_id.removeprefix("webcare_").upper()
        settings = ApiSettings(os.environ.get(f"{prefix}_URL", DEFAULT_HOSTS[conn_id]).rstrip("/"),
                               os.environ.get(f"{prefix}_TOKEN", ""))
    if not settings.token:
        raise AuthError(f"no token configured for {conn_id} (Airflow connection password)")
    return settings
