"""Languages: interface strings and content translations, served by Babel + gettext.

- Interface strings are written in English in the code (`_("Play")`) and
  translated in game/locale/<lang>/LC_MESSAGES/messages.po.
- Content is written in French in the YAML; translations live in one catalogue per
  chapter, levels/locale/<lang>/LC_MESSAGES/<chapter-id>.po, with the stable id
  path as message context (see game.content.texts).

Catalogues are read from the .po files with Babel and served through gettext's
`GNUTranslations` (compiled in memory), so a catalogue can never be stale.
Entries marked fuzzy (source changed since translation) are not used: the pupil
sees the French source instead of an out-of-date translation.
"""
from __future__ import annotations

import gettext
from typing import overload
import io
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo

LOCALES = ("fr", "en", "nl", "de")
SOURCE_LOCALE = "fr"  # the language content is written in
DATE_LOCALES = {"en": "en_GB"}  # British classes: day before month
UI_DIR = Path(__file__).resolve().parent / "locale"


def N_(message: str) -> str:
    """Marks a string for extraction; it is translated later, where it is shown."""
    return message


def content_locale_dir(root: Path) -> Path:
    return root / "levels" / "locale"


def po_path(base: Path, locale: str, domain: str) -> Path:
    return base / locale / "LC_MESSAGES" / f"{domain}.po"


@lru_cache(maxsize=64)
def _load(path_str: str, mtime: float) -> gettext.NullTranslations:
    from .content.po import read_catalog

    try:  # strict and bounded: an entry with a problem is left out (validate says where), the source is shown
        catalog, _ = read_catalog(Path(path_str))
    except Exception:  # a broken catalogue must never stop the game: fall back to the source
        catalog = None
    if catalog is None:
        return gettext.NullTranslations()
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def catalogue(path: Path) -> gettext.NullTranslations:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return gettext.NullTranslations()
    return _load(str(path), mtime)


class Translator:
    """Everything a view needs to show text in one language."""

    def __init__(self, locale: str, content_root: Path | None = None):
        if locale not in LOCALES:
            locale = SOURCE_LOCALE
        self.locale = locale
        self.content_root = content_root
        self._ui = catalogue(po_path(UI_DIR, locale, "messages"))

    # interface -----------------------------------------------------------
    def __call__(self, message: str, **values) -> str:
        text = self._ui.gettext(message)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, **values) -> str:
        text = self._ui.ngettext(singular, plural, count)
        return text.format(count=count, **values)

    # content -------------------------------------------------------------
    @overload
    def content(self, chapter_id: str, context: str, source: str) -> str: ...
    @overload
    def content(self, chapter_id: str, context: str, source: None) -> None: ...

    def content(self, chapter_id: str, context: str, source: str | None) -> str | None:
        """Translate one content string; `context` is relative to the chapter (e.g. 'title')."""
        if source is None or self.locale == SOURCE_LOCALE or self.content_root is None:
            return source
        base = content_locale_dir(self.content_root)
        key = f"{chapter_id}:{context}"
        # The chapter's own catalogue first (python main.py i18n), then the shared one (pybabel workflow).
        for domain in (chapter_id, "content"):
            text = catalogue(po_path(base, self.locale, domain)).pgettext(key, source)
            if text != source:
                return text
        return source

    # dates ------------------------------------------------------------------
    def date(self, value, fmt: str = "long") -> str:
        """A date as a reader of this language writes it: "1er septembre 1944", "1 September 1944"."""
        text = format_date(value, format=fmt, locale=Locale.parse(DATE_LOCALES.get(self.locale, self.locale)))
        if self.locale == "fr" and value.day == 1 and text.startswith("1 "):
            text = "1er " + text[2:]  # French writes the first day of a month as an ordinal
        return text

    def language_name(self, locale: str | None = None) -> str:
        loc = Locale.parse(locale or self.locale)
        return (loc.get_display_name(loc) or str(loc)).capitalize()
