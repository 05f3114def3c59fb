"""The project's own attacks on the LRS link (issue 17): one test per class of attack, each over its cases.

Each case runs against a tiny HTTP server made here (http.server on 127.0.0.1, a random port, its own thread) that
answers as the case says: a redirect to another port, a login page, not JSON, a trickle, a wrong shape, a partial
list of ids... Then it checks what a school must be able to count on: the outbox still holds every statement the LRS
did not confirm, the password never reached another server, the deadline held, and the teacher got a sentence.
Every server stops on its own after a few seconds, so a regression fails in seconds instead of hanging the suite.
"""
from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import sqlite3
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from game.records import Activity, LrsConfig, Outcome, Records
from teacher_mode.lrs import Client, LrsError, Outbox, Sender, sync
from teacher_mode.xapi import statement

pytestmark = pytest.mark.lrs  # a local HTTP server on 127.0.0.1 plays the LRS: not in the fast tier

PASSWORD = "le-mot-de-passe-de-l-ecole"
AUTH = "Basic " + base64.b64encode(f"school:{PASSWORD}".encode()).decode()
DEADLINE = 2.0  # seconds: the client's total time for one request in these tests
MARGIN = 1.5  # thread start, a slow machine shared with other engineers


# -- a tiny LRS that misbehaves on demand ----------------------------------------------------------------------
class FakeLrs:
    """An HTTP server on 127.0.0.1 whose every answer is made by `answer(handler, body)`; it notes each request."""

    def __init__(self, answer):
        self.answer = answer
        self.requests: list[tuple[str, str, dict, bytes]] = []
        self.held: dict[str, dict] = {}  # what a well-behaved LRS stores (see good())
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _any(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                with contextlib.suppress(OSError):  # the client hung up (its deadline): nothing more to say
                    outer.answer(self, body)

            do_GET = do_POST = do_PUT = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), name="fake-lrs", daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def good(self, h, body: bytes) -> None:
        """What a well-behaved LRS does: POST stores and lists the ids; GET by id, or a page of everything."""
        if h.command == "POST":
            batch = json.loads(body)
            for st in batch:
                self.held[st["id"]] = st
            return send(h, 200, json.dumps([st["id"] for st in batch]))
        query = parse_qs(urlsplit(h.path).query)
        if "statementId" in query:
            st = self.held.get(query["statementId"][0])
            return send(h, 200, json.dumps(st)) if st else send(h, 404, "{}")
        return send(h, 200, json.dumps({"statements": list(self.held.values()), "more": ""}))

    def authorised(self) -> list[tuple[str, str]]:
        """The requests that carried a password."""
        return [(m, p) for m, p, headers, _ in self.requests if any(k.lower() == "authorization" for k in headers)]


def send(h, status: int, body: str | bytes, content_type: str = "application/json", **headers) -> None:
    data = body.encode() if isinstance(body, str) else body
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(data)))
    for k, v in headers.items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(data)


@pytest.fixture
def servers():
    made: list[FakeLrs] = []

    def make(answer=None) -> FakeLrs:
        lrs = FakeLrs(answer or (lambda h, body: lrs.good(h, body)))
        made.append(lrs)
        return lrs

    yield make
    for lrs in made:
        lrs.close()


def outcome(pupil: str, i: int, at: str = "2026-01-02T09:00:00.000+00:00", code: str = "5B") -> Outcome:
    return Outcome(str(uuid.uuid4()), code, pupil, "mini", f"q{i}", "", "a", i % 2 == 0, 1, 1200, at, "fr")


def linked(tmp_path, url: str, pupils=("Renard",), at: str = "2026-01-02T09:00:00.000+00:00") -> Records:
    """A pupil's computer linked to the LRS at `url`, with 3 answers and a chapter started per pupil, all queued."""
    records = Records(tmp_path)
    records.set_lrs(LrsConfig(url, "school", PASSWORD))
    for pupil in pupils:
        for i in range(3):
            records.record(outcome(pupil, i, at))
        records.record_activity(Activity(str(uuid.uuid4()), "5B", pupil, "mini", 1, "launched", "mini", at, "fr"))
    return records


def client(url: str) -> Client:
    return Client(LrsConfig(url, "school", PASSWORD), timeout=DEADLINE)


