"""Helpers for the sync tests: a real `python -m anki.syncserver` on 127.0.0.1, the real `quizmg`
executable, and a second client made with the anki library playing the phone."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

USER, PASSWORD = "learner", "correct horse"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    base: Path

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def start_server(base: Path, port: int | None = None) -> Server:
    """A fresh sync server with one user, waiting until it accepts connections."""
    port = port or free_port()
    base.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ, SYNC_BASE=str(base), SYNC_USER1=f"{USER}:{PASSWORD}", SYNC_HOST="127.0.0.1",
        SYNC_PORT=str(port), RUST_LOG="error",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "anki.syncserver"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return Server(process, port, base)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the anki sync server did not start") from None
            time.sleep(0.05)


def quizmg_executable() -> str:
    beside = Path(sys.executable).parent / "quizmg"
    return str(beside) if beside.exists() else (shutil.which("quizmg") or "quizmg")


def run_quizmg(
    home: Path, *args: str, password: str = PASSWORD, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ, QUIZMG_HOME=str(home), QUIZMG_SYNC_USER=USER, QUIZMG_SYNC_PASSWORD=password, NO_COLOR="1"
    )
    env.pop("QUIZMG_DEBUG", None)
    return subprocess.run(
        [quizmg_executable(), *args], env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )


class Phone:
    """Another device: an Anki collection synced with the same account through the anki library."""

    def __init__(self, path: Path, server: Server) -> None:
        from anki.collection import Collection

        self.col: Any = Collection(str(path))
        self.auth = self.col.sync_login(USER, PASSWORD, server.endpoint)

    def sync(self) -> int:
        """A normal sync, or a full download the first time; the server's answer."""
        from anki.sync_pb2 import SyncCollectionResponse as Out

        out = self.col.sync_collection(self.auth, False)
        if out.required in (Out.FULL_DOWNLOAD, Out.FULL_SYNC):
            self.col.close_for_full_sync()
            self.col.full_upload_or_download(auth=self.auth, server_usn=out.server_media_usn, upload=False)
            self.col.reopen(after_full_sync=True)
        return int(out.required)

    def revlog(self) -> list[tuple[int, int, int, int]]:
        return [tuple(row) for row in self.col.db.all("select id, cid, ease, time from revlog order by id")]

    def study(self, deck_name: str, count: int) -> list[tuple[int, int]]:
        """Answer `count` cards of the deck as Anki's scheduler gives them: (card id, rating)."""
        self.col.decks.select(self.col.decks.id_for_name(deck_name))
        answered = []
        for index in range(count):
            card = self.col.sched.getCard()
            assert card is not None, f"the phone ran out of cards after {index}"
            rating = (3, 4, 1, 3, 2)[index % 5]
            self.col.sched.answerCard(card, rating)
            answered.append((card.id, rating))
        return answered

    def close(self) -> None:
        self.col.close()
