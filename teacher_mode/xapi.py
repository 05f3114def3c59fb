"""Outcome and activity records <-> xAPI 1.0.3 statements.

One record maps to one statement and back, so the same form serves the export, the
import of a file carried back from a school trip, and a Learning Record Store.
- actor: an account whose homePage names the class (percent-encoded, so "5ÈME" stays a
  valid IRI: .../class/5%C3%88ME) and whose name is the pupil's pseudonym (nothing else
  about the pupil exists);
- verb: answered (assessed answer), launched, resumed, experienced (document opened),
  completed (chapter or mini-game);
- object: the question, chapter, document or mini-game, as an IRI under BASE;
- result: response, success, duration (ISO 8601);
- context: the chapter as parent activity, language, and extensions for attempt,
  objective and class.
`parse()` validates an incoming statement strictly and returns a record, or raises
StatementError with a sentence saying what is wrong.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
import uuid
from typing import Any

from game.records import Activity, ClassCode, InvalidName, Outcome, Pseudonym

BASE = "https://coupole-game.invalid"
EXT = f"{BASE}/xapi/extensions"
VERBS = {
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "launched": "http://adlnet.gov/expapi/verbs/launched",
    "resumed": "http://adlnet.gov/expapi/verbs/resumed",
    "opened": "http://activitystrea.ms/schema/1.0/open",
    "played": "http://adlnet.gov/expapi/verbs/completed",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
}
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_TEXT = 200


class StatementError(ValueError):
    pass


def class_home(class_code: str) -> str:
    return f"{BASE}/class/{urllib.parse.quote(ClassCode(class_code), safe='')}"


def class_of_home(home: Any) -> str | None:
    """The class code an actor's homePage names, or None if it is not a class of this game."""
    prefix = f"{BASE}/class/"
    if not isinstance(home, str) or not home.startswith(prefix):
        return None
    return urllib.parse.unquote(home[len(prefix):], errors="strict") if "%" in home else home[len(prefix):]


def _actor(class_code: str, pupil: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": class_home(class_code), "name": pupil}}


def _duration(ms: int) -> str:
    return f"PT{ms // 1000}.{ms % 1000:03d}S"


def _parse_duration(text: str) -> int:
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", text or "")
    if not m or not any(m.groups()):
        raise StatementError(f"the duration {text!r} is not an ISO 8601 duration like PT12.5S")
    h, mnt, sec = m.groups()
    return int(((int(h or 0) * 60 + int(mnt or 0)) * 60 + float(sec or 0)) * 1000)


def _context(class_code: str, chapter: str, locale: str, attempt: int, objective: str | None = None) -> dict:
    ext = {f"{EXT}/class": class_code, f"{EXT}/attempt": attempt}
    if objective:
        ext[f"{EXT}/objective"] = objective
    return {
        "contextActivities": {"parent": [{"objectType": "Activity", "id": f"{BASE}/chapter/{chapter}"}]},
        "language": locale,
        "extensions": ext,
    }


def outcome_statement(o: Outcome) -> dict:
    return {
        "id": o.statement_id,
        "version": "1.0.3",
        "actor": _actor(o.class_code, o.pupil),
        "verb": {"id": VERBS["answered"], "display": {"en-US": "answered"}},
        "object": {"objectType": "Activity", "id": f"{BASE}/chapter/{o.chapter}/question/{o.question}",
                   "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction"}},
        "result": {"response": o.option, "success": o.correct, "duration": _duration(o.duration_ms)},
        "context": _context(o.class_code, o.chapter, o.locale, o.attempt, o.objective),
        "timestamp": o.answered_at,
    }


def activity_statement(a: Activity) -> dict:
    kind = {"launched": "chapter", "resumed": "chapter", "completed": "chapter", "opened": "document",
            "played": "minigame"}[a.verb]
    obj = f"{BASE}/chapter/{a.chapter}" if kind == "chapter" else f"{BASE}/chapter/{a.chapter}/{kind}/{a.object}"
    st = {
        "id": a.statement_id,
        "version": "1.0.3",
        "actor": _actor(a.class_code, a.pupil),
        "verb": {"id": VERBS[a.verb], "display": {"en-US": a.verb}},
        "object": {"objectType": "Activity", "id": obj},
        "context": _context(a.class_code, a.chapter, a.locale, a.attempt),
        "timestamp": a.at,
    }
    data = json.loads(a.data or "{}")
    if data:
        st["result"] = {"extensions": {f"{EXT}/data": data}}
    return st


def statement(record: Outcome | Activity) -> dict:
    return outcome_statement(record) if isinstance(record, Outcome) else activity_statement(record)


# -- reading statements back -------------------------------------------------------------------------