def page_of(records: Records) -> str:
    """A page of statements, as an LRS would serve the records of `records`."""
    return json.dumps({"statements": [statement(r) for r in records.pending()], "more": ""})


# -- 1. redirects --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("action", ["send", "sync"])
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_an_error_that_says_where_and_the_password_stays_home(tmp_path, servers, status, action):
    """An http->https redirect, a moved server, a captive portal: nothing counted as sent, nothing sent elsewhere."""
    elsewhere = servers()  # a perfect LRS on another port: if the client followed, it would get 200
    lrs = servers(lambda h, body: send(h, status, "", Location=f"{elsewhere.url}{h.path}"))
    records = linked(tmp_path, lrs.url)
    queued = {r.statement_id for r in records.pending()}
    started = time.monotonic()
    with pytest.raises(LrsError, match=r"redirect .* to http://127\.0\.0\.1:\d+.*check the address"):
        if action == "send":
            Outbox(records).flush(client(lrs.url))
        else:
            sync(records, client(lrs.url), "5B")
    assert time.monotonic() - started < DEADLINE + MARGIN
    assert {r.statement_id for r in records.pending()} == queued  # the outbox holds every one
    assert elsewhere.requests == [] and elsewhere.authorised() == []  # not even asked, let alone with the password
    assert lrs.authorised()  # the LRS itself did get the request (with the password): it was the right server


# -- 2. garbage answers --------------------------------------------------------------------------------------------
LOGIN_PAGE = "<!DOCTYPE html><html><body><form action='/login'>Wi-Fi du collège: identifiez-vous</form></body></html>"
GARBAGE = {  # case: (status, body, content type, words the sentence must hold)
    "login_page": (200, LOGIN_PAGE, "text/html", "web page"),
    "login_page_said_json": (200, LOGIN_PAGE, "application/json", "web page"),
    "not_json": (200, "OK, merci", "text/plain", "not JSON"),
    "not_utf8": (200, b"\xff\xfe\x00[", "application/json", "not JSON"),
    "wrong_shape_object": (200, '{"stored": true, "statements": 3}', "application/json", None),
    "wrong_shape_numbers": (200, "[1, 2, 3, 4]", "application/json", None),
    "wrong_shape_string": (200, '"done"', "application/json", None),
}


@pytest.mark.parametrize("action", ["send", "sync"])
@pytest.mark.parametrize("case", sorted(GARBAGE))
def test_a_garbage_answer_is_refused_with_a_sentence_and_nothing_is_counted(tmp_path, servers, case, action):
    status, body, ctype, words = GARBAGE[case]
    lrs = servers(lambda h, _: send(h, status, body, ctype))
    records = linked(tmp_path, lrs.url)
    queued = {r.statement_id for r in records.pending()}
    before = (records.count(), len(records.activities()))
    with pytest.raises(LrsError) as caught:  # an LrsError (a sentence), not a JSONDecodeError or a TypeError
        if action == "send":
            Outbox(records).flush(client(lrs.url))
        else:
            sync(records, client(lrs.url), "5B")
    sentence = str(caught.value)
    assert sentence.startswith("the LRS") and "Traceback" not in sentence
    if words:
        assert words in sentence
    else:  # a wrong shape says what xAPI expected
        assert ("list of stored statement ids" if action == "send" else "page of xAPI statements") in sentence
    assert {r.statement_id for r in records.pending()} == queued
    assert (records.count(), len(records.activities())) == before


# -- 3. slow and endless answers -----------------------------------------------------------------------------------
def trickle_body(h, _):
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", "100")
    h.end_headers()
    h.wfile.flush()
    for _ in range(8):  # one byte a second, for 8 s (then the server gives up: a regression stays bounded)
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(1)


def trickle_headers(h, _):
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for _ in range(8):
        h.wfile.write(b"X")
        h.wfile.flush()
        time.sleep(1)


def silent(h, _):
    time.sleep(8)


def endless(h, _):
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.end_headers()  # no length: the answer ends when the server closes, and it sends 8 MB first
    h.close_connection = True
    chunk = b'["' + b"x" * 65_536 + b'", '
    for _ in range(128):
        h.wfile.write(chunk)


