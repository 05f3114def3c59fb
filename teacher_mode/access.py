"""The teacher's PIN: set on first use, stored only as a salted scrypt hash, locked after wrong guesses.

The lock survives restarts (it is in the same file as the hash). After MAX_FAILURES
wrong PINs in a row the teacher space is locked for LOCK_MINUTES, doubled at each
new lock (capped at MAX_LOCK_MINUTES): a pupil cannot try PINs one after the other.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from game.records import atomic_write_text

MAX_FAILURES = 5
LOCK_MINUTES = 5
MAX_LOCK_MINUTES = 60
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}
PIN_FORMAT = re.compile(r"^\d{4,8}$")


@dataclass
class Check:
    ok: bool
    locked_until: dt.datetime | None = None
    attempts_left: int = 0


class PinError(ValueError):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class TeacherAccess:
    def __init__(self, data_dir: Path, clock=_now):
        self.path = Path(data_dir) / "teacher.json"
        self.clock = clock

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write(self, data: dict) -> None:
        atomic_write_text(self.path, json.dumps(data, indent=1))

    @property
    def has_pin(self) -> bool:
        pin = self._read().get("pin")
        return isinstance(pin, dict) and "hash" in pin

    def set_pin(self, pin: str, *, current: str | None = None) -> None:
        """First use: set the PIN. Later: only with the current PIN."""
        if not PIN_FORMAT.match(pin):
            raise PinError("pin-format")
        if self.has_pin and (current is None or not self.check(current).ok):
            raise PinError("pin-current")
        salt = os.urandom(16)
        digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT)
        data = self._read()
        data["pin"] = {"salt": salt.hex(), "hash": digest.hex(), **{k: v for k, v in SCRYPT.items()}}
        data.update(failures=0, locks=0, locked_until=None)
        self._write(data)

    def locked_until(self) -> dt.datetime | None:
        until = self._read().get("locked_until")
        if not until:
            return None
        t = dt.datetime.fromisoformat(until)
        return t if t > self.clock() else None

    def check(self, pin: str) -> Check:
        data = self._read()
        until = self.locked_until()
        if until is not None:
            return Check(False, locked_until=until)
        stored = data.get("pin") or {}
        try:
            params = {k: int(stored[k]) for k in ("n", "r", "p", "dklen")}
            digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(stored["salt"]), **params)
            ok = hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))
        except (KeyError, ValueError, TypeError):
            ok = False
        if ok:
            data.update(failures=0, locks=0, locked_until=None)
            self._write(data)
            return Check(True)
        failures = int(data.get("failures", 0)) + 1
        if failures >= MAX_FAILURES:
            locks = int(data.get("locks", 0)) + 1
            minutes = min(MAX_LOCK_MINUTES, LOCK_MINUTES * 2 ** (locks - 1))
            until = self.clock() + dt.timedelta(minutes=minutes)
            data.update(failures=0, locks=locks, locked_until=until.isoformat())
            self._write(data)
            return Check(False, locked_until=until)
        data["failures"] = failures
        self._write(data)
        return Check(False, attempts_left=MAX_FAILURES - failures)
