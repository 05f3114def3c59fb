"""The story so far: where the pupil is, what to do, the chapter's objectives and the places already seen."""
from __future__ import annotations

from dataclasses import dataclass

from ..story.runtime import ChapterRun


@dataclass(frozen=True)
class StorySoFar:
    title: str  # the chapter's
    text: str  # plain text, paragraphs and bullets (for the screen, read aloud as it is)


def story_so_far(tr, run: ChapterRun) -> StorySoFar:
    c, state = run.bundle.chapter, run.state
    scenes = {s.id: s for s in c.scenes}
    now = scenes[state.scene]
    _, total = run.score()
    parts = [
        tr("Now: {place}, {when}.", place=now.title, when=now.when),
        tr("What to do: look at the picture, talk to the people and read the documents; the ➜ signs lead on."),
        tr("Questions answered: {n} of {total}. Documents read: {read} of {docs}.", n=len(state.answers),
           total=total, read=len(state.opened), docs=len(c.documents)),
        "",
        tr("In this chapter you learn to:"),
        *[f"• {o.text}" for o in c.objectives],
        "",
        tr("The story so far:"),
    ]
    for sid in state.seen_scenes:
        s = scenes.get(sid)
        if s is not None:
            parts.append(f"• {s.title} ({s.when}). {s.intro or ''}".rstrip())
    return StorySoFar(c.title, "\n".join(parts))
