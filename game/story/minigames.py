"""Rules of the mini-games: pure functions of (game definition, typed play data, action).

Every kind has its own game model (game.content.models: DilemmasGame, PlacementGame, ...),
its own play data (DilemmasPlay, PlacementPlay, ...: what the pupil has done so far, saved
with the chapter state) and its own rules class. The module's functions dispatch on the kind,
so the runtime, the views and the bot treat them alike:
- `start(mg)` -> the initial play data;
- `legal(mg, data)` -> every action a pupil could take now;
- `apply(mg, data, action)` -> new data (the old one is not changed);
- `finished(mg, data)` -> True when the game is won or over;
- `solve(mg, data)` -> the next action of a player who knows the answer (for the bot);
- `result(mg, data)` -> what is worth telling the teacher about a finished game.

An action is a tuple of strings, e.g. ("choose", "queue"), ("place", "tanks", "kent"),
("move", "dome", "2"), ("assign", "saint-omer", "polish"), ("check",), ("next",).
Mistakes are not assessed: the pupil tries again, and the feedback says why.

The play data's JSON is the one saves have always held (e.g. {"placed": {...}, "checked": false,
"attempts": 0}), so saves written before these types load unchanged.
"""
from __future__ import annotations

import hashlib
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from ..content.models import (DilemmaOption, DilemmasGame, Ending, MatchingGame, MiniGameBase, MiniGameKind,
                              PlacementGame, SequenceGame)

Action = tuple


class MiniGameError(ValueError):
    """An action that the game does not allow now."""


class _Play(BaseModel):
    # every field required, no extra field: saved data is recognised as one kind's and nothing else
    model_config = ConfigDict(extra="forbid")


class DilemmasPlay(_Play):
    round: Annotated[int, Field(ge=0, le=10_000)]  # index of the round on screen
    meters: dict[str, Annotated[int, Field(ge=-1_000_000, le=1_000_000)]]  # meter id -> value
    chosen: list[str]  # the option chosen in each round so far
    showing: bool  # the consequence of the last choice is on screen


class PlacementPlay(_Play):
    placed: dict[str, str]  # token id -> zone id
    checked: bool
    attempts: Annotated[int, Field(ge=0, le=1_000_000)]  # bounded: a save's numbers are (game.story.state)


class SequencePlay(_Play):
    order: list[str]  # card ids in the pupil's order
    checked: bool
    attempts: Annotated[int, Field(ge=0, le=1_000_000)]  # bounded: a save's numbers are (game.story.state)


class MatchingPlay(_Play):
    assigned: dict[str, str]  # item id -> category id
    checked: bool
    attempts: Annotated[int, Field(ge=0, le=1_000_000)]  # bounded: a save's numbers are (game.story.state)


#: What a pupil has done so far in a mini-game, whatever its kind (saved with the chapter state).
GameData = DilemmasPlay | PlacementPlay | SequencePlay | MatchingPlay


def _mixed(ids: list[str], salt: str) -> list[str]:
    order = sorted(ids, key=lambda i: hashlib.sha256(f"{salt}:{i}".encode()).hexdigest())
    if order == ids:  # never start already solved
        order = order[1:] + order[:1]
    return order


# -- dilemmas: rounds of choices that move meters ------------------------------------------------

class _Dilemmas:
    data = DilemmasPlay

    @staticmethod
    def start(mg: DilemmasGame) -> DilemmasPlay:
        return DilemmasPlay(round=0, meters={m.id: m.start for m in mg.meters}, chosen=[], showing=False)

    @staticmethod
    def legal(mg: DilemmasGame, d: DilemmasPlay) -> list[Action]:
        if d.showing:
            return [("next",)]
        if d.round < len(mg.rounds):
            return [("choose", o.id) for o in mg.rounds[d.round].options]
        return []

    @staticmethod
    def apply(mg: DilemmasGame, d: DilemmasPlay, action: Action) -> DilemmasPlay:
        d = d.model_copy(deep=True)
        if action == ("next",):
            d.showing = False
            d.round += 1
            return d
        option = next(o for o in mg.rounds[d.round].options if o.id == action[1])
        limits = {m.id: m.max for m in mg.meters}
        for meter_id, delta in option.effects.items():
            d.meters[meter_id] = max(0, min(limits[meter_id], d.meters[meter_id] + delta))
        d.chosen.append(option.id)
        d.showing = True
        return d

    @staticmethod
    def finished(mg: DilemmasGame, d: DilemmasPlay) -> bool:
        return d.round >= len(mg.rounds) and not d.showing

    @classmethod
    def solve(cls, mg: DilemmasGame, d: DilemmasPlay) -> Action:
        return cls.legal(mg, d)[0]

    @staticmethod
    def result(mg: DilemmasGame, d: DilemmasPlay) -> dict:
        return {"chosen": list(d.chosen), "meters": dict(d.meters), "ending": ending(mg, d).id}


