"""Messages for authors, in their language (fr or en).

Every sentence the loader, the models and the lint write for an author goes through
`say(template, **values)`: the English template is the catalogue key (game/locale,
extracted with `-k say`), the values are filled in after translation. `validate --lang`
(or the LANG of the machine) chooses the language.
"""
from __future__ import annotations

import os

_translator = None


def set_language(locale: str | None) -> None:
    global _translator
    from ..i18n import LOCALES, Translator

    if locale is None:
        env = os.environ.get("LANGUAGE") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
        locale = env[:2].lower()
    _translator = Translator(locale if locale in LOCALES else "en")


def say(template: str, **values) -> str:
    text = _translator(template) if _translator is not None else template
    return text.format(**values) if values else text


def language(code: str) -> str:
    """A language's name in the author's language: "anglais", "Dutch"."""
    from babel import Locale

    author = _translator.locale if _translator is not None else "en"
    return Locale.parse(code).get_display_name(author) or code
