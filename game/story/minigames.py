"""Rules of the mini-games: pure functions of (game definition, plain data, action).

Every kind has the same five functions, so the runtime, the views and the bot treat
them alike:
- `start(mg)` -> the initial data (JSON-friendly, saved with the chapter state);
- `legal(mg, data)` -> every action a pupil could take now;
- `apply(mg, data, action)` -> new data (the old one is not changed);
- `finished(mg, data)` -> True when the game is won or over;
- `solve(mg, data)` -> the next action of a player who knows the answer (for the bot).

An action is a tuple of strings, e.g. ("choose", "queue"), ("place", "tanks", "kent"),
("move", "dome", "2"), ("assign", "saint-omer", "polish"), ("check",), ("next",).
Mistakes are not assessed: the pupil tries again, and the feedback says why.
"""
from __future__ import annotations

import copy
import hashlib
from typing import Callable

from ..content.models import MiniGame, MiniGameKind

Action = tuple


class MiniGameError(ValueError):
    """An action that the game does not allow now."""


def _mixed(ids: list[str], salt: str) -> list[str]:
    order = sorted(ids, key=lambda i: hashlib.sha256(f"{salt}:{i}".encode()).hexdigest())
    if order == ids:  # never start already solved
        order = order[1:] + order[:1]
    return order


# -- dilemmas: rounds of choices that move meters ------------------------------------------------

def _dilemmas_start(mg: MiniGame) -> dict:
    return {"round": 0, "meters": {m.id: m.start for m in mg.meters}, "chosen": [], "showing": False}


def _dilemmas_legal(mg: MiniGame, d: dict) -> list[Action]:
    if d["showing"]:
        return [("next",)]
    if d["round"] < len(mg.rounds):
        return [("choose", o.id) for o in mg.rounds[d["round"]].options]
    return []


def _dilemmas_apply(mg: MiniGame, d: dict, action: Action) -> dict:
    d = copy.deepcopy(d)
    if action == ("next",):
        d["showing"] = False
        d["round"] += 1
        return d
    option = next(o for o in mg.rounds[d["round"]].options if o.id == action[1])
    limits = {m.id: m.max for m in mg.meters}
    for meter, delta in option.effects.items():
        d["meters"][meter] = max(0, min(limits[meter], d["meters"][meter] + delta))
    d["chosen"].append(option.id)
    d["showing"] = True
    return d


def _dilemmas_finished(mg: MiniGame, d: dict) -> bool:
    return d["round"] >= len(mg.rounds) and not d["showing"]


def ending(mg: MiniGame, d: dict):
    """The dilemmas ending for these meters: the first whose thresholds are all reached."""
    return next(e for e in mg.endings if all(d["meters"][m] >= v for m, v in e.when.items()))


def consequence(mg: MiniGame, d: dict):
    """The option chosen in the current round, while its consequence is on screen."""
    if not d["showing"]:
        return None
    r = mg.rounds[d["round"]]
    return next(o for o in r.options if o.id == d["chosen"][-1])


# -- placement: tokens in zones, a meter shows what the enemy believes ---------------------------

def _placement_start(mg: MiniGame) -> dict:
    return {"placed": {}, "checked": False, "attempts": 0}


def meter(mg: MiniGame, d: dict) -> int:
    """0-100: how far the enemy believes the target, from the tokens placed so far."""
    total = sum(t.scores.get(d["placed"].get(t.id, ""), 0) for t in mg.tokens)
    return round(total / len(mg.tokens))


def _placement_legal(mg: MiniGame, d: dict) -> list[Action]:
    if d["checked"] and meter(mg, d) >= mg.target:
        return []
    acts: list[Action] = [("place", t.id, z.id) for t in mg.tokens for z in mg.zones if d["placed"].get(t.id) != z.id]
    if len(d["placed"]) == len(mg.tokens):
        acts.append(("check",))
    return acts


def _placement_apply(mg: MiniGame, d: dict, action: Action) -> dict:
    d = copy.deepcopy(d)
    if action == ("check",):
        d["checked"] = True
        d["attempts"] += 1
    else:
        d["placed"][action[1]] = action[2]
        d["checked"] = False
    return d


def _placement_finished(mg: MiniGame, d: dict) -> bool:
    return d["checked"] and meter(mg, d) >= mg.target


def _placement_solve(mg: MiniGame, d: dict) -> Action:
    for t in mg.tokens:
        best = max(t.scores, key=lambda z: t.scores[z])
        if d["placed"].get(t.id) != best:
            return ("place", t.id, best)
    return ("check",)


# -- sequence: put cards in order -------------------------------------------------------------------