def ending(mg: DilemmasGame, d: DilemmasPlay) -> Ending:
    """The dilemmas ending for these meters: the first whose thresholds are all reached."""
    return next(e for e in mg.endings if all(d.meters[m] >= v for m, v in e.when.items()))


def consequence(mg: DilemmasGame, d: DilemmasPlay) -> DilemmaOption | None:
    """The option chosen in the current round, while its consequence is on screen."""
    if not d.showing:
        return None
    r = mg.rounds[d.round]
    return next(o for o in r.options if o.id == d.chosen[-1])


# -- placement: tokens in zones, a meter shows what the enemy believes ---------------------------

def meter(mg: PlacementGame, d: PlacementPlay) -> int:
    """0-100: how far the enemy believes the target, from the tokens placed so far."""
    total = sum(t.scores.get(d.placed.get(t.id, ""), 0) for t in mg.tokens)
    return round(total / len(mg.tokens))


class _Placement:
    data = PlacementPlay

    @staticmethod
    def start(mg: PlacementGame) -> PlacementPlay:
        return PlacementPlay(placed={}, checked=False, attempts=0)

    @staticmethod
    def legal(mg: PlacementGame, d: PlacementPlay) -> list[Action]:
        if d.checked and meter(mg, d) >= mg.target:
            return []
        acts: list[Action] = [("place", t.id, z.id) for t in mg.tokens for z in mg.zones if d.placed.get(t.id) != z.id]
        if len(d.placed) == len(mg.tokens):
            acts.append(("check",))
        return acts

    @staticmethod
    def apply(mg: PlacementGame, d: PlacementPlay, action: Action) -> PlacementPlay:
        d = d.model_copy(deep=True)
        if action == ("check",):
            d.checked = True
            d.attempts += 1
        else:
            d.placed[action[1]] = action[2]
            d.checked = False
        return d

    @staticmethod
    def finished(mg: PlacementGame, d: PlacementPlay) -> bool:
        return d.checked and meter(mg, d) >= mg.target

    @staticmethod
    def solve(mg: PlacementGame, d: PlacementPlay) -> Action:
        for t in mg.tokens:
            best = max(t.scores, key=lambda z: t.scores[z])
            if d.placed.get(t.id) != best:
                return ("place", t.id, best)
        return ("check",)

    @staticmethod
    def result(mg: PlacementGame, d: PlacementPlay) -> dict:
        return {"attempts": d.attempts, "meter": meter(mg, d)}


# -- sequence: put cards in order -------------------------------------------------------------------

class _Sequence:
    data = SequencePlay

    @staticmethod
    def start(mg: SequenceGame) -> SequencePlay:
        return SequencePlay(order=_mixed([c.id for c in mg.cards], mg.id), checked=False, attempts=0)

    @classmethod
    def legal(cls, mg: SequenceGame, d: SequencePlay) -> list[Action]:
        if cls.finished(mg, d):
            return []
        n = len(d.order)
        acts: list[Action] = [("move", c, str(i)) for c in d.order for i in range(n) if d.order.index(c) != i]
        return acts + [("check",)]

    @staticmethod
    def apply(mg: SequenceGame, d: SequencePlay, action: Action) -> SequencePlay:
        d = d.model_copy(deep=True)
        if action == ("check",):
            d.checked = True
            d.attempts += 1
            return d
        card, index = action[1], int(action[2])
        d.order.remove(card)
        d.order.insert(max(0, min(index, len(d.order))), card)
        d.checked = False
        return d

    @staticmethod
    def finished(mg: SequenceGame, d: SequencePlay) -> bool:
        return d.checked and d.order == [c.id for c in mg.cards]

    @staticmethod
    def solve(mg: SequenceGame, d: SequencePlay) -> Action:
        for i, c in enumerate(mg.cards):
            if d.order[i] != c.id:
                return ("move", c.id, str(i))
        return ("check",)

    @staticmethod
    def result(mg: SequenceGame, d: SequencePlay) -> dict:
        return {"attempts": d.attempts}


