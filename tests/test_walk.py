"""The content schema declared once: markers on the model fields, one walker for every tool."""
from __future__ import annotations

import enum
import json
import typing
from typing import Annotated

import pytest
from pydantic import BaseModel

from game.content import loader, models
from game.content.lint import lint
from game.content.loader import check_content, load_content
from game.content.models import AssetPath, Chapter, Dialogue, Id, Scene, Words
from game.content.texts import all_messages, localized
from game.content.walk import MARKERS, TARGETS, Asset, Ref, Text, links, origin, walk, walk_bundle

# -- one edit -------------------------------------------------------------------------------------

class SceneWithMore(Scene):
    """A field added to the content format: the one edit (its marker says what it is)."""

    credits: Annotated[Words | None, Text("Credits of the music in: {self.title}")] = None
    clue: Annotated[Id | None, Ref("document")] = None
    poster: Annotated[AssetPath | None, Asset("background")] = None


class ChapterWithMore(Chapter):
    scenes: list[SceneWithMore]


def _add_to_first_scene(root, lines: list[str]) -> int:
    """Write `lines` as fields of the mini chapter's first scene; returns the line number of the first one."""
    path = root / "levels" / "01_mini.yaml"
    text = path.read_text(encoding="utf-8").splitlines()
    at = text.index("    title: La rue") + 1
    text[at:at] = lines
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return at + 1


def test_a_new_marked_field_is_checked_extracted_translated_and_linked_with_no_other_edit(mini_root, monkeypatch):
    line = _add_to_first_scene(mini_root, ["    credits: Musique de Jean", "    clue: afiche",
                                           "    poster: bg/nowhere.png"])
    monkeypatch.setattr(loader, "Chapter", ChapterWithMore)
    content, problems = check_content(mini_root)
    errors = [(p.file, p.line, p.message) for p in problems if p.severity == "error"]
    # the reference check knows the new field names a document, and the picture check that it is a picture
    assert ("levels/01_mini.yaml", line + 1, 'There is no document with the id "afiche" (did you mean "affiche"?).') in errors
    assert ("levels/01_mini.yaml", line + 2, 'The image "assets/bg/nowhere.png" does not exist.') in errors

    path = mini_root / "levels" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("clue: afiche", "clue: rapport")
                    .replace("poster: bg/nowhere.png", "poster: bg/mine.png"), encoding="utf-8")
    content = load_content(mini_root)
    b = content.chapters["mini"]
    # the catalogues get the new text, with its id-only context, its line and its comment
    msg = next(m for m in all_messages(b) if m.context == "scene:rue:credits")
    assert (msg.text, msg.line, msg.comment) == ("Musique de Jean", line, "Credits of the music in: La rue")
    # the game translates it
    en = localized(b, lambda ctx, text: f"EN[{ctx}]")
    assert en.scenes["rue"].credits == "EN[scene:rue:credits]"
    assert b.scenes["rue"].credits == "Musique de Jean"  # the source is not touched
    # the lint's inputs see the reference: the report is now handed out by the scene
    assert "rapport" in links(b).named("document")
    assert not [p for p in lint(content, locales=[]) if "rapport" in p.message]


# -- every field says what it is -------------------------------------------------------------------

