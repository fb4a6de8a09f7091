"""Safe YAML reading that remembers the line of every value, for errors a teacher can act on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from quizmg.errors import DeckError, Problem
from quizmg.model.questions import KINDS

try:  # libyaml is far faster; PyYAML's wheels ship it.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """YAML 1.2 booleans: only true/false. In YAML 1.1 `Yes`, `No`, `on` and `off` are booleans,
    which would turn a teacher's answer "No" into False."""


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

MAX_DEPTH = 64
MAX_NODES = 2_000_000

Location = tuple[str | int, ...]
LineMap = dict[Location, int]


def parse_yaml(text: str, path: str | Path) -> tuple[Any, LineMap]:
    """Parse one YAML document: its plain data and the 1-based line of every node by location.

    Anchors and aliases are refused (they let a small file expand without bound), as are
    duplicate keys, nesting deeper than MAX_DEPTH, and documents with more than MAX_NODES nodes.
    """
    if "*" in text:
        _refuse_aliases(text, path)
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else None
            message = " ".join(str(part) for part in (error.context, error.problem) if part)
            raise DeckError.single(path, f"YAML syntax error: {message}", line) from None
        except yaml.YAMLError as error:
            raise DeckError.single(path, f"YAML error: {error}") from None
        except RecursionError:
            raise DeckError.single(path, f"nesting deeper than {MAX_DEPTH} levels") from None
        if root is None:
            return None, {}
        lines: LineMap = {}
        _check(root, (), lines, path, set())
        try:
            data = loader.construct_document(root)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise DeckError.single(
                path, f"YAML error: {getattr(error, 'problem', error)}", mark.line + 1 if mark else None
            ) from None
        return data, lines
    finally:
        loader.dispose()


def _refuse_aliases(text: str, path: str | Path) -> None:
    """Refuse the first alias (`*name`), at its own line, before anything is built."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise DeckError.single(
                    path,
                    "anchors and aliases (& and *) are not allowed in deck files",
                    event.start_mark.line + 1 if event.start_mark else None,
                )
    except yaml.YAMLError:
        return  # the syntax error is reported, with its line, by the full parse


def _check(node: yaml.Node, where: Location, lines: LineMap, path: str | Path, seen: set[int]) -> None:
    """Walk the node tree without recursion, recording lines and refusing unsafe shapes."""
    stack: list[tuple[yaml.Node, Location]] = [(node, where)]
    while stack:
        current, location = stack.pop()
        line = current.start_mark.line + 1
        if id(current) in seen:
            raise DeckError.single(path, "anchors and aliases (& and *) are not allowed in deck files", line)
        seen.add(id(current))
        if len(seen) > MAX_NODES:
            raise DeckError.single(path, f"the document has more than {MAX_NODES:,} values")
        if len(location) > MAX_DEPTH:
            raise DeckError.single(path, f"nesting deeper than {MAX_DEPTH} levels", line)
        lines[location] = line
        if isinstance(current, yaml.MappingNode):
            keys: set[Any] = set()
            for key_node, value_node in current.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise DeckError.single(path, "a key must be plain text", key_node.start_mark.line + 1)
                if key_node.value == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                    raise DeckError.single(path, "merge keys (<<) are not allowed", key_node.start_mark.line + 1)
                if key_node.value in keys:
                    raise DeckError.single(
                        path, f"the key {key_node.value!r} appears twice", key_node.start_mark.line + 1
                    )
                keys.add(key_node.value)
                seen.add(id(key_node))
                stack.append((value_node, (*location, key_node.value)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                stack.append((item, (*location, index)))


def line_of(lines: LineMap, location: Location) -> int | None:
    """The line of `location`, or of its nearest enclosing node that has one."""
    location = tuple(location)
    while location:
        if location in lines:
            return lines[location]
        location = location[:-1]
    return lines.get(())


def problems_from_validation(error: Any, path: str | Path, lines: LineMap, data: Any) -> list[Problem]:
    """Turn a pydantic ValidationError into problems naming the line, the field and the question."""
    problems = []
    for detail in error.errors(include_url=False):
        location = tuple(part for part in detail["loc"] if not _is_union_tag(part, detail["loc"]))
        if detail["type"] == "union_tag_invalid":
            location = (*location, "kind")  # point at the `kind:` line itself
        question_id = _question_id(data, location)
        field = ".".join(str(part) for part in location)
        problems.append(Problem(str(path), line_of(lines, location), _message(detail), field, question_id))
    return problems


def _is_union_tag(part: Any, loc: tuple[Any, ...]) -> bool:
    # pydantic puts the discriminator value (e.g. 'mcq') into the location of tagged unions.
    index = loc.index(part)
    return (
        index > 0
        and isinstance(loc[index - 1], int)
        and isinstance(part, str)
        and part in KINDS
    )


def _question_id(data: Any, location: Location) -> str | None:
    if len(location) >= 2 and location[0] == "questions" and isinstance(location[1], int):
        try:
            question = data["questions"][location[1]]
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(question, dict) and isinstance(question.get("id"), str):
            return question["id"]
        return f"question {location[1] + 1}"
    return None


def _message(detail: dict[str, Any]) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "this field is required"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling)"
    if kind == "union_tag_invalid":
        return (
            f"unknown kind {detail.get('input', {}).get('kind')!r}; use one of: {', '.join(KINDS)}"
        )
    if kind == "union_tag_not_found":
        return f"a question needs a `kind:` ({', '.join(KINDS)})"
    message = str(detail["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind == "string_pattern_mismatch" and "a-z0-9" in message:
        message = "use lower-case letters, digits, '.', '_' or '-' (no spaces), starting with a letter or digit"
    return message
