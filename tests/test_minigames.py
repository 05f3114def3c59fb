"""Mini-game rules, played with no window: what a pupil can do, what happens, when it is won."""
import pytest

from game.content.models import parse_minigame
from game.story import minigames as rules


def game(**kw):
    base = dict(id="g", title="T", intro="I", conclusion="C")
    base.update(kw)
    return parse_minigame(base)


DILEMMAS = game(
    kind="dilemmas",
    meters=[{"id": "food", "label": "Food", "start": 1, "max": 2}, {"id": "risk", "label": "Risk"}],
    rounds=[
        {"id": "r1", "situation": "S1", "options": [
            {"id": "queue", "text": "Queue", "effects": {"food": 5}, "consequence": "Bread."},
            {"id": "home", "text": "Home", "effects": {"food": -3}, "consequence": "Nothing."}]},
        {"id": "r2", "situation": "S2", "options": [
            {"id": "out", "text": "Out", "effects": {"risk": 3}, "consequence": "Danger."},
            {"id": "in", "text": "In", "consequence": "Safe."}]},
    ],
    endings=[{"id": "brave", "when": {"risk": 3, "food": 2}, "text": "Brave."},
             {"id": "risky", "when": {"risk": 3}, "text": "Risky."},
             {"id": "quiet", "text": "Quiet."}],
)


def test_dilemmas_meters_are_clamped_and_the_ending_follows_the_choices():
    d = rules.start(DILEMMAS)
    assert rules.legal(DILEMMAS, d) == [("choose", "queue"), ("choose", "home")]
    d = rules.apply(DILEMMAS, d, ("choose", "home"))
    assert d.meters["food"] == 0  # 1 - 3, never below 0
    assert rules.consequence(DILEMMAS, d).consequence == "Nothing."
    assert rules.legal(DILEMMAS, d) == [("next",)]  # the pupil reads the consequence first
    d = rules.apply(DILEMMAS, d, ("next",))
    d = rules.apply(DILEMMAS, d, ("choose", "out"))
    assert not rules.finished(DILEMMAS, d)
    d = rules.apply(DILEMMAS, d, ("next",))
    assert rules.finished(DILEMMAS, d)
    assert rules.ending(DILEMMAS, d).id == "risky"
    e = rules.start(DILEMMAS)
    for move in (("choose", "queue"), ("next",), ("choose", "out"), ("next",)):
        e = rules.apply(DILEMMAS, e, move)
    assert e.meters == {"food": 2, "risk": 3}  # 1 + 5 clamped to max 2
    assert rules.ending(DILEMMAS, e).id == "brave"
    assert rules.result(DILEMMAS, e) == {"chosen": ["queue", "out"], "meters": {"food": 2, "risk": 3}, "ending": "brave"}


def test_illegal_moves_are_refused_and_data_is_not_changed():
    d = rules.start(DILEMMAS)
    before = repr(d)
    with pytest.raises(rules.MiniGameError):
        rules.apply(DILEMMAS, d, ("next",))
    with pytest.raises(rules.MiniGameError):
        rules.apply(DILEMMAS, d, ("choose", "out"))  # an option of the next round
    rules.apply(DILEMMAS, d, ("choose", "queue"))
    assert repr(d) == before  # apply returns new data


PLACEMENT = game(
    kind="placement", map="maps/x.png", meter_label="Belief", target=70,
    zones=[{"id": "kent", "label": "Kent", "at": [900, 270]}, {"id": "hants", "label": "Hampshire", "at": [600, 330]}],
    tokens=[{"id": "tanks", "label": "Tanks", "detail": "Dummies", "scores": {"kent": 90, "hants": 10}},
            {"id": "radio", "label": "Radio", "detail": "Fake", "scores": {"kent": 80, "hants": 20}}],
)


def test_placement_meter_moves_with_each_token_and_check_needs_the_target():
    d = rules.start(PLACEMENT)
    assert rules.meter(PLACEMENT, d) == 0
    assert ("check",) not in rules.legal(PLACEMENT, d)  # every token must be placed first
    d = rules.apply(PLACEMENT, d, ("place", "tanks", "kent"))
    assert rules.meter(PLACEMENT, d) == 45
    d = rules.apply(PLACEMENT, d, ("place", "radio", "hants"))
    assert rules.meter(PLACEMENT, d) == 55
    d = rules.apply(PLACEMENT, d, ("check",))
    assert not rules.finished(PLACEMENT, d) and d.attempts == 1  # 55 < 70: try again
    d = rules.apply(PLACEMENT, d, ("place", "radio", "kent"))
    assert not d.checked
    d = rules.apply(PLACEMENT, d, ("check",))
    assert rules.meter(PLACEMENT, d) == 85 and rules.finished(PLACEMENT, d)
    assert rules.legal(PLACEMENT, d) == []
    assert rules.result(PLACEMENT, d) == {"attempts": 2, "meter": 85}


