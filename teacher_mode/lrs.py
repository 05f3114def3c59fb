"""Sending records to a Learning Record Store, and bringing a class's records back.

- When an LRS is configured, every record is queued in the outbox (a table of the
  local SQLite store) in the same transaction that stores the record: nothing is
  recorded locally without being queued, and the queue survives restarts.
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
from dataclasses import dataclass
from pathlib import Path

from game.story.save import atomic_write_text

from .store import Activity, Outcome, OutcomeStore
from .xapi import StatementError, class_home, parse, statement

XAPI_VERSION = "1.0.3"
BATCH = 50


@dataclass
class LrsConfig:
    url: str  # e.g. http://127.0.0.1:8100  (the statements endpoint is {url}/xAPI/statements)
    username: str
    password: str

    @property
    def endpoint(self) -> str:
        return self.url.rstrip("/") + "/xAPI/statements"


def config_path(data_dir: Path) -> Path:
    return Path(data_dir) / "lrs.json"


def load_config(data_dir: Path) -> LrsConfig | None:
    try:
        data = json.loads(config_path(data_dir).read_text(encoding="utf-8"))
        return LrsConfig(data["url"], data["username"], data["password"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_config(data_dir: Path, cfg: LrsConfig | None) -> None:
    path = config_path(data_dir)
    if cfg is None:
        path.unlink(missing_ok=True)
        return
    if not cfg.url.startswith(("http://", "https://")):
        raise ValueError("the LRS address must start with http:// or https://")
    atomic_write_text(path, json.dumps({"url": cfg.url, "username": cfg.username, "password": cfg.password}))


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
    """The queue of statements waiting for the LRS, in the local store's database."""

    def __init__(self, store: OutcomeStore):
        self.store = store
        store.connection.execute(
            "CREATE TABLE IF NOT EXISTS outbox (statement_id TEXT PRIMARY KEY, body TEXT NOT NULL, "
            "class_code TEXT NOT NULL, pupil TEXT NOT NULL, queued_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, "
            "attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '')")

    def pending(self) -> int:
        return self.store.connection.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def flush(self, client: Client, limit: int | None = None) -> int:
        """Send queued statements; return how many the LRS now holds. Raises LrsError if it cannot be reached."""
        db = self.store.connection
        delivered = 0
        while True:
            rows = db.execute("SELECT statement_id, body FROM outbox ORDER BY rowid LIMIT ?", (BATCH,)).fetchall()
            if not rows or (limit is not None and delivered >= limit):
                return delivered
            status = client.post([json.loads(b) for _, b in rows])
            if status in (200, 204):
                done = [sid for sid, _ in rows]
            elif status == 409:  # some are there already: send one by one, "already there" counts as delivered
                done = []
                for sid, body in rows:
                    one = client.post([json.loads(body)])
                    if one in (200, 204, 409):
                        done.append(sid)
                    else:
                        self._failed([sid], f"HTTP {one}")
            else:
                self._failed([sid for sid, _ in rows], f"HTTP {status}")
                raise LrsError(f"the LRS refused the statements (HTTP {status})")
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("DELETE FROM outbox WHERE statement_id = ?", [(s,) for s in done])
            delivered += len(done)
            if len(done) < len(rows):
                raise LrsError("the LRS refused some statements; they stay in the outbox")

    def _failed(self, ids: list[str], error: str) -> None:
        db = self.store.connection
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE statement_id = ?",
                           [(error, s) for s in ids])

    def forget_pupil(self, class_code: str, pupil: str) -> None:
        db = self.store.connection
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM outbox WHERE class_code = ? AND pupil = ?", (class_code, pupil))


def queue_on_record(store: OutcomeStore) -> Outbox:
    """From now on, every record stored is also queued for the LRS, in the same transaction."""
    box = Outbox(store)

    def enqueue(db, record: Outcome | Activity) -> None:
        db.execute("INSERT OR IGNORE INTO outbox (statement_id, body, class_code, pupil) VALUES (?, ?, ?, ?)",
                   (record.statement_id, json.dumps(statement(record), ensure_ascii=False), record.class_code,
                    record.pupil))

    store.on_record = enqueue
    return box


def sync(store: OutcomeStore, client: Client, class_code: str, max_pages: int = 10_000) -> dict:
    """Bring the class's statements from the LRS into the local store (validated, deduplicated)."""
    added = duplicates = 0
    problems: list[str] = []
    page = client.get(limit=500)
    for _ in range(max_pages):
        for st in page.get("statements", []):
            home = (((st.get("actor") or {}).get("account") or {}).get("homePage")) if isinstance(st, dict) else None
            if home != class_home(class_code):
                continue  # another class, or another application's statement: not ours to import
            try:
                record = parse(st, expected_class=class_code)
            except StatementError as exc:
                problems.append(f"{st.get('id', '?')}: {exc}")
                continue
            stored = (store.record(record, queue=False) if isinstance(record, Outcome)
                      else store.record_activity(record, queue=False))  # it came from the LRS: nothing to send
            added += stored
            duplicates += not stored
        more = page.get("more")
        if not more:
            break
        page = client.get(more)
    return {"added": added, "duplicates": duplicates, "problems": problems}


class Sender:
    """Sends the outbox in the background while the game runs; waits longer after each failure."""

    def __init__(self, store_path: Path, cfg: LrsConfig, *, min_wait: float = 5, max_wait: float = 120):
        import threading

        self.store_path, self.cfg = Path(store_path), cfg
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
        store = OutcomeStore(self.store_path)  # its own connection: SQLite connections stay in their thread
        box, client, wait = Outbox(store), Client(self.cfg), self.min_wait
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
            store.close()
