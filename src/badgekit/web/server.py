"""``badgekit web``'s server: the routes, the guard around them, and a socket on 127.0.0.1 at a random port.

Starlette routes each address to a page (writing.py, checking.py) and serves the page's own
CSS and script from web/assets/static; uvicorn runs it. The socket is bound here, before the
server starts, so that the port is known to the guard and to the address printed. uvicorn's
access log is off: the opening address holds the secret token.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from badgekit import resources
from badgekit.web import checking, reviewing, writing
from badgekit.web.guard import HOST, Guard, new_token
from badgekit.web.site import unexpected

if TYPE_CHECKING:
    from badgekit.web.site import Site


def make_app(site: Site) -> Starlette:
    routes = [
        Route("/", writing.home),
        Route("/write/{badge}", writing.start),
        Route("/write/{badge}/level", writing.choose_level, methods=["POST"]),
        Route("/write/{badge}/{number}", writing.write),
        Route("/write/{badge}/{number}", writing.save, methods=["POST"]),
        Route("/write/{badge}/{number}/seen", writing.seen),
        Route("/check/{badge}", checking.check),
        Route("/check/{badge}/replace", checking.replace, methods=["POST"]),
        Route("/export/{badge}", checking.export),
        Route("/export/{badge}/{kind}", checking.download),
        Route("/open", checking.open_file, methods=["GET", "POST"]),
        Route("/review", reviewing.reviews),
        Route("/review/{name}", reviewing.review),
        Route("/review/{name}", reviewing.save, methods=["POST"]),
        Route("/review/{name}/copy", reviewing.learners_copy),
        Mount("/static", StaticFiles(directory=resources.web_assets_dir() / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: unexpected})
    app.state.site = site
    return app


@dataclass
class Running:
    """A server ready to start: its socket, the guarded app, and the address to open."""

    sock: socket.socket
    app: Guard
    address: str


def prepare(site: Site, port: int = 0) -> Running:
    """Bind 127.0.0.1 (a random free port unless one is given) and guard the app with a new token."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Each connection inherits this: a page's head and body go out at once, not 40 ms apart (Nagle's algorithm
    # waiting on the browser's delayed acknowledgement).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((HOST, port))
    bound = sock.getsockname()[1]
    guard = Guard(make_app(site), new_token(), bound)
    return Running(sock, guard, guard.opening_address(bound))


def serve(running: Running, announce: Callable[[str], None]) -> None:
    """Run until Ctrl-C (or the process is ended); every answer is saved as it is typed, so nothing is lost."""
    import uvicorn

    config = uvicorn.Config(running.app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    server = uvicorn.Server(config)
    announce(running.address)
    server.run(sockets=[running.sock])