def _sequence_start(mg: MiniGame) -> dict:
    return {"order": _mixed([c.id for c in mg.cards], mg.id), "checked": False, "attempts": 0}


def _sequence_legal(mg: MiniGame, d: dict) -> list[Action]:
    if _sequence_finished(mg, d):
        return []
    n = len(d["order"])
    acts: list[Action] = [("move", c, str(i)) for c in d["order"] for i in range(n) if d["order"].index(c) != i]
    return acts + [("check",)]


def _sequence_apply(mg: MiniGame, d: dict, action: Action) -> dict:
    d = copy.deepcopy(d)
    if action == ("check",):
        d["checked"] = True
        d["attempts"] += 1
        return d
    card, index = action[1], int(action[2])
    d["order"].remove(card)
    d["order"].insert(max(0, min(index, len(d["order"]))), card)
    d["checked"] = False
    return d


def _sequence_finished(mg: MiniGame, d: dict) -> bool:
    return d["checked"] and d["order"] == [c.id for c in mg.cards]


def _sequence_solve(mg: MiniGame, d: dict) -> Action:
    for i, c in enumerate(mg.cards):
        if d["order"][i] != c.id:
            return ("move", c.id, str(i))
    return ("check",)


def placed_right(mg: MiniGame, d: dict) -> set[str]:
    """sequence: the cards already in their right place; matching: the items rightly matched."""
    if mg.kind is MiniGameKind.sequence:
        return {c for c, right in zip(d["order"], mg.cards) if c == right.id}
    return {it.id for it in mg.items if d["assigned"].get(it.id) == it.answer}


# -- matching: give each place its category ---------------------------------------------------------

def _matching_start(mg: MiniGame) -> dict:
    return {"assigned": {}, "checked": False, "attempts": 0}


def _matching_legal(mg: MiniGame, d: dict) -> list[Action]:
    if _matching_finished(mg, d):
        return []
    acts: list[Action] = [("assign", it.id, c.id) for it in mg.items for c in mg.categories
                          if d["assigned"].get(it.id) != c.id]
    if len(d["assigned"]) == len(mg.items):
        acts.append(("check",))
    return acts


def _matching_apply(mg: MiniGame, d: dict, action: Action) -> dict:
    d = copy.deepcopy(d)
    if action == ("check",):
        d["checked"] = True
        d["attempts"] += 1
    else:
        d["assigned"][action[1]] = action[2]
        d["checked"] = False
    return d


def _matching_finished(mg: MiniGame, d: dict) -> bool:
    return d["checked"] and all(d["assigned"].get(it.id) == it.answer for it in mg.items)


def _matching_solve(mg: MiniGame, d: dict) -> Action:
    for it in mg.items:
        if d["assigned"].get(it.id) != it.answer:
            return ("assign", it.id, it.answer)
    return ("check",)


_RULES: dict[MiniGameKind, tuple[Callable, ...]] = {
    MiniGameKind.dilemmas: (_dilemmas_start, _dilemmas_legal, _dilemmas_apply, _dilemmas_finished,
                            lambda mg, d: _dilemmas_legal(mg, d)[0]),
    MiniGameKind.placement: (_placement_start, _placement_legal, _placement_apply, _placement_finished, _placement_solve),
    MiniGameKind.sequence: (_sequence_start, _sequence_legal, _sequence_apply, _sequence_finished, _sequence_solve),
    MiniGameKind.matching: (_matching_start, _matching_legal, _matching_apply, _matching_finished, _matching_solve),
}


def start(mg: MiniGame) -> dict:
    return _RULES[mg.kind][0](mg)


def legal(mg: MiniGame, data: dict) -> list[Action]:
    return _RULES[mg.kind][1](mg, data)


def apply(mg: MiniGame, data: dict, action: Action) -> dict:
    action = tuple(str(a) for a in action)
    if action not in legal(mg, data):
        raise MiniGameError(f"{action} is not possible now in {mg.id!r}")
    return _RULES[mg.kind][2](mg, data, action)


def finished(mg: MiniGame, data: dict) -> bool:
    return _RULES[mg.kind][3](mg, data)


def solve(mg: MiniGame, data: dict) -> Action:
    return _RULES[mg.kind][4](mg, data)


def result(mg: MiniGame, data: dict) -> dict:
    """What is worth telling the teacher about a finished game."""
    if mg.kind is MiniGameKind.dilemmas:
        return {"chosen": list(data["chosen"]), "meters": dict(data["meters"]), "ending": ending(mg, data).id}
    out = {"attempts": data["attempts"]}
    if mg.kind is MiniGameKind.placement:
        out["meter"] = meter(mg, data)
    return out
