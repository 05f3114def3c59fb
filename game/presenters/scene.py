"""The scene screen and a conversation step: what is on the picture, what the folder says, who speaks."""
from __future__ import annotations

from dataclasses import dataclass

from ..story.runtime import ChapterRun

MARKS = {"talk": "❝", "document": "▤", "question": "?", "go": "➜", "play": "♟"}  # what a hotspot does, as an icon


@dataclass(frozen=True)
class HotspotLabel:
    id: str
    label: str
    mark: str  # MARKS: talk, document, question, go, play
    at: tuple[int, int]  # where it is on the picture (content coordinates, from the top left)


@dataclass(frozen=True)
class FolderBadge:
    label: str  # "Folder: 2 new" / "Folder (3)"
    unread: int  # documents received and not read yet
    count: int  # documents received

    @property
    def mark(self) -> str | None:
        return "★" if self.unread else None


@dataclass(frozen=True)
class ScenePicture:
    title: str
    when: str
    intro: str
    background: str
    hotspots: tuple[HotspotLabel, ...]  # the ones the pupil can use now
    folder: FolderBadge


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str
    portrait: str


@dataclass(frozen=True)
class Conversation:
    """A line being said, or the choices after it (the line they follow stays in the box as a reminder)."""

    kind: str  # "line" or "choices"
    text: str  # the line (for choices: the last line said, or "" in a node with no line)
    speaker: Speaker | None  # None for the narrator
    choices: tuple[tuple[str, str], ...]  # (choice id, text) offered now


def folder_badge(tr, run: ChapterRun) -> FolderBadge:
    docs = run.state.documents
    unread = [d for d in docs if d not in run.state.opened]
    label = tr("Folder: {n} new", n=len(unread)) if unread else tr("Folder ({n})", n=len(docs))
    return FolderBadge(label, len(unread), len(docs))


def present_scene(tr, run: ChapterRun) -> ScenePicture:
    scene = run.scene
    spots = tuple(HotspotLabel(h.id, h.label, MARKS[h.action[0]], h.at) for h in run.hotspots())
    return ScenePicture(scene.title, scene.when or "", scene.intro or "", scene.background, spots,
                        folder_badge(tr, run))


def present_conversation(run: ChapterRun) -> Conversation:
    step = run.step()
    if step.kind not in ("line", "choices"):
        raise ValueError(f"no conversation on a {step.kind} step")
    assert run.state.dialogue is not None  # a line or choices step is inside a conversation
    node = run.bundle.nodes[run.state.dialogue.node]
    line = step.line or (node.lines[-1] if node.lines else None)
    character = run.bundle.characters.get(line.speaker) if line else None
    speaker = Speaker(character.name, character.role, character.portrait) if character else None
    return Conversation(step.kind, line.text if line else "", speaker, tuple((c.id, c.text) for c in step.choices))
