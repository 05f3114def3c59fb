"""`python main.py stats`: what each chapter holds, and how complete each language is."""
from __future__ import annotations

import re
from collections import Counter

from .catalogs import coverage
from .content.loader import Content
from .content.texts import all_messages, localized
from .i18n import LOCALES, Translator

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def words(texts) -> int:
    return sum(len(_WORD.findall(t)) for t in texts)


def chapter_stats(content: Content) -> dict:
    out = {}
    for b in content.ordered():
        c = b.chapter
        per_locale = {}
        for loc in LOCALES:
            tr = Translator(loc, content.root)
            def translate(ctx: str, text: str, cid: str = b.id, tr: Translator = tr) -> str:
                return tr.content(cid, ctx, text)

            lb = localized(b, translate)
            per_locale[loc] = words(m.text for m in all_messages(lb) if not m.context.startswith("teacher:"))
        cov = {loc: coverage(content, loc)[b.id] for loc in LOCALES}
        out[b.id] = {
            "title": c.title,
            "order": c.order,
            "scenes": len(c.scenes),
            "characters": len(c.characters),
            "documents": len(c.documents),
            "documents_by_kind": dict(sorted(Counter(d.kind.value for d in c.documents).items())),
            "questions": len(c.questions),
            "questions_by_kind": dict(sorted(Counter(q.kind.value for q in c.questions).items())),
            "objectives": len(c.objectives),
            "minigames": [{"id": m.id, "kind": m.kind.value} for m in c.minigames],
            "dialogue_nodes": len(b.nodes),
            "dialogue_lines": sum(len(n.lines) for n in b.nodes.values()),
            "choices": sum(len(n.choices) for n in b.nodes.values()),
            "sources": len(c.sources),
            "teacher_note": c.teacher is not None,
            "words": per_locale,
            "translation": {
                loc: {**v, "percent": round(100 * v["translated"] / v["total"], 1) if v["total"] else 100.0}
                for loc, v in cov.items()
            },
        }
    return out


def format_table(stats: dict) -> str:
    lines = []
    for cid, s in stats.items():
        q = ", ".join(f"{k} {v}" for k, v in s["questions_by_kind"].items())
        mg = ", ".join(f"{m['id']} ({m['kind']})" for m in s["minigames"]) or "none"
        tr = ", ".join(f"{loc} {v['percent']}%" for loc, v in s["translation"].items())
        w = ", ".join(f"{loc} {n}" for loc, n in s["words"].items())
        lines.append(f"{s['order']}. {cid}: {s['scenes']} scenes, {s['characters']} characters, "
                     f"{s['documents']} documents, {s['questions']} questions ({q}), mini-games: {mg}; "
                     f"words: {w}; translated: {tr}")
    return "\n".join(lines)
