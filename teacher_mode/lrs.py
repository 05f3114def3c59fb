"""Sending records to a Learning Record Store, and bringing a class's records back.

- When an LRS is configured, game.records queues every record in its outbox in the same
  transaction that stores the record: nothing is recorded locally without being queued,
  and the queue survives restarts. This module only sends what is queued (no SQL here).
- `Outbox.flush()` sends what is queued, in batches, and removes from the queue ONLY what the
  LRS confirmed: the ids its answer to the POST lists (xAPI 1.0.3: "200 OK, array of Statement
  ids"), or, for a statement the answer does not list (an LRS answers 204 or 409 to statements
  it already has), a GET of that statement id that returns that very statement. Anything else
  stays queued, with the reason, and is sent again later.
- `Client` is the only way out to the LRS, and it is strict: a redirect is never followed (on
  POST it would turn the batch into a GET elsewhere, and urllib would carry the password to
  the new server): it is an error that names where the LRS pointed; no request ever goes to
  another origin than the configured address (a `more` link elsewhere is refused); every
  request has a total deadline (a server that trickles bytes is cut off at it) and a size limit
  on its answer; an answer that is not what xAPI says (a login page, not JSON, another shape)
  is an error with a sentence, never a traceback.
- `sync()` reads statements back from the LRS, keeps those of one class, validates
  each (teacher_mode.xapi.parse) and stores the good ones, deduplicated by id, except the
  records of pupils erased on this machine (game.records keeps their tombstones).
- `Sender` sends in the background while the game runs; no error ends it: it keeps the last
  one (shown in the teacher's space) and tries again later, waiting longer after each failure.
Only the standard library is used (urllib): no extra dependency on school PCs.
"""
from __future__ import annotations

import base64
import contextlib
import http.client
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from game.records import ClassCode, LrsConfig, LrsStatus, Records, read_lrs_config

from .xapi import StatementError, class_of_home, parse, statement

XAPI_VERSION = "1.0.3"
BATCH = 50
MAX_ANSWER = 16 * 2**20  # bytes: a page of 500 statements is well under 2 MB
DEFAULT_PORTS = {"http": 80, "https": 443}
log = logging.getLogger(__name__)


def load_config(data_dir: Path) -> LrsConfig | None:
    return read_lrs_config(data_dir)


def save_config(data_dir: Path, cfg: LrsConfig | None) -> None:
    """Link the data folder to an LRS (every record from now on is queued), or unlink it (None)."""
    records = Records(data_dir)
    try:
        records.set_lrs(cfg)
    finally:
        records.close()


def link_status(records: Records, sender: Sender | None = None) -> LrsStatus:
    """What the teacher's screen shows of the link: records waiting, and the last problem (the running sender's,
    else the last one written in the data folder by whoever sent last)."""
    status = records.lrs_status()
    if sender is not None and sender.last_error:
        return status._replace(last_error=sender.last_error)
    return status


class LrsError(Exception):
    """The LRS could not be reached or refused the request (the outbox keeps the statements)."""


