"""Sync set-up without a server: endpoint rules, the key file, deck choice, status, the dashboard's
reminder, and the message when the anki library is missing."""

from __future__ import annotations

import stat
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.errors import QuizmgError
from quizmg.sync.account import Account, checked_endpoint, load_account, save_account
from quizmg.sync.state import SyncState, load_state, save_state


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sync.example.org", "https://sync.example.org/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
        ("http://localhost:27701", "http://localhost:27701/"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        (None, None),
    ],
)
def test_endpoints_accepted(url: str | None, expected: str | None) -> None:
    assert checked_endpoint(url) == expected


@pytest.mark.parametrize("url", ["http://192.168.1.5:8080/", "http://sync.example.org/", "ftp://x/", "nonsense"])
def test_endpoints_refused(url: str) -> None:
    with pytest.raises(QuizmgError):
        checked_endpoint(url)


def test_plain_http_on_a_network_needs_allow_http() -> None:
    assert checked_endpoint("http://192.168.1.5:8080", allow_http=True) == "http://192.168.1.5:8080/"
    result = CliRunner().invoke(cli, ["sync", "login", "--endpoint", "http://192.168.1.5:8080/"])
    assert result.exit_code == 1 and "plain http" in result.output and "--allow-http" in result.output


def test_the_key_file_is_its_owners_only(tmp_path: Path) -> None:
    path = save_account(tmp_path, Account("learner", "https://sync.example.org/", "k" * 40))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_account(tmp_path) == Account("learner", "https://sync.example.org/", "k" * 40)
    path.write_text("{not json")
    with pytest.raises(QuizmgError, match="sync login"):
        load_account(tmp_path)


def test_missing_anki_library_is_one_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizmg.sync.anki_library import anki_collection_class

    monkeypatch.setitem(sys.modules, "anki.collection", None)
    with pytest.raises(QuizmgError, match=r"pip install 'quizmg\[anki\]'"):
        anki_collection_class()


def test_choosing_decks_and_status_without_an_account(quizmg_home: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["sync"])
    assert result.exit_code == 1 and "quizmg sync add DECK" in result.output
    assert "log in with `quizmg sync login`, then" in result.output  # a first-time user's first step
    assert runner.invoke(cli, ["sync", "add", "magnesium"]).exit_code == 0
    assert "already syncs" in runner.invoke(cli, ["sync", "add", "magnesium"]).output
    assert load_state(quizmg_home / "sync").decks == ["magnesium"]
    status = runner.invoke(cli, ["sync", "status"])
    assert status.exit_code == 0
    assert "Account: not logged in" in status.output and "Decks: magnesium" in status.output
    assert "Last sync: never" in status.output
    result = runner.invoke(cli, ["sync"])
    assert result.exit_code == 1 and "not logged in" in result.output and "Traceback" not in result.output
    assert runner.invoke(cli, ["sync", "remove", "nothing-here"]).exit_code == 1
    assert runner.invoke(cli, ["sync", "remove", "magnesium"]).exit_code == 0
    assert load_state(quizmg_home / "sync").decks == []
    assert "Not logged in" in runner.invoke(cli, ["sync", "logout"]).output


def test_the_dashboard_says_when_a_sync_is_due(quizmg_home: Path) -> None:
    from quizmg.store import open_collection

    runner = CliRunner()
    assert runner.invoke(cli, ["sync", "add", "magnesium"]).exit_code == 0
    folder = quizmg_home / "sync"
    save_account(folder, Account("learner", "https://sync.example.org/", "k" * 40))
    now = datetime.now(timezone.utc)
    with open_collection(quizmg_home / "collection.sqlite3", now) as collection:
        card = collection.queue(now)[0]
        collection.record_answer(card.key, 3, now - timedelta(minutes=1))
    assert "Sync due: 1 answer(s) wait to go to Anki" in runner.invoke(cli, []).output
    # Synced a minute ago: not due yet.
    state = load_state(folder)
    save_state(folder, SyncState(**{**vars(state), "last_sync": now.isoformat()}))
    assert "Sync due" not in runner.invoke(cli, []).output


def test_a_server_speaking_a_newer_protocol_is_one_message(quizmg_home: Path) -> None:
    """A server that no longer speaks this client's protocol answers 501, which the anki library
    reports as "Anki version too old": a stand-in server answering 501 plays it here."""
    import http.server
    import threading

    pytest.importorskip("anki")

    class TooNew(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(501)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), TooNew)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/"
        result = CliRunner().invoke(
            cli, ["sync", "login", "--endpoint", endpoint],
            env={"QUIZMG_SYNC_USER": "learner", "QUIZMG_SYNC_PASSWORD": "secret"},
        )
        assert result.exit_code == 1
        assert "newer sync protocol" in result.output and "pip install -U" in result.output
        assert len(result.output.strip().splitlines()) == 1
        assert not (quizmg_home / "sync" / "account.json").exists()
    finally:
        server.shutdown()
