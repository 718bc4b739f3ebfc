"""Error bodies of the two APIs."""
from http import HTTPStatus

GOOGLE_STATUSES = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED",
                   500: "INTERNAL", 502: "UNAVAILABLE", 503: "UNAVAILABLE"}
GOOGLE_MESSAGES = {
    400: "Request contains an invalid argument.",
    401: "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or "
         "other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    404: "Requested entity was not found.",
    429: "Resource has been exhausted (e.g. check quota).",
    500: "Internal error encountered.",
    502: "Bad Gateway.",
    503: "The service is currently unavailable.",
}
INVALID_REQUEST = "https://api.twitter.com/2/problems/invalid-request"


def x_problem(status: int) -> dict:
    phrase = HTTPStatus(status).phrase
    return {"title": phrase, "type": "about:blank", "status": status, "detail": phrase}


def x_invalid(parameter: str, value: str, message: str) -> dict:
    return {"errors": [{"parameters": {parameter: [value]}, "message": message}], "title": "Invalid Request",
            "detail": "One or more parameters to your request was invalid.", "type": INVALID_REQUEST}


def google_error(status: int, message: str | None = None) -> dict:
    return {"error": {"code": status, "message": message or GOOGLE_MESSAGES[status], "status": GOOGLE_STATUSES[status]}}
