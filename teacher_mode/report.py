"""The class report: one self-contained HTML file (no network, inline SVG), printable,
in the teacher's language, showing the same numbers as the dashboard (teacher_mode.analytics).

Charts never rely on colour alone: every bar carries its number and words, the right
answer is marked with a tick and a hatch pattern, and the palette is Okabe-Ito.
"""
from __future__ import annotations

import datetime as dt
import html

from .analytics import ClassReport, QuestionStat

RIGHT, WRONG, MID, INK = "#009E73", "#D55E00", "#E69F00", "#1b1b1f"


def e(text) -> str:
    return html.escape(str(text), quote=True)


def pct(x: float) -> str:
    return f"{round(100 * x)} %"


def _bars(q: QuestionStat, tr) -> str:
    """Horizontal bars, one per answer given, each labelled with its text, count and share."""
    rows = [o for o in q.options if o.count or o.correct]
    total = max(q.answered, 1)
    width, label_w, row_h = 720, 330, 34
    h = row_h * len(rows) + 10
    label_text = tr("Answers to: {prompt}", prompt=q.prompt)
    out = [f'<svg role="img" aria-label="{e(label_text)}" '
           f'viewBox="0 0 {width} {h}" width="{width}" height="{h}" xmlns="http://www.w3.org/2000/svg">',
           '<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           f'<rect width="8" height="8" fill="{RIGHT}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" '
           'stroke-width="3"/></pattern></defs>']
    order = q.kind == "order"
    for i, o in enumerate(rows):
        y = 5 + i * row_h
        bar = (width - label_w - 150) * o.count / total
        fill = "url(#hatch)" if o.correct else WRONG
        mark = "✔ " if o.correct else ""
        # an order's label: its letter (the full orders are listed under the chart) and each item shortened, so
        # two orders never carry the same cut-off label
        label = f"{_letter(i)}. {_short_order(o.text)}" if order else \
            (o.text if len(o.text) <= 40 else o.text[:38] + "…")
        out.append(f'<text x="0" y="{y + 21}" font-size="14" fill="{INK}"><title>{e(o.text)}</title>'
                   f'{e(mark + label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar:.1f}" height="{row_h - 10}" fill="{fill}" '
                   f'stroke="{INK}" stroke-width="1"/>')
        out.append(f'<text x="{label_w + bar + 8:.1f}" y="{y + 21}" font-size="14" fill="{INK}">'
                   f'{o.count} ({pct(o.count / total)})</text>')
    out.append("</svg>")
    if order:
        out.append('<ol class="orders" type="A">' + "".join(
            f"<li>{'✔ ' if o.correct else ''}{e(o.text)}</li>" for o in rows) + "</ol>")
    return "".join(out)


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def _short_order(text: str, room: int = 34) -> str:
    """'Le débarquement → La libération de Lille → ...' shortened item by item to fit `room` characters."""
    items = text.split(" → ")
    if len(text) <= room:
        return text
    each = max(3, (room - 2 * (len(items) - 1)) // max(len(items), 1))
    return "→".join(i if len(i) <= each else i[:each - 1] + "…" for i in items)


# Bands drawn so that they survive a black-and-white printer: a texture and a mark each, not only a colour.
BAND_MARK = {"low": "▼", "mid": "■", "high": "▲"}
BAND_DEFS = (
    '<defs><pattern id="band-low" width="6" height="6" patternUnits="userSpaceOnUse">'
    f'<rect width="6" height="6" fill="{WRONG}"/><circle cx="3" cy="3" r="1.4" fill="#ffffff"/></pattern>'
    '<pattern id="band-high" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    f'<rect width="8" height="8" fill="{RIGHT}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" '
    'stroke-width="3"/></pattern></defs>')
BAND_FILL = {"low": "url(#band-low)", "mid": MID, "high": "url(#band-high)"}


def _mastery(bands: dict[str, int], tr) -> str:
    total = sum(bands.values())
    if not total:
        none = tr("No answers yet.")
        return f'<p class="muted">{e(none)}</p>'
    width = 520
    parts, x = [], 0.0
    names = {"low": tr("below 50 %"), "mid": tr("50 to 79 %"), "high": tr("80 % and more")}
    parts.append(BAND_DEFS)
    for key in ("low", "mid", "high"):
        w = width * bands[key] / total
        if w:
            parts.append(f'<rect class="band-{key}" x="{x:.1f}" y="0" width="{w:.1f}" height="26" '
                         f'fill="{BAND_FILL[key]}" stroke="{INK}" stroke-width="1.5"/>')
            if w > 40:
                parts.append(f'<text x="{x + w / 2:.1f}" y="18" font-size="14" text-anchor="middle" fill="#000" '
                             f'stroke="#fff" stroke-width="3" paint-order="stroke">'
                             f'{BAND_MARK[key]} {bands[key]}</text>')
        x += w
    legend = " · ".join(f"{BAND_MARK[k]} {names[k]} : {bands[k]}" for k in ("low", "mid", "high"))
    return (f'<svg role="img" aria-label="{e(legend)}" viewBox="0 0 {width} 26" width="{width}" height="26" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg><p class="legend">{e(legend)}</p>')


STATUS_ICON = {"done": "✔", "in-progress": "◐", "not-started": "○"}


def render(report: ClassReport, tr, content=None, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    # Every label is translated here, outside the f-strings, so that the catalogue extractor sees it.
    L = {
        "title": tr("Class report {code}", code=report.class_code),
        "generated": tr("Generated on {date} · {n} pupils · first attempts count for the questions",
                        date=tr.date(now.date()), n=len(report.pupils)),
        "who": tr("Who finished what"), "pupil": tr("Pupil"), "discuss": tr("To discuss in class"),
        "none_missed": tr("No question was missed by most of the class."),
        "wrong": tr("Most chosen wrong answer"), "told": tr("What the game told them"),
        "every": tr("Every question"), "objectives": tr("Learning objectives"),
        "objectives_help": tr("Number of pupils by share of right answers to the questions of each objective."),
        "each": tr("Each pupil"), "chapter": tr("Chapter"), "right": tr("Right answers"),
        "time": tr("Time on task"), "docs": tr("Documents opened"), "notes": tr("Notes for the teacher"),
        "shows": tr("What it shows"), "debrief": tr("Debrief"), "care": tr("Sensitive content"),
    }
    status_word = {"done": tr("done"), "in-progress": tr("in progress"), "not-started": tr("not started")}
    titles = dict(report.chapters)
    h = [f"""<!DOCTYPE html>
<html lang="{e(tr.locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(L["title"])}</title>
<style>
body {{ font-family: "DejaVu Sans", Verdana, sans-serif; color: {INK}; margin: 2em auto; max-width: 1000px;
       line-height: 1.45; padding: 0 1em; }}
h1 {{ margin-bottom: .2em; }} h2 {{ border-bottom: 3px solid {INK}; padding-bottom: .2em; margin-top: 2em; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #999; padding: .35em .5em;
       text-align: left; vertical-align: top; }}
th {{ background: #eee; }} .muted, .legend {{ color: #444; font-size: .92em; }}
.done {{ font-weight: bold; }} .q {{ break-inside: avoid; margin: 1.2em 0; }}
.discuss li {{ margin-bottom: .8em; }} .wrong {{ color: #8a3300; }}
details summary {{ cursor: pointer; font-weight: bold; }}
@media print {{ body {{ margin: 0; max-width: none; }} details > summary {{ list-style: none; }} }}
</style></head><body>
<h1>{e(L["title"])}</h1>
<p class="muted">{e(L["generated"])}</p>
"""]
    # who finished what
    h.append(f"<h2>{e(L['who'])}</h2><table><thead><tr><th>{e(L['pupil'])}</th>")
    h += [f"<th>{e(title)}</th>" for _, title in report.chapters]
    h.append("</tr></thead><tbody>")
    for p in report.pupils:
        h.append(f'<tr><th scope="row">{e(p)}</th>')
        for cid, _ in report.chapters:
            c = report.overview[(p, cid)]
            score = f" · {c.correct}/{c.questions}" if c.status != "not-started" and c.questions else ""
            h.append(f'<td class="{c.status}">{STATUS_ICON[c.status]} {e(status_word[c.status])}{score}</td>')
        h.append("</tr>")
    h.append("</tbody></table>")
    # to discuss in class
    discuss = report.to_discuss()
    h.append(f"<h2>{e(L['discuss'])}</h2>")
    if not discuss:
        h.append(f"<p>{e(L['none_missed'])}</p>")
    else:
        h.append('<ol class="discuss">')
        for q in discuss:
            share = tr("{share} of the class answered right ({right} of {n}).", share=pct(q.share), right=q.right,
                       n=q.answered)
            line = (f"<li><strong>{e(q.prompt)}</strong> <span class=\"muted\">({e(titles.get(q.chapter, q.chapter))})"
                    f"</span><br>{e(share)}")
            w = q.top_wrong
            if w is not None:
                line += f'<br><span class="wrong">✘ {e(L["wrong"])} : « {e(w.text)} » ({w.count})</span>'
                if w.feedback:
                    line += f'<br><span class="muted">{e(L["told"])} : {e(w.feedback)}</span>'
            h.append(line + "</li>")
        h.append("</ol>")
    # every question
    h.append(f"<h2>{e(L['every'])}</h2>")
    for cid, title in report.chapters:
        qs = [q for q in report.questions if q.chapter == cid]
        if not any(q.answered for q in qs):
            continue
        h.append(f"<h3>{e(title)}</h3>")
        for q in qs:
            tally = tr("{right} of {n} right ({share})", right=q.right, n=q.answered, share=pct(q.share))
            chart = _bars(q, tr) if q.answered else ""
            h.append(f'<div class="q"><p><strong>{e(q.prompt)}</strong><br><span class="muted">{e(tally)}</span></p>'
                     f"{chart}</div>")
    # objectives
    h.append(f"<h2>{e(L['objectives'])}</h2><p class=\"muted\">{e(L['objectives_help'])}</p>")
    for o in report.objectives:
        h.append(f'<div class="q"><p><strong>{e(o.text)}</strong> <span class="muted">'
                 f"({e(titles.get(o.chapter, o.chapter))})</span></p>{_mastery(o.bands, tr)}</div>")
    # each pupil
    h.append(f"<h2>{e(L['each'])}</h2>")
    for p in report.pupils:
        d = report.details[p]
        h.append(f"<details open><summary>{e(p)}</summary><table><thead><tr><th>{e(L['chapter'])}</th>"
                 f"<th>{e(L['right'])}</th><th>{e(L['time'])}</th><th>{e(L['docs'])}</th></tr></thead><tbody>")
        for cid, title in report.chapters:
            answers = [a for a in d.answers if a["chapter"] == cid]
            if not answers and cid not in d.time_on_task_s:
                continue
            right, n = d.score(cid)
            minutes = tr("{m} min", m=round(d.time_on_task_s.get(cid, 0) / 60))
            h.append(f"<tr><td>{e(title)}</td><td>{right} / {n}</td>"
                     f"<td>{e(minutes)}</td><td>{len(d.documents.get(cid, []))}</td></tr>")
        h.append("</tbody></table></details>")
    # teacher notes
    notes = [b for b in content.ordered() if b.chapter.teacher is not None] if content is not None else []
    if notes:
        h.append(f"<h2>{e(L['notes'])}</h2>")
        for b in notes:
            t = b.chapter.teacher

            def local(ctx, text, cid=b.id):
                return tr.content(cid, ctx, text)

            h.append(f"<h3>{e(titles.get(b.id, b.chapter.title))}</h3>"
                     f"<p><strong>{e(L['shows'])}</strong> : {e(local('teacher:shows', t.shows))}</p>"
                     f"<p><strong>{e(L['debrief'])}</strong> : {e(local('teacher:debrief', t.debrief))}</p>")
            if t.care:
                h.append(f"<p><strong>{e(L['care'])}</strong> : {e(local('teacher:care', t.care))}</p>")
    h.append("</body></html>\n")
    return "".join(h)
