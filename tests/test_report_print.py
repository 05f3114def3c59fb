"""The report on a black-and-white printer: what tells the bands and the orders apart without colour."""


def test_mastery_bands_differ_without_colour():
    """The bug: printed in black and white, 'below 50 %' (orange) and '80 % and more' (green) were the same grey.
    Each band now has its own texture (a pattern or a plain fill), a mark, and a border."""
    import re

    from teacher_mode.report import _mastery

    svg = _mastery({"low": 3, "mid": 2, "high": 5}, lambda s, **k: s)
    fills = {k: re.search(rf'class="band-{k}"[^>]*fill="([^"]+)"', svg).group(1) for k in ("low", "mid", "high")}
    assert len(set(fills.values())) == 3
    assert sum(f.startswith("url(#") for f in fills.values()) >= 2  # at most one band is a flat colour
    for f in fills.values():
        if f.startswith("url(#"):
            assert f'<pattern id="{f[5:-1]}"' in svg
    assert "▼ 3" in svg and "■ 2" in svg and "▲ 5" in svg  # the mark is printed on the band, in black
    assert 'stroke="#fff"' not in svg.split("<text")[0].split("</defs>")[-1]  # a dark border, not white


def test_order_bars_carry_different_labels():
    """The bug: every order of an order question was cut to the same 38 first characters."""
    import re

    from teacher_mode.analytics import OptionStat, QuestionStat
    from teacher_mode.report import _bars

    items = ["La défaite de mai 1940", "La construction de la Coupole", "Le bombardement de juillet 1944"]
    orders = [items, [items[0], items[2], items[1]], [items[1], items[0], items[2]]]
    q = QuestionStat("c", "q", "Dans quel ordre ?", "order", "", 6, 3,
                     [OptionStat(str(i), " → ".join(o), 3 - i, i == 0) for i, o in enumerate(orders)])
    html = _bars(q, lambda s, **k: s.format(**k))
    labels = re.findall(r"</title>([^<]+)</text>", html)
    assert len(labels) == 3 and len(set(labels)) == 3
    assert all(len(label) <= 45 for label in labels)
    for o in orders:  # each full order is still there to read
        assert " → ".join(o) in html.split("<ol")[1]