def huge_length(h, _):
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(50 * 2**30))  # 50 GB announced
    h.end_headers()
    h.wfile.write(b"[")


SLOW = {"trickle_body": (trickle_body, "within"), "trickle_headers": (trickle_headers, "within"),
        "silent": (silent, "within"), "endless": (endless, "too large"), "huge_length": (huge_length, "too large")}


@pytest.mark.slow  # 10 cases of 2 s (the deadline)
@pytest.mark.parametrize("action", ["send", "sync"])
@pytest.mark.parametrize("case", sorted(SLOW))
def test_no_answer_holds_a_request_past_its_deadline_or_fills_the_memory(tmp_path, servers, case, action):
    answer, words = SLOW[case]
    lrs = servers(answer)
    records = linked(tmp_path, lrs.url)
    queued = {r.statement_id for r in records.pending()}
    bounded = client(lrs.url)
    bounded.max_bytes = 2**20
    started = time.monotonic()
    with pytest.raises(LrsError, match=words):
        if action == "send":
            Outbox(records).flush(bounded)
        else:
            sync(records, bounded, "5B")
    assert time.monotonic() - started < DEADLINE + MARGIN  # the whole request, not each read
    assert {r.statement_id for r in records.pending()} == queued


# -- 4. delivery is what the LRS confirmed -------------------------------------------------------------------------
def confirming(post, get):
    """An LRS that answers a POST with post(ids) -> (status, body) and a GET by id with get(sent statement)."""
    def answer(h, body):
        if h.command == "POST":
            batch = json.loads(body)
            answer.sent.update({st["id"]: st for st in batch})
            status, text = post([st["id"] for st in batch])
            return send(h, status, text)
        sid = parse_qs(urlsplit(h.path).query)["statementId"][0]
        status, text = get(answer.sent[sid])
        return send(h, status, text)

    answer.sent = {}
    return answer


def other_pupil(st: dict) -> dict:
    return {**st, "actor": {"objectType": "Agent", "account": {**st["actor"]["account"], "name": "Intrus"}}}


CONFIRM = {  # case: (LRS, how many of the 4 queued statements the LRS confirms)
    "all_ids": (confirming(lambda ids: (200, json.dumps(ids)), lambda st: (404, "{}")), 4),
    "partial_ids": (confirming(lambda ids: (200, json.dumps(ids[:2])), lambda st: (404, "{}")), 2),
    "ids_of_other_statements": (confirming(lambda ids: (200, json.dumps([str(uuid.uuid4()) for _ in ids])),
                                           lambda st: (404, "{}")), 0),
    "empty_list": (confirming(lambda ids: (200, "[]"), lambda st: (404, "{}")), 0),
    "no_content_and_holds_them": (confirming(lambda ids: (204, ""), lambda st: (200, json.dumps(st))), 4),
    "no_content_and_holds_none": (confirming(lambda ids: (204, ""), lambda st: (404, "{}")), 0),
    "no_content_and_an_empty_page": (confirming(lambda ids: (204, ""),
                                                lambda st: (200, '{"statements": []}')), 0),
    "conflict_ralph_holds_them": (confirming(lambda ids: (409, '{"detail": "exists"}'),
                                             lambda st: (200, json.dumps({"statements": [st]}))), 4),
    "conflict_with_another_statement": (confirming(lambda ids: (409, '{"detail": "conflict"}'),
                                                   lambda st: (200, json.dumps(other_pupil(st)))), 0),
    "partial_ids_rest_held": (confirming(lambda ids: (200, json.dumps(ids[:1])), lambda st: (200, json.dumps(st))),
                              4),
}


@pytest.mark.parametrize("case", sorted(CONFIRM))
def test_a_statement_leaves_the_outbox_only_when_the_lrs_confirmed_it(tmp_path, servers, case):
    answer, confirmed = CONFIRM[case]
    answer.sent.clear()
    lrs = servers(answer)
    records = linked(tmp_path, lrs.url)
    assert records.outbox_count() == 4
    started = time.monotonic()
    if confirmed == 4:
        assert Outbox(records).flush(client(lrs.url)) == 4
    else:
        with pytest.raises(LrsError, match=f"did not confirm {4 - confirmed} statement"):
            Outbox(records).flush(client(lrs.url))
    assert records.outbox_count() == 4 - confirmed
    assert time.monotonic() - started < 4 * DEADLINE
    status = records.lrs_status()  # what the teacher's screen shows
    assert status.pending == 4 - confirmed and bool(status.last_error) == (confirmed < 4)
    if confirmed < 4:  # what stays is sent again next time
        waiting = {r.statement_id for r in records.pending()}
        answer.sent.clear()
        with contextlib.suppress(LrsError):
            Outbox(records).flush(client(lrs.url))
        assert set(answer.sent) == waiting


