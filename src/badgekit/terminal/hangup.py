"""A terminal window closed part-way through an interview: stop as Ctrl-C does, losing nothing.

Closing a window hangs its terminal up. The programs in it get SIGHUP (from the kernel, and
often once more from the shell or tmux), and from then on reading gives end-of-input and
writing fails with EIO; the end-of-input usually reaches badgekit first, with the signal still
pending. A handler that raised KeyboardInterrupt wherever it happened to run then ran in the
middle of turning the lines typed so far into an answer, and those lines were lost.

So the handler installed by ``stopping_on_hangup`` notes the signal and raises ``TerminalClosed``
(a KeyboardInterrupt) only to break a read from a terminal that is still there (``kill -HUP``,
SIGTERM), where the read would otherwise wait for ever. After a real hang-up it raises nothing:
``read_line`` raises TerminalClosed itself, at the next read or on the end-of-input, once the
lines already typed are safe with the reader, who keeps them as Ctrl-C keeps them. A write that
fails on a hung-up terminal (``writing``) is TerminalClosed too.

One thing cannot be kept: a line still being typed (no Enter yet) when the window closes, which
readline discards on end-of-input before badgekit sees it. Ctrl-C and ``kill -HUP`` keep it.

While the draft is being written (``holding_interrupts``), Ctrl-C waits: it takes effect, as
KeyboardInterrupt, once the write is done, so that a save is never cut in half and "saved" is true.
SIGHUP and SIGTERM wait already, since their handler raises only while the learner is waited on.
"""

from __future__ import annotations

import errno
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

#: The signals that mean "stop now": the terminal has gone, or the system asks politely.
STOP_SIGNALS = ("SIGHUP", "SIGTERM")


class TerminalClosed(KeyboardInterrupt):
    """The terminal was closed (or badgekit was asked to stop): handled as Ctrl-C is."""


class _State:
    signalled = False  # a stop signal has arrived
    waiting = False  # the learner is being waited on: the handler may raise


_STATE = _State()


def _on_stop_signal(_signum: int, _frame: FrameType | None) -> None:
    _STATE.signalled = True
    # Raise only to break a read from a terminal that is still there (kill -HUP, SIGTERM). After a
    # real hang-up the read ends by itself, and this handler may be running just after it returned
    # the learner's last line: raising here would lose that line.
    if _STATE.waiting and not hung_up():
        _STATE.waiting = False  # once: a second signal must not interrupt the saving of the first
        raise TerminalClosed


@contextmanager
def stopping_on_hangup() -> Iterator[None]:
    """While inside, SIGHUP and SIGTERM stop the interview through ``read_line``, as Ctrl-C would."""
    previous = {}
    _STATE.signalled = _STATE.waiting = False
    for name in STOP_SIGNALS:
        number = getattr(signal, name, None)  # Windows has no SIGHUP
        if number is not None:
            previous[number] = signal.signal(number, _on_stop_signal)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _STATE.signalled = _STATE.waiting = False


@contextmanager
def holding_interrupts() -> Iterator[None]:
    """Ctrl-C pressed inside waits until the block is done, then raises KeyboardInterrupt as usual."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread has handlers
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: pressed.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed and previous is not signal.SIG_IGN:
        raise KeyboardInterrupt


def read_line(read: Callable[[str], str], prompt: str) -> str:
    """One line through ``read``; TerminalClosed if the terminal has gone, before or while waiting.

    EOFError (end of input, as Ctrl-D gives) passes through when the terminal is still there.
    """
    if _STATE.signalled or hung_up():
        raise TerminalClosed
    _STATE.waiting = True
    try:
        return read(prompt)
    except EOFError:
        if _STATE.signalled or hung_up():
            raise TerminalClosed from None
        raise
    finally:
        _STATE.waiting = False


@contextmanager
def writing() -> Iterator[None]:
    """Around output to the terminal: a write that fails because the terminal has gone is TerminalClosed."""
    try:
        yield
    except OSError:
        if _STATE.signalled or hung_up():
            raise TerminalClosed from None
        raise


def hung_up() -> bool:
    """Whether standard input is a terminal that has been hung up (asking it anything gives EIO)."""
    try:
        import termios
    except ImportError:  # Windows: a closed console ends the process outright
        return False
    try:
        termios.tcgetattr(sys.stdin.fileno())
    except termios.error as exc:
        return bool(exc.args) and exc.args[0] == errno.EIO
    except (OSError, ValueError):  # no file descriptor at all (a test's input): not a terminal
        return False
    return False