def _shown(text: object, limit: int = 160) -> str:
    """Text that came from the network, fit to be shown in a sentence: printable, not too long."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return text if len(text) <= limit else text[:limit] + "…"


def address_problem(url: object) -> str | None:
    """A sentence saying why `url` cannot be an LRS address, or None if it can."""
    if not isinstance(url, str) or not url.strip():
        return "the LRS address is empty"
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return f"the LRS address {_shown(url)!r} has spaces or invisible characters in it"
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 -- reading it checks it (a port that is not a number, or out of range)
    except ValueError as exc:
        return f"the LRS address {_shown(url)!r} is not a valid web address ({exc})"
    if parts.scheme not in DEFAULT_PORTS:
        return f"the LRS address {_shown(url)!r} must start with http:// or https://"
    if not parts.hostname:
        return f"the LRS address {_shown(url)!r} has no server name after {parts.scheme}://"
    if parts.username is not None or parts.password is not None:
        return "the LRS address must not hold a user or password: give them as the user and password"
    if parts.query or parts.fragment:
        return f"the LRS address {_shown(url)!r} must not contain ? or #"
    return None


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(parts.scheme.lower())


class _Deadline:
    """The end of one request: when it passes, every socket the request opened is shut down, which ends any read
    still waiting on it (a server that trickles one byte a second gets no more time than one that is silent)."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False

    def watch(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("the request's time is up")
            self._sockets.append(sock)
        return sock

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed by the request itself
                sock.shutdown(socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> type[http.client.HTTPConnection]:
    class Watched(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = lambda *a, **k: deadline.watch(socket.create_connection(*a, **k))

    return Watched


class _Http(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(_watched(http.client.HTTPConnection, self.deadline), req)


class _Https(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(_watched(http.client.HTTPSConnection, self.deadline), req,
                            context=self._context)  # type: ignore[attr-defined]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # never followed: urllib hands the 3xx answer back as it is, and the Client says so


def _same_statement(sent: dict, held: object) -> bool:
    """Whether the LRS's statement is the one sent: same id, pupil account, verb and object."""
    def part(obj: object, name: str) -> dict:
        value = obj.get(name) if isinstance(obj, dict) else None
        return value if isinstance(value, dict) else {}

    def key(st: object) -> tuple | None:
        if not isinstance(st, dict):
            return None
        account = part(part(st, "actor"), "account")
        return (str(st.get("id")).lower(), account.get("homePage"), account.get("name"), part(st, "verb").get("id"),
                part(st, "object").get("id"))

    return key(held) is not None and key(held) == key(sent)


class Client:
    """The one way out to the LRS (see the module's notes): POST a batch, ask for one statement, read pages."""

    def __init__(self, cfg: LrsConfig, timeout: float = 10, *, max_bytes: int = MAX_ANSWER):
        problem = address_problem(cfg.url)
        if problem is not None:
            raise LrsError(problem)
        self.cfg, self.timeout, self.max_bytes = cfg, timeout, max_bytes
        self.origin = _origin(cfg.url)
        token = base64.b64encode(f"{cfg.username}:{cfg.password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": XAPI_VERSION,
                        "Content-Type": "application/json"}

    # -- one request, bounded -------------------------------------------------------------------------
    def _request(self, method: str, url: str, body: bytes | None = None) -> tuple[int, dict, bytes]:
        """(status, headers, answer) of one request, which never takes more than `timeout` seconds in all.
        Raises LrsError (a sentence) if the LRS cannot be reached, is too slow, answers too much or redirects."""
        try:
            same = _origin(url) == self.origin
        except ValueError:
            same = False
        if not same:  # the credentials go to the configured server only
            raise LrsError(f"the LRS pointed to another server ({_shown(url)}): nothing was sent there")
        deadline = _Deadline(self.timeout)
        outcome: dict = {}
        # The request runs on its own thread so that nothing (a name lookup included) keeps the caller past the
        # deadline; at the deadline its sockets are shut down, which ends it soon after.
        worker = threading.Thread(target=self._exchange, args=(method, url, body, deadline, outcome),
                                  name="lrs-request", daemon=True)
        worker.start()
        worker.join(self.timeout)
        late = worker.is_alive()
        deadline.expire()
        if late:
            raise LrsError(f"the LRS at {_shown(self.cfg.url)} did not answer within {self.timeout:g} s")
        if "error" in outcome:
            raise outcome["error"]
        status, headers, data = outcome["answer"]
        if 300 <= status < 400:
            where = headers.get("location") or "an address it did not give"
            raise LrsError(f"the LRS answered with a redirect (HTTP {status}) to {_shown(where)}: check the "
                           f"address (nothing was sent there, nothing was counted as sent)")
        if status in (401, 403):
            raise LrsError(f"the LRS refused the user name or password (HTTP {status}): check them")
        return status, headers, data

    def _exchange(self, method: str, url: str, body: bytes | None, deadline: _Deadline, outcome: dict) -> None:
        """On the request's thread: fills outcome["answer"] or outcome["error"]; never raises."""
        try:
            opener = urllib.request.build_opener(_NoRedirect(), _Http(deadline), _Https(deadline))
            req = urllib.request.Request(url, data=body, method=method, headers=self.headers)
            try:
                resp = opener.open(req, timeout=self.timeout)
            except urllib.error.HTTPError as exc:
                resp = exc  # an answer all the same: its status says what happened
            with resp:
                status = getattr(resp, "status", None) or resp.code
                headers = {k.lower(): v for k, v in resp.headers.items()}
                outcome["answer"] = (status, headers, self._read(resp, headers, deadline))
        except LrsError as exc:
            outcome["error"] = exc
        except Exception as exc:  # whatever the network does, the caller gets a sentence
            reason = _shown(getattr(exc, "reason", None) or str(exc) or type(exc).__name__)
            outcome["error"] = LrsError(f"the LRS at {_shown(self.cfg.url)} cannot be reached ({reason})")

    def _read(self, resp, headers: dict, deadline: _Deadline) -> bytes:
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise LrsError(f"the LRS's answer is too large ({int(length)} bytes; at most {self.max_bytes}): refused")
        read = getattr(resp, "read1", None) or resp.read
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = read(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise LrsError(f"the LRS's answer is too large (more than {self.max_bytes} bytes): refused")
            if deadline.expired:
                raise LrsError("the LRS's answer came too slowly")
            chunks.append(chunk)

    def _json(self, data: bytes, headers: dict, what: str):
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            pass
        if "html" in headers.get("content-type", "").lower() or data.lstrip()[:1] == b"<":
            raise LrsError(f"the LRS answered {what} with a web page, not xAPI data: is the address that of the "
                           f"LRS, or is the network asking for a login first?")
        raise LrsError(f"the LRS's answer {what} is not JSON: is the address that of the LRS?")

    # -- what the game asks -----------------------------------------------------------------------------
    def post(self, statements: list[dict]) -> tuple[int, list[str] | None]:
        """Send a batch: (status, the ids the LRS answered that it stored; None when its status has no list)."""
        status, headers, data = self._request("POST", self.cfg.endpoint, json.dumps(statements).encode())
        if status != 200:
            return status, None
        ids = self._json(data, headers, "to the statements sent")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise LrsError("the LRS's answer to the statements sent is not the list of stored statement ids that "
                           "xAPI requires: nothing was counted as sent")
        return status, ids

    def holds(self, sent: dict) -> bool:
        """True only if the LRS answers that it stores this very statement (asked for by its id)."""
        url = self.cfg.endpoint + "?" + urllib.parse.urlencode({"statementId": sent["id"]})
        status, headers, data = self._request("GET", url)
        if status == 404:
            return False
        if status != 200:
            raise LrsError(f"the LRS answered {status} when asked whether it holds a statement")
        held = self._json(data, headers, "when asked for one statement")
        # xAPI answers with the statement; Ralph with a page of statements holding it
        candidates = held["statements"] if isinstance(held, dict) and isinstance(held.get("statements"), list) \
            else [held]
        return any(_same_statement(sent, st) for st in candidates)

    def get(self, url: str | None = None, **params) -> dict:
        """One page of statements: {"statements": [...], "more": "..."} (the `more` link of the previous page)."""
        if url is None:
            url = self.cfg.endpoint + ("?" + urllib.parse.urlencode(params) if params else "")
        else:
            url = urllib.parse.urljoin(self.cfg.endpoint, url)
        status, headers, data = self._request("GET", url)
        if status != 200:
            raise LrsError(f"the LRS answered {status} when asked for statements")
        page = self._json(data, headers, "when asked for statements")
        if not isinstance(page, dict) or not isinstance(page.get("statements"), list) \
                or not isinstance(page.get("more") or "", str):
            raise LrsError("the LRS's answer when asked for statements is not a page of xAPI statements")
        return page


class Outbox:
    """Sends the records that game.records queued for the LRS."""

    def __init__(self, records: Records):
        self.records = records

    def pending(self) -> int:
        return self.records.outbox_count()

    def flush(self, client: Client, limit: int | None = None) -> int:
        """Send queued statements; return how many the LRS confirmed. Raises LrsError (a sentence) if it cannot be
        reached, or if it did not confirm some (those stay queued with the reason, and are sent again later)."""
        delivered = 0
        refused: dict[str, str] = {}  # statement id -> why: not sent again in this flush
        try:
            while limit is None or delivered < limit:
                batch = [r for r in self.records.pending(BATCH + len(refused)) if r.statement_id not in refused]
                if not batch:
                    break
                bodies = {r.statement_id: statement(r) for r in batch[:BATCH]}
                confirmed, why = self._send(client, bodies)
                delivered += confirmed
                for reason in set(why.values()):
                    self.records.mark_failed([sid for sid, r in why.items() if r == reason], reason)
                refused.update(why)
        except LrsError as exc:
            self.records.note_lrs_attempt(str(exc))
            raise
        if refused:
            error = (f"the LRS did not confirm {len(refused)} statement(s); they stay in the outbox "
                     f"({next(iter(refused.values()))})")
            self.records.note_lrs_attempt(error)
            raise LrsError(error)
        if delivered:
            self.records.note_lrs_attempt(None)
        return delivered

    def _send(self, client: Client, bodies: dict[str, dict]) -> tuple[int, dict[str, str]]:
        """Send one batch: (how many were confirmed and taken off the queue, {statement id: why not})."""
        status, ids = client.post(list(bodies.values()))
        if status == 200:
            answered = {i.lower() for i in ids or ()}  # ids are UUIDs: the LRS may write them in capitals
            stored = [sid for sid in bodies if sid.lower() in answered]
            self.records.mark_delivered(stored)
            unsure = [sid for sid in bodies if sid.lower() not in answered]
        elif status == 204:  # no list: nothing new stored (Ralph says so of a batch it has already): ask each
            stored, unsure = [], list(bodies)
        elif status in (400, 409, 413) and len(bodies) > 1:  # the batch refused as a whole: one by one, to see
            total, why = 0, dict[str, str]()
            for sid, st in bodies.items():
                n, w = self._send(client, {sid: st})
                total, why = total + n, {**why, **w}
            return total, why
        elif status in (400, 409, 413):  # one statement: the LRS may already hold it (409), or not want it
            stored, unsure = [], list(bodies)
        else:
            raise LrsError(f"the LRS refused the statements (HTTP {status})")
        held: list[str] = []
        try:
            for sid in unsure:
                if client.holds(bodies[sid]):
                    held.append(sid)
        finally:
            self.records.mark_delivered(held)  # what was confirmed stays confirmed, even if a later question fails
        why = {sid: f"HTTP {status}: the LRS did not confirm that it stores it" for sid in unsure if sid not in held}
        return len(stored) + len(held), why


def sync(records: Records, client: Client, class_code: str, max_pages: int = 10_000) -> dict:
    """Bring the class's statements from the LRS into the local records (validated, deduplicated; the records of
    pupils erased here are skipped and counted in "erased")."""
    class_code = ClassCode(class_code)
    added = duplicates = erased = 0
    problems: list[str] = []
    page = client.get(limit=500)
    links: set[str] = set()
    for _ in range(max_pages):
        found = []
        for st in page["statements"]:
            if not isinstance(st, dict):
                problems.append("?: a statement must be a JSON object")
                continue
            account = (st.get("actor") or {}).get("account") if isinstance(st.get("actor"), dict) else None
            home = account.get("homePage") if isinstance(account, dict) else None
            try:
                if class_of_home(home) != class_code:
                    continue  # another class, or another application's statement: not ours to import
            except UnicodeDecodeError:
                continue
            try:
                found.append(parse(st, expected_class=class_code))
            except StatementError as exc:
                problems.append(f"{_shown(st.get('id', '?'), 60)}: {exc}")
        kept, left_out = records.not_erased(found)  # erased on this machine after they were made: they stay erased
        new = records.record_many(kept, queue=False)  # one transaction a page; from the LRS: nothing to send back
        added, duplicates, erased = added + new, duplicates + len(kept) - new, erased + left_out
        more = page.get("more")
        if not more:
            break
        if more in links:
            raise LrsError("the LRS sent the same page of statements twice: stopped there")
        links.add(more)
        page = client.get(more)
    return {"added": added, "duplicates": duplicates, "problems": problems, "erased": erased}


class Sender:
    """Sends the outbox in the background while the game runs. No error ends it: it keeps the last one (in
    `last_error` and in the data folder, for the teacher's screen), logs the unexpected ones, and tries again,
    waiting longer after each failure."""

    def __init__(self, data_dir: Path, cfg: LrsConfig, *, min_wait: float = 5, max_wait: float = 120):
        self.data_dir, self.cfg = Path(data_dir), cfg
        self.min_wait, self.max_wait = min_wait, max_wait
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.last_error: str | None = None
        self.thread = threading.Thread(target=self._run, name="lrs-sender", daemon=True)

    def start(self) -> Sender:
        self.thread.start()
        return self

    def kick(self) -> None:
        self.wake.set()

    def stop(self, timeout: float = 5) -> None:
        self.stopping.set()
        self.wake.set()
        self.thread.join(timeout)

    def _run(self) -> None:
        records: Records | None = None
        wait = self.min_wait
        while not self.stopping.is_set():
            try:
                if records is None:
                    records = Records(self.data_dir)  # its own connection: SQLite connections stay in their thread
                Outbox(records).flush(Client(self.cfg))
                self.last_error, wait = None, self.min_wait
            except LrsError as exc:
                self.last_error, wait = str(exc), min(self.max_wait, wait * 2)
            except Exception as exc:  # a bug, a locked or damaged database: sending must go on for the lesson
                log.exception("the LRS sender met an unexpected problem; it tries again")
                self.last_error = f"unexpected problem ({type(exc).__name__}: {_shown(exc)})"
                wait = min(self.max_wait, wait * 2)
                if records is not None:
                    self._drop(records)
                    records = None  # opened afresh on the next round, in case the connection is what broke
            self.wake.wait(wait)
            self.wake.clear()
        if records is not None:
            records.close()

    def _drop(self, records: Records) -> None:
        """After an unexpected problem: write it down for the teacher's screen, and close the connection."""
        with contextlib.suppress(Exception):  # the database may be what failed: the error is kept in memory
            records.note_lrs_attempt(self.last_error)
        with contextlib.suppress(Exception):
            records.close()


def start_sender(data_dir: Path) -> Sender | None:
    """The background sender of a data folder linked to an LRS (None if it is not). Handed to the game by the CLI,
    so that the game itself never imports teacher_mode."""
    cfg = load_config(data_dir)
    return Sender(data_dir, cfg).start() if cfg is not None else None
