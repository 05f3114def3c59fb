"""Records <-> xAPI statements: a round trip loses nothing; a bad statement is refused with a reason."""
import copy
import json

import pytest

from game.records import Activity, Outcome
from teacher_mode.xapi import StatementError, parse, statement

OUT = Outcome(statement_id="5f0c8a9e-2a55-4a9b-9d7e-3c1f1e2a7b10", class_code="5B", pupil="Renard Rusé",
              chapter="occupation", question="q-arras", objective="obj-1940", option="faux", correct=True, attempt=2,
              duration_ms=12500, answered_at="2026-03-02T09:00:01.250+00:00", locale="fr")
ACT = Activity(statement_id="0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", class_code="5B", pupil="Renard Rusé",
               chapter="occupation", attempt=1, verb="played", object="journee", at="2026-03-02T09:10:00.000+00:00",
               locale="en", data=json.dumps({"ending": "calme"}))


@pytest.mark.parametrize("record", [OUT, ACT, Activity(**{**ACT.__dict__, "verb": "opened", "object": "avis-1940",
                                                            "data": "{}"}),
                                    Activity(**{**ACT.__dict__, "verb": "completed", "object": "occupation",
                                                "data": json.dumps({"correct": 9, "questions": 12})})])
def test_round_trip(record):
    st = statement(record)
    assert st["version"] == "1.0.3" and st["id"] == record.statement_id
    assert parse(json.loads(json.dumps(st))) == record


def test_answer_statement_shape():
    st = statement(OUT)
    assert st["actor"]["account"] == {"homePage": "https://coupole-game.invalid/class/5B", "name": "Renard Rusé"}
    assert st["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
    assert st["result"] == {"response": "faux", "success": True, "duration": "PT12.500S"}
    assert st["object"]["id"].endswith("/chapter/occupation/question/q-arras")


def broken(path, value):
    st = copy.deepcopy(statement(OUT))
    cur = st
    for p in path[:-1]:
        cur = cur[p]
    if value is KeyError:
        del cur[path[-1]]
    else:
        cur[path[-1]] = value
    return st


@pytest.mark.parametrize("path, value, reason", [
    (("id",), "not-a-uuid", "not a UUID"),
    (("actor", "account", "homePage"), "https://elsewhere.example/class/5B", "not a pupil account"),
    (("actor", "account", "name"), "x" * 500, "too long"),
    (("actor", "account", "name"), "<script>", "pseudonym"),
    (("context", "extensions", "https://coupole-game.invalid/xapi/extensions/class"), "6A", "does not match"),
    (("verb", "id"), "http://adlnet.gov/expapi/verbs/voided", "not one this game uses"),
    (("object", "id"), "https://coupole-game.invalid/chapter/../../etc", "not a chapter"),
    (("result", "success"), "yes", "wrong type"),
    (("result", "duration"), "12 seconds", "ISO 8601 duration"),
    (("result",), KeyError, "missing"),
    (("timestamp",), "yesterday", "ISO 8601 date"),
    (("context", "extensions", "https://coupole-game.invalid/xapi/extensions/attempt"), 10**9, "out of range"),
])
def test_bad_statements_are_refused_with_a_reason(path, value, reason):
    with pytest.raises(StatementError, match=reason):
        parse(broken(path, value))


def test_statement_for_another_class_is_refused_when_a_class_is_expected():
    with pytest.raises(StatementError, match="belongs to class 5B, not 6A"):
        parse(statement(OUT), expected_class="6A")
    assert parse(statement(OUT), expected_class="5B") == OUT