# -- 5. the background sender survives anything --------------------------------------------------------------------
def flaky_flush(monkeypatch, error: Exception, times: int):
    real, calls = Outbox.flush, {"n": 0}

    def flush(self, client, limit=None):
        calls["n"] += 1
        if calls["n"] <= times:
            raise error
        return real(self, client, limit)

    monkeypatch.setattr(Outbox, "flush", flush)


def flaky_pending(monkeypatch, error: Exception, times: int):
    real, calls = Records.pending, {"n": 0}

    def pending(self, limit=None):
        calls["n"] += 1
        if calls["n"] <= times:
            raise error
        return real(self, limit)

    monkeypatch.setattr(Records, "pending", pending)


SENDER = {  # case: (what goes wrong for a while, words of the last error while it does)
    "a_bug": (lambda mp, lrs: flaky_flush(mp, RuntimeError("a bug nobody saw"), 3), "RuntimeError"),
    "a_locked_database": (lambda mp, lrs: flaky_pending(mp, sqlite3.OperationalError("database is locked"), 3),
                          "database is locked"),
    "a_type_error": (lambda mp, lrs: flaky_flush(mp, TypeError("'NoneType' object is not subscriptable"), 3),
                     "TypeError"),
    "a_login_page": (lambda mp, lrs: setattr(lrs, "portal", 3), "web page"),
}


@pytest.mark.parametrize("case", sorted(SENDER))
def test_the_sender_survives_any_error_shows_it_and_sends_once_it_passes(tmp_path, servers, monkeypatch, case):
    from teacher_mode.lrs import link_status

    def answer(h, body):  # a captive portal for the first `portal` requests, then the school's LRS
        if lrs.portal > 0:
            lrs.portal -= 1
            return send(h, 200, LOGIN_PAGE, "text/html")
        return lrs.good(h, body)

    lrs = servers(answer)
    lrs.portal = 0
    records = linked(tmp_path, lrs.url)
    queued = {r.statement_id for r in records.pending()}
    breaks, words = SENDER[case]
    breaks(monkeypatch, lrs)
    sender = Sender(tmp_path, LrsConfig(lrs.url, "school", PASSWORD), min_wait=0.05, max_wait=0.2).start()
    shown: set[str] = set()  # what the teacher's screen would have said meanwhile
    try:
        end = time.monotonic() + 15
        while time.monotonic() < end and set(lrs.held) != queued:
            shown.add(link_status(records, sender).last_error)
            time.sleep(0.01)
        assert sender.thread.is_alive()  # never died
    finally:
        sender.stop()
    assert any(words in e for e in shown), shown  # the teacher could see what went wrong
    assert set(lrs.held) == queued and records.outbox_count() == 0  # ... and everything went once it passed
    assert sender.last_error is None and link_status(records).last_error == ""


# -- 6. erased pupils stay erased -----------------------------------------------------------------------------------
def erase_renard(records: Records) -> None:
    records.erase("5B", "Renard")


def erase_class(records: Records) -> None:
    records.erase("5B")


def purge_last_year(records: Records) -> None:
    records.purge_older_than("2025-09-01")


ERASE = {  # case: (how the teacher erases, Renard's records' time, Hibou kept)
    "a_pupil": (erase_renard, "2026-01-02T09:00:00.000+00:00", True),
    "the_class": (erase_class, "2026-01-02T09:00:00.000+00:00", False),
    "the_retention_rule": (purge_last_year, "2025-03-02T09:00:00.000+00:00", True),
}


