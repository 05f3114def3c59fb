"""Conversations that can never end: found on the node graph, before any pupil meets them.

A conversation ends when the runtime reaches a node with nothing after it (no `next`, and no choice offered) or
a choice with no `next`. From every node, some path must lead to such an end; otherwise the pupil reads the same
lines forever (or, when no node on the loop has a line, the game spins without drawing). Conditions on flags are
taken as possibly true, so only loops that no flag can open are reported.
"""
from __future__ import annotations

from .say import say

_END = None  # the conversation's end, as a target


def _targets(node) -> list:
    out = [c.next for c in node.choices]  # a choice without next ends the conversation
    if not node.choices or any(c.requires or c.excludes for c in node.choices):
        out.append(node.next)  # nothing (or nothing available) to choose: next, or the end
    return out


def endless(nodes: dict) -> dict[str, str]:
    """{node id: sentence} for every node from which the conversation can never end."""
    back: dict = {}  # target -> nodes leading to it
    for nid, node in nodes.items():
        for target in _targets(node):
            # a node that does not exist is reported by the loader; taken as an end here, so no loop is invented
            back.setdefault(target if target in nodes else _END, []).append(nid)
    ends, todo = set(), list(back.get(_END, []))
    while todo:  # walk back from the end
        nid = todo.pop()
        if nid not in ends:
            ends.add(nid)
            todo += back.get(nid, [])
    out = {}
    for nid, node in nodes.items():
        if nid in ends:
            continue
        if not node.lines and not node.choices and node.next == nid:
            out[nid] = say('The node "{id}" has no line and jumps to itself: the game would go round forever. Give '
                           'it a line, or another "next".', id=nid)
        else:
            out[nid] = say('The conversation can never end from the node "{id}": every way on leads back into a loop '
                           '({loop}). Add a choice or a "next" that leads out.', id=nid,
                           loop=" → ".join(_loop(nodes, nid)))
    return out


def _loop(nodes: dict, start: str) -> list[str]:
    """The nodes met from `start` following the first way on each time, until one comes back (for the sentence)."""
    seen: list[str] = []
    nid: str | None = start
    while nid is not None and nid in nodes and nid not in seen and len(seen) < 8:
        seen.append(nid)
        nid = next((t for t in _targets(nodes[nid]) if t is not _END), None)
    return seen + ([nid] if nid in seen else [])
