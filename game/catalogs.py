"""Content translation catalogues: extract, update, report.

`python main.py i18n` writes levels/locale/<chapter>.pot from the YAML and merges it
into levels/locale/<lang>/LC_MESSAGES/<chapter>.po for every other language: new
strings are added, a changed source string keeps its old translation marked fuzzy
(out of date), removed strings become obsolete. Nothing translated is lost.
"""
from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .content.loader import Content, ContentError
from .content.po import read_catalog
from .content.texts import all_messages
from .i18n import LOCALES, SOURCE_LOCALE, content_locale_dir, po_path


def template(content: Content, chapter_id: str) -> Catalog:
    b = content.chapters[chapter_id]
    cat = Catalog(project="coupole-game", locale=SOURCE_LOCALE, domain=chapter_id)
    for msg in all_messages(b):
        cat.add(
            msg.text,
            locations=[(msg.file, msg.line)],
            auto_comments=[msg.comment] if msg.comment else [],
            context=f"{chapter_id}:{msg.context}",
        )
    return cat


def update_catalogs(content: Content, locales=None, chapters=None) -> list[Path]:
    written: list[Path] = []
    base = content_locale_dir(content.root)
    for cid in chapters or content.chapters:
        tmpl = template(content, cid)
        pot = base / f"{cid}.pot"
        pot.parent.mkdir(parents=True, exist_ok=True)
        with pot.open("wb") as fh:
            write_po(fh, tmpl, width=100, omit_header=False)
        written.append(pot)
        for loc in locales or [lc for lc in LOCALES if lc != SOURCE_LOCALE]:
            path = po_path(base, loc, cid)
            if path.exists():
                _, problems = read_catalog(path, path.relative_to(content.root).as_posix())
                if any(p.severity == "error" for p in problems):  # rewriting it would lose the broken entries
                    raise ContentError(problems)
                with path.open("rb") as fh:
                    cat = read_po(fh, locale=loc, domain=cid)
                cat.update(tmpl, update_header_comment=False)
            else:
                cat = Catalog(locale=loc, domain=cid, project="coupole-game")
                cat.update(tmpl)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as fh:
                write_po(fh, cat, width=100, include_previous=True)
            written.append(path)
    return written


def coverage(content: Content, locale: str) -> dict[str, dict[str, int]]:
    """Per chapter: total strings, translated (current), fuzzy (out of date), missing."""
    result = {}
    base = content_locale_dir(content.root)
    for cid in content.chapters:
        msgs = all_messages(content.chapters[cid])
        total = len(msgs)
        if locale == SOURCE_LOCALE:
            result[cid] = {"total": total, "translated": total, "fuzzy": 0, "missing": 0}
            continue
        path = po_path(base, locale, cid)
        entries = {}
        if path.exists():
            cat, _ = read_catalog(path, locale=locale, domain=cid)  # entries with a problem count as missing
            entries = {(m.context, m.id): m for m in cat or () if m.id}
        done = fuzzy = 0
        for msg in msgs:
            e = entries.get((f"{cid}:{msg.context}", msg.text))
            if e is None or not e.string:
                continue
            if e.fuzzy:
                fuzzy += 1
            else:
                done += 1
        result[cid] = {"total": total, "translated": done, "fuzzy": fuzzy, "missing": total - done - fuzzy}
    return result
