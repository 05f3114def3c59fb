"""A strict YAML reader that remembers where every value came from.

PyYAML's defaults are wrong for content written by people:
- YAML 1.1 turns `no`, `yes`, `on`, `off` into booleans (a character called "No"
  becomes False). Here only `true` and `false` are booleans.
- A duplicated key silently keeps the last value. Here it is a problem, reported
  with the position of both keys.
- Dates like 1944-09-05 become `date` objects; here they stay text and the models
  parse them, so a date in a sentence is never changed behind the author's back.

The result is plain Python data plus a `SourceMap` from a path such as
("scenes", 0, "hotspots", 2, "label") to its line and column, which turns
validation errors into `file:line:column` messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import N_
from .limits import MAX_DEPTH, TOO_DEEP, LimitError, check_yaml_events, unsafe_character, unsafe_sentence
from .say import say

try:  # libyaml's C parser, when PyYAML was built with it (the wheels are); yaml.cyaml takes it from here too
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover
    _CParser = None  # type: ignore[misc,assignment]  # mypy sees the class the stubs declare, present or not

Path_ = tuple  # a path of keys (str) and indices (int)
_ANCHOR = re.compile(r"(?:^|[\s\[\]{},])&\S")  # where YAML allows an anchor (&name): line start, space, flow sign


class _StrictResolver(yaml.resolver.BaseResolver):
    """Like PyYAML's resolver, minus YAML 1.1's surprises."""


for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?(?:0|[1-9][0-9]*))$",
        list("-+0123456789"),
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:[0-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?)$",
        list("-+0123456789"),
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _StrictResolver.add_implicit_resolver(_tag, re.compile(_regexp), _first)


class _StrictLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _StrictResolver,
):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _StrictResolver.__init__(self)


if _CParser is not None:

    class _FastLoader(_CParser, yaml.constructor.SafeConstructor, _StrictResolver):
        """libyaml's parser (C) with the same strict resolver: ten times faster on a school PC."""

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _StrictResolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _StrictLoader  # type: ignore[misc,assignment]  # mypy cannot type a class defined only with libyaml


@dataclass
class SourceMap:
    """Where each value (and each mapping key) sits in the file, 1-based."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def value(self, path: Path_) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest existing parent."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def key(self, path: Path_) -> tuple[int, int]:
        path = tuple(path)
        return self.keys.get(path) or self.value(path)


@dataclass
class YamlIssue:
    line: int
    column: int
    message: str


class YamlSyntaxError(Exception):
    def __init__(self, issue: YamlIssue):
        self.issue = issue
        super().__init__(issue.message)


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_yaml(text: str) -> tuple[Any, SourceMap, list[YamlIssue]]:
    """Parse `text`. Returns (data, source map, non-fatal issues).

    Raises YamlSyntaxError when the text is not YAML at all.
    """
    try:
        try:
            if _ANCHOR.search(text):  # aliases can only expand from an anchor: count first, build after
                check_yaml_events(_events(_FastLoader(text)))
            loader: Any = _FastLoader(text)  # libyaml nests at most 1000 deep; _build refuses more than MAX_DEPTH
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
        except yaml.YAMLError:
            # Parse again with the pure-Python parser: its error wording is the one our sentences explain.
            check_yaml_events(_events(_StrictLoader(text)))  # the pure-Python composer recurses: bound it first
            loader = _StrictLoader(text)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
    except LimitError as exc:
        raise YamlSyntaxError(YamlIssue(exc.line, exc.column, exc.sentence)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlSyntaxError(YamlIssue(line, col, _syntax_sentence(exc))) from None
    except yaml.YAMLError as exc:  # reader errors: bad characters, bad encoding
        raise YamlSyntaxError(YamlIssue(1, 1, say("This file cannot be read as YAML ({reason}).", reason=exc))) from None

    smap = SourceMap()
    issues: list[YamlIssue] = []
    if root is None:
        return None, smap, issues
    constructor = _StrictLoader("")
    try:
        data = _build(root, (), smap, issues, constructor)
    except LimitError as exc:
        raise YamlSyntaxError(YamlIssue(exc.line, exc.column, exc.sentence)) from None
    return data, smap, issues


def _events(loader):
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _build(node: Node, path: Path_, smap: SourceMap, issues: list[YamlIssue], ctor) -> Any:
    smap.values[path] = _pos(node)
    if len(path) >= MAX_DEPTH and not isinstance(node, ScalarNode):
        raise LimitError(say(TOO_DEEP, limit=MAX_DEPTH), *_pos(node))
    if isinstance(node, ScalarNode):
        try:
            value = ctor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            line, col = _pos(node)
            issues.append(YamlIssue(line, col, say("This value cannot be read: {reason}.", reason=exc)))
            return None
        if isinstance(value, str) and (bad := unsafe_character(value)):
            issues.append(YamlIssue(*_pos(node), unsafe_sentence(bad[1])))
        return value
    if isinstance(node, SequenceNode):
        return [_build(item, path + (i,), smap, issues, ctor) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            kline, kcol = _pos(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                issues.append(YamlIssue(kline, kcol, say("Merge keys (<<) are not allowed in content files; write the fields out.")))
                continue
            if not isinstance(key_node, ScalarNode):
                issues.append(YamlIssue(kline, kcol, say("A field name must be a simple word, not a list or a block.")))
                continue
            key = str(key_node.value)
            if key in first_seen:
                fl, _ = first_seen[key]
                issues.append(YamlIssue(kline, kcol, say('The field "{key}" is written twice here (first on line {line}); '
                                                         "keep only one.", key=key, line=fl)))
                continue
            first_seen[key] = (kline, kcol)
            smap.keys[path + (key,)] = (kline, kcol)
            result[key] = _build(value_node, path + (key,), smap, issues, ctor)
        return result
    return None  # pragma: no cover - PyYAML has only three node kinds


_SYNTAX_HINTS = [
    ("expected ',' or '}'", N_("Inside { ... }, a text that contains a comma, '?', '#' or ': ' must be put between quotes.")),
    ("expected ',' or ']'", N_("Inside [ ... ], a text that contains a comma, '?', '#' or ': ' must be put between quotes.")),
    ("found character '\\t'", N_("Tabs cannot be used to indent YAML; use spaces.")),
    ("mapping values are not allowed here", N_("A colon (:) appears where it cannot; put text that contains \": \" between quotes.")),
    ("could not find expected ':'", N_("A line is missing its colon (:) after the field name, or a quote is not closed.")),
    ("found undefined alias", N_("This uses an alias (*name) that was never defined.")),
    ("expected <block end>, but found", N_("The indentation here does not line up with the lines above.")),
    ("did not find expected key", N_("The indentation here does not line up with the lines above, or a dash (-) is missing.")),
    ("found unexpected end of stream", N_("The file ends inside an unfinished value: a quote or bracket is not closed.")),
    ("while scanning a quoted scalar", N_("A quote is opened but never closed.")),
    ("expected a single document", N_("This file holds more than one YAML document (---); keep one per file.")),
]


def _syntax_sentence(exc: yaml.MarkedYAMLError) -> str:
    raw = " ".join(filter(None, [exc.context or "", exc.problem or ""]))
    for needle, sentence in _SYNTAX_HINTS:
        if needle in raw:
            return say(sentence)
    return say("This is not valid YAML: {problem}.", problem=exc.problem or raw)