def _get(obj: Any, *path: str, kind=str, required: bool = True):
    cur = obj
    for p in path:
        if not isinstance(cur, dict) or p not in cur:
            if required:
                raise StatementError(f"'{'.'.join(path)}' is missing")
            return None
        cur = cur[p]
    if not isinstance(cur, kind) or (kind is int and isinstance(cur, bool)):
        raise StatementError(f"'{'.'.join(path)}' has the wrong type")
    if isinstance(cur, str) and len(cur) > MAX_TEXT:
        raise StatementError(f"'{'.'.join(path)}' is too long ({len(cur)} characters)")
    return cur


def _pupil(name: str) -> str:
    try:
        return Pseudonym(name)
    except InvalidName:
        raise StatementError("the pupil's pseudonym is empty, too long or has characters a pseudonym cannot have") \
            from None


def _timestamp(text: str) -> str:
    try:
        t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise StatementError(f"the timestamp {text!r} is not an ISO 8601 date and time") from None
    if t.tzinfo is None:
        raise StatementError("the timestamp has no time zone")
    return t.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def parse(st: Any, *, expected_class: str | None = None) -> Outcome | Activity:
    """A validated record from one statement; StatementError (a sentence) if anything is wrong."""
    if not isinstance(st, dict):
        raise StatementError("a statement must be a JSON object")
    sid = _get(st, "id")
    try:
        sid = str(uuid.UUID(sid))
    except ValueError:
        raise StatementError(f"the statement id {sid!r} is not a UUID") from None
    home = _get(st, "actor", "account", "homePage")
    try:
        class_code = class_of_home(home)
    except UnicodeDecodeError:
        raise StatementError("the class code in the actor's homePage is not valid percent-encoded UTF-8") from None
    if class_code is None:
        raise StatementError("the actor is not a pupil account of this game")
    try:
        class_code = ClassCode.exact(class_code)
    except InvalidName:
        raise StatementError(f"the class code {class_code!r} is not valid") from None
    ext_class = _get(st, "context", "extensions", f"{EXT}/class")
    if ext_class != class_code:
        raise StatementError("the class in the context does not match the actor's class")
    if expected_class is not None and class_code != expected_class:
        raise StatementError(f"the statement belongs to class {class_code}, not {expected_class}")
    pupil = _pupil(_get(st, "actor", "account", "name"))
    verb_id = _get(st, "verb", "id")
    verb = next((v for v, iri in VERBS.items() if iri == verb_id and v != "played"), None)
    if verb is None:
        raise StatementError(f"the verb {verb_id!r} is not one this game uses")
    object_id = _get(st, "object", "id")
    m = re.fullmatch(re.escape(BASE) + r"/chapter/([a-z0-9_-]+)(?:/(question|document|minigame)/([a-z0-9_-]+))?",
                     object_id)
    if not m or not _ID.match(m.group(1)) or (m.group(3) and not _ID.match(m.group(3))):
        raise StatementError(f"the object {object_id!r} is not a chapter, question, document or mini-game of this game")
    chapter, kind, obj = m.groups()
    attempt = _get(st, "context", "extensions", f"{EXT}/attempt", kind=int)
    if not 1 <= attempt <= 1000:
        raise StatementError("the attempt number is out of range")
    locale = _get(st, "context", "language")
    if not re.fullmatch(r"[a-z]{2}", locale):
        raise StatementError(f"the language {locale!r} is not a two-letter code")
    at = _timestamp(_get(st, "timestamp"))
    if verb == "answered":
        if kind != "question":
            raise StatementError("an answer must be about a question")
        response = _get(st, "result", "response")
        if not re.fullmatch(r"[a-z0-9_-]{1,64}(,[a-z0-9_-]{1,64}){0,7}", response):
            raise StatementError("the response is not a list of option ids")
        objective = _get(st, "context", "extensions", f"{EXT}/objective", required=False) or ""
        if objective and not _ID.match(objective):
            raise StatementError("the objective id is not valid")
        return Outcome(statement_id=sid, class_code=class_code, pupil=pupil, chapter=chapter, question=obj,
                       objective=objective, option=response, correct=_get(st, "result", "success", kind=bool),
                       attempt=attempt, duration_ms=_parse_duration(_get(st, "result", "duration")),
                       answered_at=at, locale=locale)
    if verb == "completed" and kind == "minigame":
        verb = "played"
    expected = {"launched": None, "resumed": None, "completed": None, "opened": "document", "played": "minigame"}[verb]
    if kind != expected:
        raise StatementError(f"a '{verb}' statement cannot be about a {kind or 'chapter'}")
    data = (st.get("result") or {}).get("extensions", {}).get(f"{EXT}/data", {})
    if not isinstance(data, dict) or len(json.dumps(data)) > 2000:
        raise StatementError("the result data is not a small JSON object")
    return Activity(statement_id=sid, class_code=class_code, pupil=pupil, chapter=chapter, attempt=attempt, verb=verb,
                    object=obj or chapter, at=at, locale=locale, data=json.dumps(data, sort_keys=True, ensure_ascii=False))