def test_placement_target_must_be_reachable():
    with pytest.raises(ValueError, match="cannot be reached"):
        game(kind="placement", map="maps/x.png", meter_label="B", target=95,
             zones=[{"id": "a", "label": "A", "at": [1, 1]}],
             tokens=[{"id": "t", "label": "T", "detail": "D", "scores": {"a": 90}}])


SEQUENCE = game(kind="sequence", cards=[{"id": c, "text": c.upper(), "date": str(1940 + i)} for i, c in enumerate("abcd")])


def test_sequence_starts_mixed_and_is_won_only_when_checked_in_order():
    d = rules.start(SEQUENCE)
    assert sorted(d.order) == ["a", "b", "c", "d"] and d.order != ["a", "b", "c", "d"]
    assert rules.start(SEQUENCE) == d  # the same for every pupil
    for i, card in enumerate("abcd"):
        if d.order[i] != card:
            d = rules.apply(SEQUENCE, d, ("move", card, str(i)))
    assert d.order == ["a", "b", "c", "d"] and not rules.finished(SEQUENCE, d)
    d = rules.apply(SEQUENCE, d, ("check",))
    assert rules.finished(SEQUENCE, d)
    wrong = rules.apply(SEQUENCE, rules.start(SEQUENCE), ("check",))
    assert not rules.finished(SEQUENCE, wrong)
    assert rules.placed_right(SEQUENCE, wrong) == {c for c, r in zip(wrong.order, "abcd") if c == r}


MATCHING = game(
    kind="matching", map="maps/x.png",
    categories=[{"id": "pl", "label": "Polish"}, {"id": "br", "label": "British"}],
    items=[{"id": "so", "label": "Saint-Omer", "at": [378, 238], "answer": "pl", "detail": "5 Sept"},
           {"id": "ar", "label": "Arras", "at": [588, 526], "answer": "br", "detail": "1 Sept"}],
)


def test_matching_needs_every_item_right():
    d = rules.start(MATCHING)
    d = rules.apply(MATCHING, d, ("assign", "so", "br"))
    d = rules.apply(MATCHING, d, ("assign", "ar", "br"))
    d = rules.apply(MATCHING, d, ("check",))
    assert not rules.finished(MATCHING, d) and rules.placed_right(MATCHING, d) == {"ar"}
    d = rules.apply(MATCHING, d, ("assign", "so", "pl"))
    d = rules.apply(MATCHING, d, ("check",))
    assert rules.finished(MATCHING, d) and d.attempts == 2


@pytest.mark.parametrize("mg", [DILEMMAS, PLACEMENT, SEQUENCE, MATCHING], ids=lambda m: m.kind.value)
def test_the_bot_solves_every_kind(mg):
    d = rules.start(mg)
    for _ in range(100):
        if rules.finished(mg, d):
            break
        move = rules.solve(mg, d)
        assert move in rules.legal(mg, d)
        d = rules.apply(mg, d, move)
    assert rules.finished(mg, d)


def test_authoring_mistakes_are_sentences():
    with pytest.raises(ValueError, match='unknown meter "hunger"'):
        game(kind="dilemmas", meters=[{"id": "food", "label": "F"}],
             rounds=[{"id": "r", "situation": "S", "options": [
                 {"id": "a", "text": "A", "effects": {"hunger": 1}, "consequence": "C"},
                 {"id": "b", "text": "B", "consequence": "C"}]}],
             endings=[{"id": "e", "text": "E"}])
    with pytest.raises(ValueError, match="last ending must have no 'when'"):
        game(kind="dilemmas", meters=[{"id": "food", "label": "F"}],
             rounds=[{"id": "r", "situation": "S", "options": [
                 {"id": "a", "text": "A", "consequence": "C"}, {"id": "b", "text": "B", "consequence": "C"}]}],
             endings=[{"id": "e", "when": {"food": 1}, "text": "E"}])
    with pytest.raises(ValueError, match="not a category"):
        game(kind="matching", map="maps/x.png", categories=[{"id": "pl", "label": "P"}],
             items=[{"id": "so", "label": "S", "at": [1, 1], "answer": "us", "detail": "D"}])
