"""A mini-game's screen: has the pupil started it (past its intro panel)?"""
from __future__ import annotations

from ..story import minigames as rules


def has_started(minigame, data: dict) -> bool:
    """True once the game has moved from its first state: a game resumed after its first move skips the intro."""
    return data != rules.start(minigame)
