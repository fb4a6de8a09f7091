"""The sync account: which server, which user, and the key the server gave at login.

The password is never stored: `sync login` trades it for the server's sync key (`hkey`), kept in
`account.json` in the sync folder, created with mode 0600 so only its owner can read it.
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from quizmg.errors import QuizmgError

ACCOUNT_FILE = "account.json"
ANKIWEB = "AnkiWeb"


@dataclass(frozen=True)
class Account:
    """A logged-in account: the user name, the endpoint (None: AnkiWeb) and the sync key."""

    user: str
    endpoint: str | None
    hkey: str

    @property
    def server(self) -> str:
        """How to name the server to the learner."""
        return self.endpoint or ANKIWEB


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_endpoint(url: str | None, *, allow_http: bool = False) -> str | None:
    """The endpoint to log in to, normalised with a trailing slash; None keeps AnkiWeb.

    Only https is accepted, except for a loopback address or when the learner passes --allow-http:
    the sync key travels in every request, and plain http would show it to the network.
    """
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QuizmgError(f"{url!r} is not a sync server address: give one like https://host:port/")
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not allow_http:
        raise QuizmgError(
            f"{url} uses plain http: the sync key would cross the network unencrypted. "
            "Use https, or pass --allow-http if this network is yours."
        )
    return url if url.endswith("/") else url + "/"


def load_account(folder: Path) -> Account | None:
    """The stored account, or None when not logged in."""
    path = folder / ACCOUNT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Account(str(data["user"]), data.get("endpoint"), str(data["hkey"]))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        raise QuizmgError(f"{path}: not a readable sync account; run `quizmg sync login` again.") from None


def save_account(folder: Path, account: Account) -> Path:
    """Write the account atomically, readable and writable by its owner only (0600)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ACCOUNT_FILE
    temporary = path.with_name(path.name + ".tmp")
    if temporary.exists():
        temporary.unlink()
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(asdict(account), handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


def forget_account(folder: Path) -> bool:
    """Remove the stored key; False when there was none."""
    try:
        (folder / ACCOUNT_FILE).unlink()
    except FileNotFoundError:
        return False
    return True
