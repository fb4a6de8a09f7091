"""Reading the learner's answers: single keys in a real terminal, lines when input is piped.

A terminal put in cbreak mode is always restored, whatever ends the read. At the end of input
(Ctrl-D, a closed terminal, the end of a pipe) `EndOfInput` is raised so a session can finish
cleanly instead of waiting for input that will not come.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import IO

from rich.console import Console

# Imported now, before any card is on screen: a Ctrl-C that lands while a module is being
# imported can be swallowed by the import machinery, and the session would then ignore it.
try:
    import termios
    import tty
except ImportError:  # not a POSIX system: answers are read line by line, without terminal modes
    termios = tty = None  # type: ignore[assignment]

ENTER = "\n"
# An Enter this soon after a one-key answer was typed out of habit, meant for that answer: the quiz
# and study ignore it rather than take it as "don't know" or as accepting a proposed rating.
STRAY_ENTER_SECONDS = 0.5
CTRL_C, CTRL_D, ESCAPE = "\x03", "\x04", "\x1b"


class EndOfInput(Exception):
    """No more input will come: Ctrl-D, a closed terminal, or the end of piped answers."""


class TimeUp(Exception):
    """A quiz's time limit passed while waiting for an answer."""


class Keyboard:
    """Answers from standard input, as keys (terminal) or lines (pipe)."""

    def __init__(self, console: Console, stream: IO[str] | None = None) -> None:
        self.console = console
        self.stream = stream if stream is not None else sys.stdin
        try:
            self.interactive = self.stream.isatty() and os.name == "posix"
        except (AttributeError, ValueError):
            self.interactive = False

    def line(self, prompt: str) -> str:
        """A typed line (the prompt is rich markup)."""
        if self.interactive:
            try:
                return self.console.input(prompt)
            except (EOFError, OSError):  # OSError: the terminal was closed under us
                raise EndOfInput from None
        self.console.print(prompt, end="")
        text = self.stream.readline()
        if not text:
            self.console.print()
            raise EndOfInput
        # Show the piped answer, so a transcript reads like the session it was.
        self.console.print(text.rstrip("\r\n"), markup=False, highlight=False)
        return text.rstrip("\r\n")

    def key(self, prompt: str) -> str:
        """One key press, lowercased; Enter and Space are returned as "\\n" and " "."""
        return self._key(prompt)[0]

    def command_key(self, prompt: str) -> tuple[str, bool]:
        """One key, and whether it came after a colon (`:b`: a command, never an answer). The
        colon and its letter may arrive together or one after the other."""
        key, rest = self._key(prompt)
        if key != ":":
            return key, False
        return (rest[:1].lower() if rest[:1].strip() else self.key("")), True

    def _key(self, prompt: str) -> tuple[str, str]:
        """One key as key() gives it, and what else arrived with it (a terminal only)."""
        if not self.interactive:
            text = self.line(prompt)
            stripped = text.strip().lower()
            if not stripped:
                return (" " if text.startswith(" ") else ENTER), ""
            return (stripped, "") if stripped in ("enter", "space") else (stripped[0], stripped[1:])
        self.console.print(prompt, end="")
        self.console.file.flush()
        try:
            data = _read_key(self.stream.fileno())
        except OSError:  # the terminal was closed under us
            raise EndOfInput from None
        char, rest = data[:1], data[1:]
        if char in (CTRL_D, ""):
            self.console.print()
            raise EndOfInput
        if char == CTRL_C:
            self.console.print()
            raise KeyboardInterrupt
        self.console.print("" if char in ("\r", "\n", " ", ESCAPE) else char, markup=False, highlight=False)
        return (ENTER if char in ("\r", "\n") else char.lower()), rest

    def timed_line(self, prompt: Callable[[float], str], deadline_at: float) -> str:
        """A typed line while a clock runs down to `deadline_at` (time.monotonic()).

        In a terminal the prompt, `prompt(seconds_left)`, is redrawn every second, so the
        countdown is live; TimeUp is raised when it reaches zero. Piped input gets the prompt
        once (wrap the call in `deadline()` to enforce the limit there).
        """
        if not self.interactive:
            return self.line(prompt(deadline_at - time.monotonic()))
        return _edit_line(self.console, self.stream.fileno(), prompt, deadline_at)


def _edit_line(console: Console, fd: int, prompt: Callable[[float], str], deadline_at: float) -> str:
    """A minimal line editor in cbreak mode: printable keys, Backspace, Ctrl-U, Enter."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    typed: list[str] = []

    def redraw() -> None:
        console.file.write("\r\x1b[K")
        console.print(prompt(deadline_at - time.monotonic()), end="")
        console.file.write("".join(typed))
        console.file.flush()

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        redraw()
        while True:
            left = deadline_at - time.monotonic()
            if left <= 0:
                console.print()
                raise TimeUp
            ready, _, _ = select.select([fd], [], [], min(1.0, left))
            if not ready:
                redraw()
                continue
            try:
                data = os.read(fd, 64)
            except OSError:
                raise EndOfInput from None
            if not data:
                raise EndOfInput
            if data.startswith(b"\x1b"):
                continue  # arrows and function keys are not part of an answer
            for char in decoder.decode(data):
                if char in ("\r", "\n"):
                    console.print()
                    return "".join(typed)
                if char == CTRL_C:
                    console.print()
                    raise KeyboardInterrupt
                if char == CTRL_D and not typed:
                    console.print()
                    raise EndOfInput
                if char in ("\x7f", "\b"):
                    if typed:
                        typed.pop()
                elif char == "\x15":  # Ctrl-U: start the line again
                    typed.clear()
                elif char.isprintable():
                    typed.append(char)
            redraw()
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _read_key(fd: int) -> str:
    """What one read of a terminal in cbreak mode gives (a key, or a few typed together), the
    terminal's settings restored afterwards."""
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        data = os.read(fd, 16)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    if not data:
        return ""
    # An arrow or function key arrives as an escape sequence: treat it as Escape, not as letters.
    return ESCAPE if data.startswith(b"\x1b") else data.decode("utf-8", "replace")


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise TimeUp in the main thread if the block is still running after `seconds`."""
    # Signals reach only the main thread (CliRunner tests may run elsewhere): no limit there.
    usable = (
        seconds is not None and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert seconds is not None

    def time_up(signum: int, frame: object) -> None:
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
