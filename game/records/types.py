"""The two names a pupil's data is filed under, each with its one rule.

`ClassCode("5ème ")` is "5ÈME"; `Pseudonym(" Renard   Rusé")` is "Renard Rusé". Both are `str`, so a value made
once can go anywhere a string goes (a column, a file name, an IRI) and is still the same value. Building one from
text that breaks the rule raises `InvalidName` whose `reason` is a key the sign-in screen translates:
class-missing, class-format, pupil-missing, pupil-format.
"""
from __future__ import annotations

import re
import unicodedata
from typing import ClassVar, TypeVar

PUPIL_MAX = 24
PUPIL_EXTRA = " -_'."  # besides letters and digits
CLASS_MIN, CLASS_MAX = 2, 12


class InvalidName(ValueError):
    """A class code or pseudonym that breaks its rule. `reason` (also args[0]) is the key the screens translate."""

    def __init__(self, reason: str, text: str = ""):
        super().__init__(reason)
        self.reason, self.text = reason, text


_N = TypeVar("_N", bound="_Name")


class _Name(str):
    """What the two names share: made by their rule, and `exact` for data read back."""

    __slots__ = ()
    _format: ClassVar[str]  # the reason given when text is not already in its normal form

    @classmethod
    def exact(cls: type[_N], text: str) -> _N:
        """`text` only if it already is the name as the game writes it (for data read back: no silent fix-up)."""
        value = cls(text)
        if value != text:
            raise InvalidName(cls._format, text)
        return value


def _class_form(text: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", unicodedata.normalize("NFC", str(text))).upper())


class ClassCode(_Name):
    """A class code: NFC, every space removed, upper case, 2-12 letters (any alphabet) or digits."""

    __slots__ = ()
    _format = "class-format"

    def __new__(cls, text: str) -> ClassCode:
        if isinstance(text, ClassCode):
            return text
        code = _class_form(text)
        if not code:
            raise InvalidName("class-missing", text)
        if not (CLASS_MIN <= len(code) <= CLASS_MAX) or not code.isalnum():
            raise InvalidName("class-format", text)
        return super().__new__(cls, code)

    @staticmethod
    def typing(text: str) -> str | None:
        """A class code being typed, in its normal form, or None if no class code can begin like this."""
        code = _class_form(text)
        return code if len(code) <= CLASS_MAX and (code.isalnum() or not code) else None


class Pseudonym(_Name):
    """A pupil's pseudonym: NFC, runs of spaces made one, trimmed, 1-24 letters, digits or  -_'."""

    __slots__ = ()
    _format = "pupil-format"

    def __new__(cls, text: str) -> Pseudonym:
        if isinstance(text, Pseudonym):
            return text
        name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text))).strip()
        if not name:
            raise InvalidName("pupil-missing", text)
        if len(name) > PUPIL_MAX or not all(ch.isalnum() or ch in PUPIL_EXTRA for ch in name):
            raise InvalidName("pupil-format", text)
        return super().__new__(cls, name)
