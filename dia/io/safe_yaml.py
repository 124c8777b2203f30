"""Read the YAML files users write (``dia.yaml``, scenarios, sweeps, ``sia.yaml``) safely.

One loader for all of them, so every YAML input gets the same protection:

* PyYAML's safe loader (no Python objects, no code);
* a key written twice in one mapping is an error (PyYAML silently keeps the last one, which
  would hide a budget or an override);
* anchors and aliases are allowed, but the document they expand to is bounded: a "billion
  laughs" file of a few hundred bytes whose aliases expand to billions of values, or an
  alias that refers to itself, is refused before any code walks the data (otherwise the
  validation would run out of memory or recurse forever);
* nesting deeper than :data:`MAX_DEPTH` is refused (no input format nests more than a few
  levels).

Problems are raised as :class:`UnsafeYamlError`, a :class:`yaml.YAMLError`, so every reader
reports them where it already reports a file that is not valid YAML: with the file, the line
where known, and what was expected.
"""

from __future__ import annotations

from typing import Any

import yaml

from dia.errors import Location, Problem, Reason
from dia.messages import msg

#: The most values (mapping keys and values, list items, scalars) a YAML document may
#: expand to once its aliases are resolved. The largest real input, a ``dia.yaml`` with a few
#: hundred buurten and rules, has a few thousand.
MAX_VALUES = 200_000
#: The deepest nesting of mappings and lists a document may have.
MAX_DEPTH = 50


class UnsafeYamlError(yaml.YAMLError):
    """A YAML document refused for its structure (too large once expanded, self-referring,
    too deep or with a duplicate key).

    ``problem`` says what is wrong, like PyYAML's own ``MarkedYAMLError``; ``problem_mark``
    is where, when known.
    """

    def __init__(self, problem: str, problem_mark: yaml.Mark | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = problem_mark
        self.context_mark: yaml.Mark | None = None

    def __str__(self) -> str:
        if self.problem_mark is None:
            return self.problem
        return f"{self.problem} (line {self.problem_mark.line + 1}, column {self.problem_mark.column + 1})"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses a key written twice in one mapping."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            continue  # PyYAML itself refuses an unhashable key with its own message
        if key in seen:
            raise UnsafeYamlError(f"key {key!r} appears twice (first on line {seen[key] + 1})",
                                  key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely (see the module docstring).

    Parameters
    ----------
    text:
        The document.

    Returns
    -------
    Any
        The data: mappings, lists and scalars only.

    Raises
    ------
    yaml.YAMLError
        Not valid YAML (PyYAML's own error, with its line and column), or an
        :class:`UnsafeYamlError`: a duplicate key, an alias that refers to itself, more
        than :data:`MAX_VALUES` values once expanded, or nesting deeper than
        :data:`MAX_DEPTH`.

    Examples
    --------
    >>> load_yaml("budgets:\\n  - {partner: Domijn, factor: 0.8}")
    {'budgets': [{'partner': 'Domijn', 'factor': 0.8}]}
    >>> load_yaml("a: 1\\na: 2")
    Traceback (most recent call last):
    ...
    dia.io.safe_yaml.UnsafeYamlError: key 'a' appears twice (first on line 1) (line 2, column 1)
    """
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no Python objects
    except RecursionError:
        raise UnsafeYamlError(f"nested more than {MAX_DEPTH} levels deep") from None
    expanded_size(data)
    return data


def expanded_size(data: Any) -> int:
    """The number of values ``data`` holds once every shared (aliased) part is counted each
    time it is used; raises :class:`UnsafeYamlError` past the limits.

    Shared parts are counted once per use from a memo, so the count itself stays linear in
    the document's size even for an alias bomb.
    """
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(value: Any, depth: int) -> int:
        if not isinstance(value, dict | list):
            return 1
        key = id(value)
        if key in memo:
            return memo[key]
        if key in active:
            raise UnsafeYamlError("an alias refers to the mapping or list that contains it")
        if depth > MAX_DEPTH:
            raise UnsafeYamlError(f"nested more than {MAX_DEPTH} levels deep")
        active.add(key)
        items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        total = 1
        for item in items:
            total += size(item, depth + 1)
            if total > MAX_VALUES:
                raise UnsafeYamlError(
                    f"the document expands to more than {MAX_VALUES:,} values (anchors and aliases "
                    "used many times over); write the values out instead"
                )
        active.discard(key)
        memo[key] = total
        return total

    return size(data, 0)


def yaml_problem(exc: yaml.YAMLError, file: str, reason: Reason = Reason.INVALID_VALUE) -> Problem:
    """The problem to report for a file :func:`load_yaml` refused: its file, the line where
    known (in the text and as the location's row) and what the parser said.

    Parameters
    ----------
    exc:
        PyYAML's error or an :class:`UnsafeYamlError`.
    file:
        The file as the user should see it.
    reason:
        The reason code the reader uses for a file it cannot parse.
    """
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where: object = ""
    if mark is not None:
        where = msg("yaml.where", line=mark.line + 1, column=mark.column + 1)
    detail = getattr(exc, "problem", None) or str(exc)
    return Problem.of(reason, msg("yaml.not_valid", where=where, detail=detail),
                      Location(file=file, row=mark.line + 1 if mark is not None else None))