# -- matching: give each place its category ---------------------------------------------------------

class _Matching:
    data = MatchingPlay

    @staticmethod
    def start(mg: MatchingGame) -> MatchingPlay:
        return MatchingPlay(assigned={}, checked=False, attempts=0)

    @classmethod
    def legal(cls, mg: MatchingGame, d: MatchingPlay) -> list[Action]:
        if cls.finished(mg, d):
            return []
        acts: list[Action] = [("assign", it.id, c.id) for it in mg.items for c in mg.categories
                              if d.assigned.get(it.id) != c.id]
        if len(d.assigned) == len(mg.items):
            acts.append(("check",))
        return acts

    @staticmethod
    def apply(mg: MatchingGame, d: MatchingPlay, action: Action) -> MatchingPlay:
        d = d.model_copy(deep=True)
        if action == ("check",):
            d.checked = True
            d.attempts += 1
        else:
            d.assigned[action[1]] = action[2]
            d.checked = False
        return d

    @staticmethod
    def finished(mg: MatchingGame, d: MatchingPlay) -> bool:
        return d.checked and all(d.assigned.get(it.id) == it.answer for it in mg.items)

    @staticmethod
    def solve(mg: MatchingGame, d: MatchingPlay) -> Action:
        for it in mg.items:
            if d.assigned.get(it.id) != it.answer:
                return ("assign", it.id, it.answer)
        return ("check",)

    @staticmethod
    def result(mg: MatchingGame, d: MatchingPlay) -> dict:
        return {"attempts": d.attempts}


def placed_right(mg: SequenceGame | MatchingGame, d: SequencePlay | MatchingPlay) -> set[str]:
    """sequence: the cards already in their right place; matching: the items rightly matched."""
    if isinstance(mg, SequenceGame) and isinstance(d, SequencePlay):
        return {c for c, right in zip(d.order, mg.cards, strict=False) if c == right.id}
    if isinstance(mg, MatchingGame) and isinstance(d, MatchingPlay):
        return {it.id for it in mg.items if d.assigned.get(it.id) == it.answer}
    raise MiniGameError(f"{mg.id!r} has no parts to place right")


_RULES: dict[MiniGameKind, Any] = {
    MiniGameKind.dilemmas: _Dilemmas,
    MiniGameKind.placement: _Placement,
    MiniGameKind.sequence: _Sequence,
    MiniGameKind.matching: _Matching,
}


def _rules(mg: MiniGameBase, data: GameData | None = None):
    rules = _RULES[mg.kind]
    if data is not None and not isinstance(data, rules.data):
        raise MiniGameError(f"{type(data).__name__} is not the play data of the {mg.kind.value} game {mg.id!r}")
    return rules


def fits(mg: MiniGameBase, data: GameData | None) -> bool:
    """Is `data` play data of this game's kind (a save read back after the content changed may hold another's)?"""
    return isinstance(data, _RULES[mg.kind].data)


def start(mg: MiniGameBase) -> GameData:
    return _rules(mg).start(mg)


def legal(mg: MiniGameBase, data: GameData) -> list[Action]:
    return _rules(mg, data).legal(mg, data)


def apply(mg: MiniGameBase, data: GameData, action: Action) -> GameData:
    action = tuple(str(a) for a in action)
    if action not in legal(mg, data):
        raise MiniGameError(f"{action} is not possible now in {mg.id!r}")
    return _rules(mg, data).apply(mg, data, action)


def finished(mg: MiniGameBase, data: GameData) -> bool:
    return _rules(mg, data).finished(mg, data)


def solve(mg: MiniGameBase, data: GameData) -> Action:
    return _rules(mg, data).solve(mg, data)


def result(mg: MiniGameBase, data: GameData) -> dict:
    """What is worth telling the teacher about a finished game."""
    return _rules(mg, data).result(mg, data)
