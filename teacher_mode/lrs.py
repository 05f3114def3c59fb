"""Sending records to a Learning Record Store, and bringing a class's records back.

- When an LRS is configured, game.records queues every record in its outbox in the same
  transaction that stores the record: nothing is recorded locally without being queued,
  and the queue survives restarts. This module only sends what is queued (no SQL here).
- `Outbox.flush()` sends what is queued, in batches, and removes from the queue only
  what the LRS confirmed. A statement that the LRS already has (same id) counts as
  delivered: the LRS keys statements by id, so a retry never stores one twice.
- `sync()` reads statements back from the LRS, keeps those of one class, validates
  each (teacher_mode.xapi.parse) and stores the good ones, deduplicated by id.
Only the standard library is used (urllib): no extra dependency on school PCs.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from game.records import ClassCode, LrsConfig, Records, read_lrs_config

from .xapi import StatementError, class_of_home, parse, statement

XAPI_VERSION = "1.0.3"
BATCH = 50


def load_config(data_dir: Path) -> LrsConfig | None:
    return read_lrs_config(data_dir)


def save_config(data_dir: Path, cfg: LrsConfig | None) -> None:
    """Link the data folder to an LRS (every record from now on is queued), or unlink it (None)."""
    records = Records(data_dir)
    try:
        records.set_lrs(cfg)
    finally:
        records.close()


class LrsError(Exception):
    """The LRS could not be reached or refused the request (the outbox keeps the statements)."""


class Client:
    def __init__(self, cfg: LrsConfig, timeout: float = 10):
        self.cfg, self.timeout = cfg, timeout
        token = base64.b64encode(f"{cfg.username}:{cfg.password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": XAPI_VERSION,
                        "Content-Type": "application/json"}

    def _request(self, method: str, url: str, body: bytes | None = None) -> tuple[int, bytes]:
        req = urllib.request.Request(url, data=body, method=method, headers=self.headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise LrsError(f"the LRS at {self.cfg.url} cannot be reached ({exc})") from None

    def post(self, statements: list[dict]) -> int:
        status, _ = self._request("POST", self.cfg.endpoint, json.dumps(statements).encode())
        return status

    def get(self, url: str | None = None, **params) -> dict:
        if url is None:
            url = self.cfg.endpoint + ("?" + urllib.parse.urlencode(params) if params else "")
        elif url.startswith("/"):
            parts = urllib.parse.urlsplit(self.cfg.url)
            url = f"{parts.scheme}://{parts.netloc}{url}"
        status, body = self._request("GET", url)
        if status != 200:
            raise LrsError(f"the LRS answered {status} when asked for statements")
        return json.loads(body)


class Outbox:
    """Sends the records that game.records queued for the LRS."""

    def __init__(self, records: Records):
        self.records = records

    def pending(self) -> int:
        return self.records.outbox_count()

    def flush(self, client: Client, limit: int | None = None) -> int:
        """Send queued statements; return how many the LRS now holds. Raises LrsError if it cannot be reached."""
        delivered = 0
        while True:
            batch = self.records.pending(BATCH)
            if not batch or (limit is not None and delivered >= limit):
                return delivered
            bodies = [(r.statement_id, statement(r)) for r in batch]
            status = client.post([st for _, st in bodies])
            if status in (200, 204):
                done = [sid for sid, _ in bodies]
            elif status == 409:  # some are there already: send one by one, "already there" counts as delivered
                done = []
                for sid, st in bodies:
                    one = client.post([st])
                    if one in (200, 204, 409):
                        done.append(sid)
                    else:
                        self.records.mark_failed([sid], f"HTTP {one}")
            else:
                self.records.mark_failed([sid for sid, _ in bodies], f"HTTP {status}")
                raise LrsError(f"the LRS refused the statements (HTTP {status})")
            self.records.mark_delivered(done)
            delivered += len(done)
            if len(done) < len(bodies):
                raise LrsError("the LRS refused some statements; they stay in the outbox")


def sync(records: Records, client: Client, class_code: str, max_pages: int = 10_000) -> dict:
    """Bring the class's statements from the LRS into the local records (validated, deduplicated)."""
    class_code = ClassCode(class_code)
    added = duplicates = 0
    problems: list[str] = []
    page = client.get(limit=500)
    for _ in range(max_pages):
        for st in page.get("statements", []):
            home = (((st.get("actor") or {}).get("account") or {}).get("homePage")) if isinstance(st, dict) else None
            try:
                if class_of_home(home) != class_code:
                    continue  # another class, or another application's statement: not ours to import
            except UnicodeDecodeError:
                continue
            try:
                record = parse(st, expected_class=class_code)
            except StatementError as exc:
                problems.append(f"{st.get('id', '?')}: {exc}")
                continue
            stored = records.record_many([record], queue=False) == 1  # it came from the LRS: nothing to send
            added += stored
            duplicates += not stored
        more = page.get("more")
        if not more:
            break
        page = client.get(more)
    return {"added": added, "duplicates": duplicates, "problems": problems}


class Sender:
    """Sends the outbox in the background while the game runs; waits longer after each failure."""

    def __init__(self, data_dir: Path, cfg: LrsConfig, *, min_wait: float = 5, max_wait: float = 120):
        import threading

        self.data_dir, self.cfg = Path(data_dir), cfg
        self.min_wait, self.max_wait = min_wait, max_wait
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.last_error: str | None = None
        self.thread = threading.Thread(target=self._run, name="lrs-sender", daemon=True)

    def start(self) -> "Sender":
        self.thread.start()
        return self

    def kick(self) -> None:
        self.wake.set()

    def stop(self, timeout: float = 5) -> None:
        self.stopping.set()
        self.wake.set()
        self.thread.join(timeout)

    def _run(self) -> None:
        records = Records(self.data_dir)  # its own connection: SQLite connections stay in their thread
        box, client, wait = Outbox(records), Client(self.cfg), self.min_wait
        try:
            while not self.stopping.is_set():
                try:
                    box.flush(client)
                    self.last_error, wait = None, self.min_wait
                except LrsError as exc:
                    self.last_error, wait = str(exc), min(self.max_wait, wait * 2)
                self.wake.wait(wait)
                self.wake.clear()
        finally:
            records.close()


def start_sender(data_dir: Path) -> Sender | None:
    """The background sender of a data folder linked to an LRS (None if it is not). Handed to the game by the CLI,
    so that the game itself never imports teacher_mode."""
    cfg = load_config(data_dir)
    return Sender(data_dir, cfg).start() if cfg is not None else None
