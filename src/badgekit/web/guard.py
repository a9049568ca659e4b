"""What keeps the web page the learner's own on a shared computer: a secret token, Host and Origin, strict headers.

The server listens on 127.0.0.1 only, at a port the system picks. The address it prints
carries a secret token; the first request with it gets the token back as a cookie (HttpOnly,
SameSite=Strict, named after the port so two servers do not mix) and is sent on to the same
page without it, so the token leaves the address bar and the history. Every other request must
bring the cookie. The Host header must name this server by its address (a web page elsewhere
that points a name of its own at 127.0.0.1, DNS rebinding, is refused), and a request that
changes anything must come from this server's own pages (Origin). Every answer carries a strict
Content-Security-Policy: the page runs only its own script and loads only its own files.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

HOST = "127.0.0.1"
TOKEN_PARAMETER = "token"
SAFE_METHODS = frozenset({"GET", "HEAD"})

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a form, which is refused.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

REFUSED = {
    "host": "This address is not badgekit's. Open the address badgekit printed when it started.",
    "origin": "badgekit only accepts changes made on its own pages.",
    "token": (
        "This page needs the address badgekit printed when it started, with its secret part. "
        "Copy the whole address from the window where badgekit is running."
    ),
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Guard:
    """ASGI middleware: refuse any request without the token (or its cookie), this Host or this Origin."""

    def __init__(self, app: App, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.cookie = f"badgekit-{port}"
        self.hosts = {f"{HOST}:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}

    def opening_address(self, port: int) -> str:
        return f"http://{HOST}:{port}/?{urlencode({TOKEN_PARAMETER: self.token})}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        if headers.get("host", "") not in self.hosts:
            await _refuse(send, 421, "host")
            return
        origin = headers.get("origin")
        if (origin is not None and origin not in self.origins) or (
            origin is None and scope["method"] not in SAFE_METHODS
        ):
            await _refuse(send, 403, "origin")
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get(TOKEN_PARAMETER)
        if given is not None and scope["method"] in SAFE_METHODS and self._matches(given):
            await self._welcome(scope, send, query)
            return
        if not self._matches(_cookie(headers.get("cookie", ""), self.cookie)):
            await _refuse(send, 403, "token")
            return
        await self.app(scope, receive, _with_headers(send))

    def _matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    async def _welcome(self, scope: Scope, send: Send, query: dict[str, str]) -> None:
        """The opening address: set the cookie and go on to the same page without the token in it."""
        rest = urlencode({k: v for k, v in query.items() if k != TOKEN_PARAMETER})
        location = scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{self.cookie}={self.token}; HttpOnly; SameSite=Strict; Path=/"
        headers = [(b"location", location.encode()), (b"set-cookie", cookie.encode()), *SECURITY_HEADERS]
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _cookie(header: str, name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # a malformed Cookie header is no token
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
        await send(message)

    return sending


async def _refuse(send: Send, status: int, why: str) -> None:
    body = REFUSED[why].encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
