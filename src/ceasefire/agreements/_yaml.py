"""Read one YAML document into plain values plus the line of every field, from the nodes of a PyYAML compose.

Dates stay strings (the schema, not the YAML resolver, decides what a date is), and anything the loader cannot
turn into a value comes back as a :class:`YamlTrouble` with the line it was found on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]

_MAX_NODES = 100_000  # aliases can expand a small file into a huge tree; stop well before memory does
_MAX_DEPTH = 32  # an agreement is five levels deep; deeper input would only strain the validators' recursion


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class YamlTrouble:
    line: int | None
    path: Path
    message: str


@dataclass(slots=True)
class Document:
    value: Any
    lines: dict[Path, int]
    troubles: list[YamlTrouble]

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def read_document(text: str) -> Document:
    try:
        loader = _Loader(text)  # the reader rejects non-printable characters up front
    except yaml.YAMLError as err:
        return Document(None, {}, [YamlTrouble(_reader_line(text, err), (), _yaml_message(err))])
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as err:
            return Document(None, {}, [YamlTrouble(_mark_line(err), (), _yaml_message(err))])
        doc = Document(None, {(): 1}, [])
        if node is None:
            return doc
        doc.lines[()] = node.start_mark.line + 1
        doc.value = _Builder(loader, doc).build(node, (), frozenset())
        return doc
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: _Loader, doc: Document) -> None:
        self.loader = loader
        self.doc = doc
        self.count = 0

    def build(self, node: yaml.Node, path: Path, open_nodes: frozenset[int]) -> Any:
        self.count += 1
        if self.count > _MAX_NODES:
            raise _TooLarge
        line = node.start_mark.line + 1
        if len(path) > _MAX_DEPTH:
            self.doc.troubles.append(YamlTrouble(line, (), f"nested more than {_MAX_DEPTH} deep"))
            return None
        if id(node) in open_nodes:
            self.doc.troubles.append(YamlTrouble(line, path, "an alias refers to a node that contains it"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, open_nodes | {id(node)})
        if isinstance(node, yaml.SequenceNode):
            inner = open_nodes | {id(node)}
            items = []
            for index, child in enumerate(node.value):
                self.doc.lines.setdefault((*path, index), child.start_mark.line + 1)
                items.append(self.build(child, (*path, index), inner))
            return items
        try:
            return self.loader.construct_object(node, deep=True)
        except Exception as err:  # PyYAML raises ValueError/TypeError (not YAMLError) for bad explicit tags
            self.doc.troubles.append(YamlTrouble(line, path, f"cannot read this value ({_short(err)})"))
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path, open_nodes: frozenset[int]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.doc.troubles.append(YamlTrouble(key_line, path, "merge keys (<<) are not supported"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.doc.troubles.append(YamlTrouble(key_line, path, "a key must be plain text"))
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                self.doc.troubles.append(YamlTrouble(key_line, child, "this key is given twice"))
                continue
            self.doc.lines.setdefault(child, key_line)
            result[key] = self.build(value_node, child, open_nodes)
        return result


class _TooLarge(Exception):
    pass


def read_document_bounded(text: str) -> Document:
    """:func:`read_document`, but a document that expands past a sane size is one trouble, not a hang."""
    try:
        return read_document(text)
    except _TooLarge:
        return Document(None, {}, [YamlTrouble(1, (), f"the document expands to more than {_MAX_NODES} values")])
    except RecursionError:
        return Document(None, {}, [YamlTrouble(1, (), "the document is nested too deeply")])


def _reader_line(text: str, err: yaml.YAMLError) -> int | None:
    position = getattr(err, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else _mark_line(err)


def _mark_line(err: yaml.YAMLError) -> int | None:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def _yaml_message(err: yaml.YAMLError) -> str:
    problem = getattr(err, "problem", None)
    context = getattr(err, "context", None)
    if problem:
        return f"not valid YAML: {context + ', ' if context else ''}{problem}"
    return f"not valid YAML: {_short(err)}"


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= 160 else text[:157] + "..."
