"""The pupil's preferences: one typed model, stored in the profile as before, restored value by value."""
import json
import typing

import pytest
from pydantic import ValidationError

from game.preferences import KEY_ACTIONS, VOICE_VOLUMES, Preferences
from game.records.saves import SaveStore
from game.story.state import Profile

# A save as the game wrote it before preferences were one model (App kept them in five places).
OLD_SAVE = {
    "version": 1, "class_code": "5B", "pupil": "Renard", "locale": "de", "current": None, "chapters": {},
    "completed": {}, "settings": {"text_speed": "fast", "size": "larger", "font": "dyslexia", "spacing": "wide",
                                  "contrast": "high", "read_aloud": "auto", "voice_volume": 0.25,
                                  "keys": {"confirm": 106, "folder": 102}},
}


def test_an_old_save_keeps_every_setting(tmp_path):
    store = SaveStore(tmp_path)
    path = store.path("5B", "Renard")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(OLD_SAVE), encoding="utf-8")
    profile = store.load("5B", "Renard").profile
    prefs = Preferences.restore(profile, fallback=Preferences(language="fr"))
    assert prefs == Preferences(text_speed="fast", size="larger", font="dyslexia", spacing="wide", contrast="high",
                                read_aloud="auto", voice_volume=0.25, keys={"confirm": 106, "folder": 102},
                                language="fr")  # the language is the one on screen when the pupil signs in
    assert prefs.store(profile) is True and profile.locale == "fr"
    assert {k: v for k, v in profile.settings.items()} == {**OLD_SAVE["settings"]}  # same names, same values


def test_an_unreadable_setting_is_dropped_alone_and_the_value_in_use_stays():
    profile = Profile(class_code="5B", pupil="Renard",
                      settings={"size": "huge", "voice_volume": 0.3, "contrast": "high", "text_speed": 7,
                                "keys": {"confirm": 106, "fly": 3}})
    in_use = Preferences(size="large", voice_volume=1.0, text_speed="slow")
    prefs = Preferences.restore(profile, fallback=in_use)
    assert (prefs.size, prefs.voice_volume, prefs.text_speed) == ("large", 1.0, "slow")  # unreadable: in use
    assert prefs.contrast == "high" and prefs.keys == {"confirm": 106}  # the rest is the pupil's


def test_preferences_chosen_before_signing_in_are_adopted_and_saved_once():
    profile = Profile(class_code="5B", pupil="Renard")
    prefs = Preferences.restore(profile, fallback=Preferences(font="dyslexia"))
    assert prefs.font == "dyslexia"
    assert prefs.store(profile) is True and profile.settings["font"] == "dyslexia"
    assert prefs.store(profile) is False  # nothing new: no second save


@pytest.mark.parametrize("change", [{"size": "huge"}, {"voice_volume": 0.3}, {"language": "es"},
                                    {"keys": {"jump": 32}}, {"read_aloud": "sometimes"}, {"colour": "red"}])
def test_a_value_the_game_does_not_offer_is_refused(change):
    with pytest.raises(ValidationError):
        Preferences().changed(**change)


def test_preferences_are_a_value_changed_only_by_a_checked_copy():
    prefs = Preferences()
    with pytest.raises(ValidationError):
        prefs.size = "larger"
    bigger = prefs.changed(size="larger", text_speed="instant")
    assert (prefs.size, bigger.size, bigger.chars_per_second) == ("normal", "larger", 0.0)
    assert Preferences().chars_per_second > Preferences(text_speed="slow").chars_per_second > 0


def test_the_names_agree_with_the_ui_and_the_keys_screen():
    from game.views import keymap, ui

    def offered(name):
        return set(typing.get_args(Preferences.model_fields[name].annotation))

    assert offered("size") == set(ui.SIZES) and offered("font") == set(ui.FONTS)
    assert offered("spacing") == set(ui.SPACINGS)
    assert set(KEY_ACTIONS) == set(keymap.ACTIONS)
    assert VOICE_VOLUMES == (0.25, 0.5, 0.75, 1.0)
