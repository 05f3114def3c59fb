"""Typed events: every kind the runtime emits is one documented dataclass, and the runtime emits each of them."""
import dataclasses
from pathlib import Path

import pytest

from game.content.loader import load_content
from game.story import events as ev
from game.story.autoplay import explore, perform
from game.story.runtime import ChapterRun

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def emitted():
    """Every event of one playthrough per branch of every chapter of the game."""
    content = load_content(ROOT)
    out = []
    for bundle in content.ordered():
        for path in explore(bundle).paths:
            run = ChapterRun(bundle)
            run.subscribe(out.append)
            run.start()
            for action in path:
                perform(run, action)
            if run.state.documents:  # read again from the folder (no chapter hands one straight to the eyes)
                run.open_document(run.state.documents[0])
    return out


def test_every_event_emitted_is_a_declared_type(emitted):
    assert emitted and all(type(e) in ev.EVENT_TYPES for e in emitted)


def test_every_declared_kind_is_emitted_by_the_story(emitted):
    assert {type(e) for e in emitted} == set(ev.EVENT_TYPES)


def test_each_kind_is_documented_and_named_once():
    kinds = [t.kind for t in ev.EVENT_TYPES]
    assert len(set(kinds)) == len(kinds) == 14
    for t in ev.EVENT_TYPES:
        assert t.__doc__ and len(t.__doc__.split()) >= 5, t.__name__
        assert dataclasses.is_dataclass(t) and t.__dataclass_params__.frozen


def test_data_is_the_events_own_fields(emitted):
    answered = next(e for e in emitted if isinstance(e, ev.QuestionAnswered))
    assert set(answered.data) == {"answer", "objective"}
    assert answered.data["answer"]["question"] and answered.chapter and answered.at
    step = next(e for e in emitted if isinstance(e, ev.StepTaken))
    assert step.data == {"steps": step.steps}
