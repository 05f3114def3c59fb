"""A pupil's preferences: one typed model, kept in their profile, applied by the app in one place.

Text size, typeface, line spacing, contrast, text speed, language, reading aloud, the voice's volume and the
pupil's own keys. The model is frozen: a change is `prefs.changed(name=value)`, checked like the rest, and
`App.set_preferences` applies it at once and keeps it with the pupil. No arcade here: the look's names are
the ones `game.views.ui` knows (a test checks they agree), the keys' actions the ones of `game.views.keys`.

In the save file (`Profile`) the language is `profile.locale` and the rest is the `settings` dict, as before:
old saves keep their settings, and a setting that cannot be read is dropped alone (`Profile` drops what is
not even a setting; `restore` drops what is not a value this game offers).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .i18n import LOCALES, SOURCE_LOCALE
from .speech import VOLUMES as VOICE_VOLUMES
from .story.state import Profile

TEXT_SPEEDS = {"slow": 25.0, "normal": 45.0, "fast": 90.0, "instant": 0.0}  # characters per second; 0 = all at once
KEY_ACTIONS = ("confirm", "next", "previous", "menu", "folder", "listen")  # what a pupil may give a key of their own
Language = Literal[LOCALES]  # type: ignore[valid-type]


class Preferences(BaseModel):
    """Everything a pupil may choose about how the game looks, reads and listens."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    size: Literal["normal", "large", "larger"] = Field("normal", description="Text size: 100, 125 or 150 %.")
    font: Literal["standard", "dyslexia"] = Field("standard", description="DejaVu Sans or OpenDyslexic.")
    spacing: Literal["normal", "wide"] = Field("normal", description="Line spacing (wide: half a line more).")
    contrast: Literal["standard", "high"] = Field("standard", description="4.5:1 or 7:1 for every text.")
    text_speed: Literal["slow", "normal", "fast", "instant"] = Field("normal", description="How fast lines appear.")
    language: Language = Field(SOURCE_LOCALE, description="The game's language.")
    read_aloud: Literal["off", "asked", "auto"] = Field("asked", description="Never, when asked (R), or always.")
    voice_volume: float = Field(0.75, description="The voice's volume, one of VOICE_VOLUMES.")
    keys: dict[str, int] = Field(default_factory=dict, description="Action -> the pupil's own key (a key symbol).")

    @field_validator("voice_volume")
    @classmethod
    def _a_volume_offered(cls, value: float) -> float:
        if value not in VOICE_VOLUMES:
            raise ValueError(f"the voice's volume is one of {VOICE_VOLUMES}")
        return value

    @field_validator("keys")
    @classmethod
    def _known_actions(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(KEY_ACTIONS))
        if unknown:
            raise ValueError(f"no action {unknown[0]!r} takes a key of the pupil's own")
        return dict(value)

    # -- changing --------------------------------------------------------------------------------------------
    def changed(self, **changes) -> Preferences:
        """A copy with these changes, checked (a ValidationError for a value the game does not offer)."""
        return Preferences.model_validate({**self.model_dump(), **changes})

    @property
    def chars_per_second(self) -> float:
        """How fast a line appears, letter by letter; 0 means all at once."""
        return TEXT_SPEEDS[self.text_speed]

    # -- in the pupil's profile ------------------------------------------------------------------------------
    def settings(self) -> dict:
        """The profile's `settings` entries for these preferences (the language is `profile.locale`)."""
        out = self.model_dump(exclude={"language", "keys"})
        out["keys"] = dict(self.keys)
        return out

    @classmethod
    def restore(cls, profile: Profile, fallback: Preferences) -> Preferences:
        """The pupil's own preferences from their profile. A value stored there wins; one missing or unreadable is
        the value in use (the usual one, or one chosen on the title screen before signing in), so it is adopted.
        The language is the one in use: a pupil signs in in the language on screen."""
        stored = profile.settings
        prefs = fallback
        for name in cls.model_fields:
            if name in ("language", "keys") or name not in stored:
                continue
            try:
                prefs = prefs.changed(**{name: stored[name]})
            except ValidationError:
                continue  # a damaged value: left out, never fatal
        keys = stored.get("keys")
        if isinstance(keys, dict):  # the pupil's own keys; a damaged entry is left out alone
            prefs = prefs.changed(keys={a: k for a, k in keys.items()
                                        if a in KEY_ACTIONS and isinstance(k, int) and not isinstance(k, bool)})
        return prefs

    def store(self, profile: Profile) -> bool:
        """Write these preferences into the profile; True if anything there changed (then it needs saving)."""
        before = (dict(profile.settings), profile.locale)
        profile.settings.update(self.settings())
        profile.locale = self.language
        return (profile.settings, profile.locale) != before