@pytest.mark.parametrize("case", sorted(ERASE))
def test_an_erased_pupil_is_not_sent_and_not_brought_back_by_sync_or_import(tmp_path, servers, case):
    from teacher_mode.commands import import_lines
    from tests.test_records import traces

    erase, renard_at, hibou_kept = ERASE[case]
    lrs = servers()
    # A pupil's computer sent Renard's and Hibou's records to the LRS; the teacher's computer brought them home.
    pc = linked(tmp_path / "pc", lrs.url, pupils=("Renard",), at=renard_at)
    for i in range(3):
        pc.record(outcome("Hibou", i))
    assert Outbox(pc).flush(client(lrs.url)) == 7
    school = Records(tmp_path / "school")
    assert sync(school, client(lrs.url), "5B")["added"] == 7
    exported = [json.dumps(statement(r)) for r in school.outcomes("5B") + school.activities("5B")]

    # Not re-sent: Renard answers again on the pupil's computer, the teacher erases there before it is sent.
    again_renard = outcome("Renard", 9, at=renard_at)
    pc.record(again_renard)
    assert pc.outbox_count() == 1
    erase(pc)
    assert pc.outbox_count() == 0
    Outbox(pc).flush(client(lrs.url))
    assert again_renard.statement_id not in lrs.held  # it never left the computer
    assert [m for m, *_ in lrs.requests].count("POST") == 1  # the first send only

    # Not re-imported: the teacher erases on the school computer; the next sync and import leave Renard out.
    erase(school)
    assert traces(tmp_path / "school", "Renard") == []  # the tombstone holds no pseudonym
    result = sync(school, client(lrs.url), "5B")
    erased = 4 + (3 if not hibou_kept else 0)
    assert result["added"] == 0 and result["erased"] == erased and result["problems"] == []
    assert "Renard" not in school.pupils("5B") and ("Hibou" in school.pupils("5B")) == hibou_kept
    again = import_lines(school, exported, expected_class="5B")
    assert again["added"] == 0 and again["erased"] == erased
    assert traces(tmp_path / "school", "Renard") == []

    # A pupil who plays again after the erasure (or a new pupil with the same name) is welcome back.
    later = outcome("Renard", 5, at=(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=5)).isoformat())
    lrs.held[later.statement_id] = statement(later)
    assert sync(school, client(lrs.url), "5B")["added"] == 1 and "Renard" in school.pupils("5B")
    pc.close()
    school.close()


# -- 7. a malformed address -----------------------------------------------------------------------------------------
BAD_URLS = ["http://[::1", "http://lrs.example:99999", "http://lrs.example:port", "ftp://lrs.example", "http://",
            "lrs.example", "http://teacher:secret@lrs.example", "http://lrs example.fr", "http://lrs.example/\x00x",
            "http://lrs.example/?x=1"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_malformed_lrs_address_gets_a_sentence_not_a_traceback(tmp_path, capsys, url):
    from game.cli import main

    started = time.monotonic()
    code = main(["teacher", "lrs", "--url", url, "--user", "school", "--password", PASSWORD,
                 "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Not saved: the LRS address") and "Traceback" not in err
    assert not (tmp_path / "lrs.json").exists()
    # the same address found in lrs.json (written by hand): sync and the sender say so too
    (tmp_path / "lrs.json").write_text(json.dumps({"url": url, "username": "school", "password": PASSWORD}))
    code = main(["teacher", "sync", "--class", "5B", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and "Nothing synchronised: the LRS address" in err
    sender = Sender(tmp_path, LrsConfig(url, "school", PASSWORD), min_wait=0.05).start()
    try:
        end = time.monotonic() + 5
        while sender.last_error is None and time.monotonic() < end:
            time.sleep(0.01)
        assert sender.thread.is_alive() and sender.last_error.startswith("the LRS address")
    finally:
        sender.stop()
    assert time.monotonic() - started < 10


def test_teacher_lrs_says_what_waits_and_the_last_problem(tmp_path, servers, capsys):
    from game.cli import main

    lrs = servers(lambda h, _: send(h, 200, LOGIN_PAGE, "text/html"))
    records = linked(tmp_path, lrs.url)
    with pytest.raises(LrsError):
        Outbox(records).flush(client(lrs.url))
    records.close()
    assert main(["teacher", "lrs", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"LRS: {lrs.url} (user school)" in out and "Waiting to be sent: 4. Last problem (" in out
    assert "with a web page, not xAPI data" in out
