"""What the screens show, computed without a window: pure functions returning plain dataclasses.

A screen (game.views) asks a presenter what to show and only draws it; the rules behind it (which documents are
new, which line a choice follows, an objective's score, the story so far, a pupil's totals, whether a mini-game
has started) live here, next to the runtime they read, and are tested in milliseconds.
"""
from .minigame import has_started
from .question import Verdict, verdict
from .report import ChapterTotals, pupil_totals
from .scene import (
    Conversation,
    FolderBadge,
    HotspotLabel,
    ScenePicture,
    Speaker,
    present_conversation,
    present_scene,
)
from .story import StorySoFar, story_so_far
from .summary import ChapterSummary, ObjectiveScore, present_summary

__all__ = [
    "ChapterSummary", "ChapterTotals", "Conversation", "FolderBadge", "HotspotLabel", "ObjectiveScore",
    "ScenePicture", "Speaker", "StorySoFar", "Verdict", "has_started", "present_conversation", "present_scene",
    "present_summary", "pupil_totals", "story_so_far", "verdict",
]
