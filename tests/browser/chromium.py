"""A small Chrome DevTools Protocol client for the browser tests: Debian's Chromium over a pipe.

Chromium is started once per test session with ``--remote-debugging-pipe``: commands go
in on its file descriptor 3 and replies come back on 4, as JSON messages ending in a NUL
byte. That needs nothing beyond the standard library. Each page is a fresh tab whose
console messages, uncaught errors and network requests are recorded for the tests.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The switches the project starts Chromium with: headless, and nothing fetched behind the page's back.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--remote-debugging-pipe",
)
TIMEOUT = 30.0
#: The keys the tests press: the key code and the text each types.
KEYS = {"Tab": (9, ""), "Enter": (13, "\r")}


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """Debian's chromium (installed by scripts/test), or the browser named in BADGEKIT_CHROMIUM."""
    named = os.environ.get("BADGEKIT_CHROMIUM")
    if named:
        return named if shutil.which(named) else None
    # Debian's /usr/bin/chromium is a shell script that adds switches of its own (extensions
    # among them); the browser it starts is started directly, with only the switches above.
    debian = Path("/usr/lib/chromium/chromium")
    if debian.is_file() and os.access(debian, os.X_OK):
        return str(debian)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageRecord:
    """What one tab did: console messages, uncaught exceptions, log entries and requests."""

    console: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    loaded: threading.Event = field(default_factory=threading.Event)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error-level log entries (CSP refusals among them)."""
        found = [
            " ".join(str(arg.get("value", arg.get("description", ""))) for arg in entry.get("args", []))
            for entry in self.console
            if entry.get("type") in ("error", "assert")
        ]
        found += [str(entry.get("exceptionDetails", {}).get("text", entry)) for entry in self.exceptions]
        found += [str(entry.get("text", "")) for entry in self.log if entry.get("level") == "error"]
        return found


class Chromium:
    """One headless Chromium, driven over the DevTools pipe."""

    def __init__(self, executable: str, profile: Path, log: Path) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:  # in the child, before exec: the pipe ends become fds 3 and 4
            # Copied high first, as either end may itself be 3 or 4 and would be overwritten.
            high_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3, inheritable=True)
            os.dup2(high_write, 4, inheritable=True)

        self.log = log  # Chromium's own messages, kept for when something goes wrong
        with log.open("wb") as log_file:
            self.process = subprocess.Popen(
                [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=log_file,
                preexec_fn=wire_pipes,
                close_fds=False,  # the two dup2'd descriptors must survive exec; the rest close on exec
            )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._next_id = 0
        self._lock = threading.Lock()
        self._replies: dict[int, dict[str, Any]] = {}
        self._replied = threading.Condition()
        self._pages: dict[str, PageRecord] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.version = self.send("Browser.getVersion")["product"]

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_browser, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                with self._replied:
                    self._replies[-1] = {"error": {"message": "Chromium closed the pipe"}}
                    self._replied.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                self._dispatch(json.loads(raw))

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message:
            with self._replied:
                self._replies[message["id"]] = message
                self._replied.notify_all()
            return
        page = self._pages.get(message.get("sessionId", ""))
        if page is None:
            return
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            page.console.append(params)
        elif method == "Runtime.exceptionThrown":
            page.exceptions.append(params)
        elif method == "Log.entryAdded":
            page.log.append(params.get("entry", {}))
        elif method == "Network.requestWillBeSent":
            page.requests.append(params.get("request", {}).get("url", ""))
        elif method == "Page.loadEventFired":
            page.loaded.set()

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        with self._replied:
            if not self._replied.wait_for(lambda: ident in self._replies or -1 in self._replies, timeout=TIMEOUT):
                raise BrowserError(f"Chromium did not answer {method} within {TIMEOUT:.0f} s")
            reply = self._replies.pop(ident, None) or self._replies[-1]
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    @contextmanager
    def page(self, width: int = 1200, height: int = 900, mobile: bool = False) -> Iterator[Page]:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        record = PageRecord()
        self._pages[session] = record
        try:
            for domain in ("Runtime", "Log", "Network", "Page"):
                self.send(f"{domain}.enable", session=session)
            page = Page(self, session, record)
            page.resize(width, height, mobile=mobile)
            yield page
        finally:
            self._pages.pop(session, None)
            self.send("Target.closeTarget", {"targetId": target})

    def close(self) -> None:
        with suppress(BrowserError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)


@dataclass
class Page:
    """One tab: open a file, run JavaScript, take pictures."""

    browser: Chromium
    session: str
    record: PageRecord

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, session=self.session)

    def resize(self, width: int, height: int, *, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile},
        )

    def open(self, path: Path) -> None:
        self.record.loaded.clear()
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        if not self.record.loaded.wait(TIMEOUT):
            raise BrowserError(f"{path} did not finish loading within {TIMEOUT:.0f} s")

    def visit(self, url: str) -> None:
        """Go to an address (a page badgekit web serves) and wait for it to load."""
        self.record.loaded.clear()
        self.send("Page.navigate", {"url": url})
        if not self.record.loaded.wait(TIMEOUT):
            raise BrowserError(f"{url} did not finish loading within {TIMEOUT:.0f} s")

    def key(self, name: str, *, shift: bool = False) -> None:
        """Press and release one key as a person would: Tab (with shift: back) or Enter."""
        code, text = KEYS[name]
        down: dict[str, Any] = {"type": "keyDown", "key": name, "code": name, "windowsVirtualKeyCode": code}
        if text:
            down["text"] = text
        if shift:
            down["modifiers"] = 8
        self.send("Input.dispatchKeyEvent", down)
        up = {k: v for k, v in down.items() if k != "text"}
        self.send("Input.dispatchKeyEvent", {**up, "type": "keyUp"})

    def key_and_wait(self, name: str) -> None:
        """Press a key that leaves the page (Enter on a link or a button), and wait for the next one to load."""
        import time

        self.evaluate("window.leftBehind = true")  # only the old page has this
        self.key(name)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                if self.evaluate("window.leftBehind !== true && document.readyState === 'complete'"):
                    return
            except BrowserError:  # between two pages there is no page to ask
                pass
            time.sleep(0.05)
        raise BrowserError(f"pressing {name} loaded no page within {TIMEOUT:.0f} s")

    def type_text(self, text: str) -> None:
        """Type into the focused field, as a keyboard (or a paste) would: input events fire."""
        self.send("Input.insertText", {"text": text})

    def wait_for(self, expression: str, timeout: float = TIMEOUT) -> Any:
        """Wait until a JavaScript expression is true in the page; its value."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"the page never showed {expression!r} within {timeout:.0f} s")

    def evaluate(self, expression: str, *, wait: bool = False) -> Any:
        """Run JavaScript in the page and return its value (JSON-like values only)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": wait})
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, path: Path, *, print_media: bool = False) -> None:
        """The whole page, as a PNG, as it looks on screen (or as it would print)."""
        self.send("Emulation.setEmulatedMedia", {"media": "print" if print_media else ""})
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        self.send("Emulation.setEmulatedMedia", {"media": ""})

    def pdf(self, path: Path) -> bytes:
        """The page printed on A4, as the browser's print dialogue would."""
        printed = self.send(
            "Page.printToPDF",
            {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": False},
        )
        data = base64.b64decode(printed["data"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return data