def _models(root: type[BaseModel]) -> set[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for info in cls.model_fields.values():
            todo += [t for t in _types(info.annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
    return seen


def _types(annotation) -> list:
    """Every type inside an annotation (through Optional, list, dict, tuple, Union, Annotated)."""
    out, todo = [], [annotation]
    while todo:
        t = todo.pop()
        args = typing.get_args(t)
        if typing.get_origin(t) is Annotated:
            todo.append(args[0])
        elif args:
            todo += list(args)
        else:
            out.append(t)
    return out


def unmarked_text_fields(root: type[BaseModel]) -> list[str]:
    """Fields holding text (str, or lists/mappings/optionals of it) with no marker saying what the text is:
    translated (Text), shown as written (Verbatim), an id, a reference, a picture, a flag."""
    bad = []
    for cls in sorted(_models(root), key=lambda c: c.__name__):
        for name, info in cls.model_fields.items():
            holds_text = any(t is str or (isinstance(t, type) and issubclass(t, str) and not issubclass(t, enum.Enum))
                             for t in _types(info.annotation))
            if holds_text and not any(isinstance(m, MARKERS) for m in info.metadata):
                bad.append(f"{cls.__name__}.{name}")
    return bad


@pytest.mark.parametrize("root", [Chapter, Dialogue])
def test_every_text_field_of_the_content_is_marked(root):
    assert unmarked_text_fields(root) == [], "mark these fields: Text(...) if pupils read them, or Verbatim/Ident"


def test_the_marking_check_finds_a_forgotten_text():
    class Careless(models.Strict):
        id: Id
        caption: Words  # shown to pupils, but nobody said whether it is translated

    class Holder(models.Strict):
        things: list[Careless]

    assert unmarked_text_fields(Holder) == ["Careless.caption"]


def test_every_reference_target_has_a_table_and_a_noun(mini_content):
    targets = {m.target for cls in _models(Chapter) | _models(Dialogue) for info in cls.model_fields.values()
               for m in info.metadata if isinstance(m, Ref)}
    tables = loader.ref_tables(mini_content.chapters["mini"])
    assert targets - {"chapter"} <= set(tables) and targets <= set(TARGETS)
    with pytest.raises(ValueError):
        Ref("scenes")  # a typo in a marker is caught when the model is defined


# -- positions live on the model objects -------------------------------------------------------------

def test_every_marked_value_knows_its_file_and_line(mini_content, mini_root):
    b = mini_content.chapters["mini"]
    files = {f: (mini_root / f).read_text(encoding="utf-8").splitlines() for f in {b.file, *b.node_files.values()}}
    hits = list(walk_bundle(b))
    assert len({type(h.marker) for h in hits}) >= 6
    for h in hits:
        if isinstance(h.value, str) and len(h.value) > 3:
            assert h.value in files[h.file][h.line - 1], (h.file, h.line, h.value)
    node = b.nodes["anna-debut"]
    assert origin(node).file == "dialogue/01_mini.yaml" and origin(node).value("id")[0] == 6
    assert origin(b.scenes["mine"].hotspots[0]).file == "levels/01_mini.yaml"


def test_a_translated_copy_keeps_the_positions_without_copying_the_source_map(mini_content):
    b = mini_content.chapters["mini"]
    en = localized(b, lambda ctx, text: text.upper())
    assert origin(en.scenes["rue"]) is origin(b.scenes["rue"])
    assert [(h.file, h.path) for h in walk(en.chapter)] == [(h.file, h.path) for h in walk(b.chapter)]


# -- mini-games: one model per kind; mistakes at their line ----------------------------------------

def _problems(root):
    _, problems = check_content(root)
    return [(p.line, p.column, p.message) for p in problems if p.file == "levels/01_mini.yaml"]


def _mini_line(root, needle: str) -> int:
    lines = (root / "levels" / "01_mini.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if needle in text)


def test_a_wrong_mini_game_kind_is_named_at_its_line(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: dilemmas", "kind: dilemma"), encoding="utf-8")
    line = _mini_line(mini_root, "kind: dilemma")
    assert _problems(mini_root) == [(line, 11, "\"dilemma\" is not allowed for kind; use one of: 'dilemmas', "
                                                "'placement', 'sequence' or 'matching'.")]


def test_a_missing_field_of_one_kind_and_a_field_of_another_kind_are_named_at_their_lines(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    kind: sequence")
    text = text[:start] + text[start:].replace("    cards:", "    items:", 1)
    path.write_text(text, encoding="utf-8")
    game_line, items_line = _mini_line(mini_root, "  - id: frise"), _mini_line(mini_root, "    items:")
    assert sorted(_problems(mini_root)) == [
        (game_line, 5, "A sequence mini-game needs 'cards'."),
        (items_line, 5, "\"items\" is not a field of a sequence mini-game. Check its spelling, its indentation, "
                        "or the mini-game's kind."),
    ]


def test_each_kind_is_its_own_model(mini_content):
    games = mini_content.chapters["mini"].minigames
    assert {type(g).__name__ for g in games.values()} == {"DilemmasGame", "PlacementGame", "SequenceGame",
                                                          "MatchingGame"}
    assert not hasattr(games["frise"], "meters")  # a sequence has no meters, not an empty list of them


# -- saves keep loading ------------------------------------------------------------------------------

def test_a_save_written_before_the_typed_play_data_resumes_the_game(mini_content, tmp_path):
    from game.story import minigames as rules
    from game.story.runtime import ChapterRun
    from game.records.saves import SaveStore

    bundle = mini_content.chapters["mini"]
    run = ChapterRun(bundle)
    run.start()
    state = json.loads(run.state.model_dump_json())
    # the JSON a save held before, written out by hand: a placement game with one token placed, checked once
    state["minigame"] = {"id": "plateau", "data": {"placed": {"tanks": "kent"}, "checked": False, "attempts": 1}}
    profile = {"version": 1, "class_code": "5B", "pupil": "Renard", "current": "mini", "chapters": {"mini": state}}
    store = SaveStore(tmp_path)
    path = store.path("5B", "Renard")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(profile), encoding="utf-8")

    loaded = store.load("5B", "Renard")
    assert loaded.notice is None
    resumed = ChapterRun(bundle, loaded.profile.chapters["mini"])
    data = resumed.step().game
    assert isinstance(data, rules.PlacementPlay) and data.placed == {"tanks": "kent"} and data.attempts == 1
    store.save(loaded.profile)  # written back as it was read
    again = json.loads(path.read_text(encoding="utf-8"))["chapters"]["mini"]["minigame"]
    assert again == state["minigame"]


def test_unreadable_play_data_restarts_that_game_only(mini_content):
    from game.story import minigames as rules
    from game.story.runtime import ChapterRun
    from game.story.state import ChapterState

    bundle = mini_content.chapters["mini"]
    run = ChapterRun(bundle)
    run.start()
    state = json.loads(run.state.model_dump_json())
    state["flags"] = ["parle-anna"]
    for data in ({"placed": "kent"}, {"order": ["a"], "checked": False, "attempts": 0}):  # broken; another kind's
        state["minigame"] = {"id": "plateau", "data": data}
        resumed = ChapterRun(bundle, ChapterState.model_validate(state))
        assert resumed.step().game == rules.start(bundle.minigames["plateau"])
        assert resumed.state.flags == ["parle-anna"]


def test_rules_refuse_play_data_of_another_kind(mini_content):
    from game.story import minigames as rules

    games = mini_content.chapters["mini"].minigames
    with pytest.raises(rules.MiniGameError):
        rules.legal(games["plateau"], rules.start(games["carte"]))



def test_a_missing_field_inside_a_part_of_a_mini_game_is_not_blamed_on_the_game(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("        situation: Le matin.\n", ""), encoding="utf-8")
    line = _mini_line(mini_root, "      - id: matin")
    assert _problems(mini_root) == [(line, 9, 'The field "situation" is missing here; it is required.')]


def test_a_mini_game_s_own_checks_point_at_the_part_that_is_wrong(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("effects: {repas: 1}", "effects: {repos: 1}")
    text = text.replace("scores: {kent: 80, hants: 20}", "scores: {kent: 80, hampshire: 20}")
    text = text.replace("answer: br,", "answer: uk,")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def at(needle):
        i = next(i for i, t in enumerate(lines) if needle in t)
        return i + 1, lines[i].index(needle) + 1

    assert sorted(_problems(mini_root)) == sorted([
        (*at("repos"), 'Option "queue" of round "matin" changes an unknown meter "repos".'),
        (*at("hampshire"), 'Token "radio" gives a score to an unknown zone "hampshire".'),
        (*at("uk,"), 'Item "ar" has the answer "uk", which is not a category.'),
    ])


def test_ids_are_unique_in_every_list_of_parts_of_a_mini_game_even_the_options_of_a_round(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{id: maison, text: Rentrer", "{id: sortir, text: Rentrer"),
                    encoding="utf-8")
    line = _mini_line(mini_root, "{id: sortir, text: Rentrer")
    assert _problems(mini_root) == [
        (line, 18, 'Another part of this mini-game already has the id "sortir" (item 1); ids must be unique.')]
