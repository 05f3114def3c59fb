"""Turn a bot action into the key presses a pupil would make on the view on screen."""
import arcade

K = arcade.key


def tabs_to(view, target: int) -> list[int]:
    """Tab presses from the focused button to `target` (Tab skips disabled buttons, as for a pupil)."""
    buttons = view.focus.buttons
    assert buttons[target].enabled, f"{buttons[target].label!r} cannot get the focus"
    index, presses = view.focus.index, []
    while index != target:
        index = (index + 1) % len(buttons)
        while not buttons[index].enabled:
            index = (index + 1) % len(buttons)
        presses.append(K.TAB)
    return presses


def keys_for(app, action) -> list[int]:
    from game.views.minigames import MatchingView, MiniGameView, PlacementView, SequenceView
    from game.views.play import SceneView
    from game.views.questions import QuestionView

    view = app.window.current_view
    name, *arg = action
    if isinstance(view, MiniGameView) and not view.started:
        return [K.ENTER]  # "Start" on the intro panel; the caller asks again
    if name == "use":
        assert isinstance(view, SceneView)
        ids = [h.id for h in view.run.hotspots()]
        return tabs_to(view, ids.index(arg[0])) + [K.ENTER]
    if name == "choose":
        return [K.KEY_1 + [c.id for c in view.step.choices].index(arg[0])]
    if name == "answer":
        q = view.step.question
        if q.kind.value != "order":
            return [K.KEY_1 + [o.id for o in q.options].index(arg[0])]
        assert isinstance(view, QuestionView)
        target = arg[0].split(",")
        for i, item in enumerate(target):  # move each item up to its place with ▲
            j = view.arrangement.index(item)
            if j != i:
                return tabs_to(view, j * 2) + [K.ENTER] * (j - i)
        return tabs_to(view, len(view.focus.buttons) - 1) + [K.ENTER]  # "Validate"
    if name == "play":
        move = tuple(arg)
        if move[0] == "choose":
            options = view.mg.rounds[view.data.round].options
            return [K.KEY_1 + [o.id for o in options].index(move[1])]
        if move[0] == "check":
            return tabs_to(view, len(view.focus.buttons) - 1) + [K.ENTER]
        if move[0] == "move":
            assert isinstance(view, SequenceView)
            j, i = view.data.order.index(move[1]), int(move[2])
            return tabs_to(view, j * 2 + (0 if i < j else 1)) + [K.ENTER] * abs(j - i)
        if move[0] == "place":
            assert isinstance(view, PlacementView)
            tokens = [t.id for t in view.mg.tokens]
            keys = []
            if view.selected != move[1]:
                return tabs_to(view, tokens.index(move[1])) + [K.ENTER]  # select; the caller asks again
            zone = [z.id for z in view.mg.zones].index(move[2])
            return keys + tabs_to(view, len(tokens) + zone) + [K.ENTER]
        if move[0] == "assign":
            assert isinstance(view, MatchingView)
            items = [i.id for i in view.mg.items]
            if view.selected != move[1]:
                return tabs_to(view, items.index(move[1])) + [K.ENTER]
            return [K.KEY_1 + [c.id for c in view.mg.categories].index(move[2])]
    return [K.ENTER]  # advance: continue, close, next


def drive(app, path, one_round, limit=5000):
    """Call `one_round(app, action)` (a pupil's gesture; it returns how many inputs it made) until the runtime has
    done every action of `path`. Keyboard and mouse drivers share it."""
    from game.story.autoplay import _signature

    run = app.session.run
    inputs = 0
    for action in path:
        before = _signature(run.state), repr(run.state.minigame)
        while True:
            app.window.current_view.on_draw()
            inputs += one_round(app, action)
            run = app.session.run
            if (_signature(run.state), repr(run.state.minigame)) != before and _done(action, run):
                break
            assert inputs < limit, f"stuck on {action}"
    return inputs


def press_keys(app, action) -> int:
    keys = keys_for(app, action)
    for symbol in keys:
        app.window.current_view.on_key_press(symbol, 0)
    return len(keys)


def play_path_with_keys(app, path, max_presses=5000):
    """Drive the views with key presses until the runtime has done every action of `path`."""
    return drive(app, path, press_keys, max_presses)


def _done(action, run) -> bool:
    """An action made of several key rounds (order, select-then-place) is done when its effect is visible."""
    name, *arg = action
    if name == "answer":
        return run.state.question is None or run.state.question.answered
    if name == "play" and arg[0] in ("place", "assign"):
        data = run.state.minigame.data if run.state.minigame else None
        if data is None:
            return True
        table = getattr(data, "placed", None) or getattr(data, "assigned", None) or {}
        return table.get(arg[1]) == arg[2]
    if name == "play" and arg[0] == "move":
        data = run.state.minigame.data if run.state.minigame else None
        return data is None or data.order.index(arg[1]) == int(arg[2])
    return True
