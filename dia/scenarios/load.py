"""Read and validate a scenario file (YAML), following ``extends:`` without cycles.

Every problem is reported as an :class:`~dia.errors.InputError` whose
locations name the scenario file and the dotted key (``budgets[0].factor``),
all problems of a file at once.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from dia.errors import InputError, Location, Problem, Reason
from dia.io.safe_yaml import load_yaml, yaml_problem
from dia.messages import msg, pydantic_message
from dia.model.area import InputFile
from dia.scenarios.model import Scenario

#: Keys a scenario file may hold besides the override kinds of :class:`Scenario`.
_FILE_ONLY_KEYS = ("extends",)
#: Fields of :class:`Scenario` the loader fills in; a file must not set them.
_INTERNAL_KEYS = ("source", "parent", "inputs")




def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario file, with the scenarios it extends.

    Parameters
    ----------
    path:
        A scenario YAML file. ``extends:`` and ``base:`` inside it are resolved
        relative to the file's folder.

    Returns
    -------
    Scenario
        The validated scenario; ``name`` defaults to the file name without suffix.

    Raises
    ------
    dia.errors.InputError
        The file is missing or not valid YAML, a key is unknown, a value has
        the wrong type or range (e.g. a budget factor below 0), or the
        ``extends`` chain has a cycle. Locations name the file and the key.

    Examples
    --------
    >>> from dia.examples import example_path
    >>> load_scenario(example_path() / "scenarios" / "bezuiniging-20.yaml").name  # doctest: +SKIP
    'bezuiniging-20'
    """
    return _load(Path(path), ())


def _load(path: Path, stack: tuple[Path, ...]) -> Scenario:
    resolved = path.resolve()
    if resolved in stack:
        chain = " → ".join(p.name for p in (*stack[stack.index(resolved):], resolved))
        raise InputError([Problem.of(Reason.CYCLE, msg("scenario.extends_cycle", chain=chain),
                                     Location(file=str(stack[-1]), key="extends"))])
    file = str(path)
    if not path.is_file():
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("scenario.not_found"), Location(file=file))])
    raw = path.read_bytes()
    try:
        data = load_yaml(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError([Problem.of(Reason.INVALID_VALUE, msg("scenario.not_utf8"),
                                     Location(file=file))]) from None
    except yaml.YAMLError as exc:
        raise InputError([yaml_problem(exc, file)]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem.of(Reason.WRONG_TYPE,
                                     msg("scenario.not_mapping", found=type(data).__name__),
                                     Location(file=file))])
    data = dict(data)
    problems: list[Problem] = []
    for key in sorted(k for k in data if str(k) in _INTERNAL_KEYS):
        problems.append(Problem.of(Reason.UNKNOWN_KEY, msg("scenario.internal_key", key=key),
                                   Location(file=file, key=str(key))))
        del data[key]

    parent: Scenario | None = None
    extends = data.pop("extends", None)
    if extends is not None:
        if not isinstance(extends, str) or not extends.strip():
            problems.append(Problem.of(Reason.WRONG_TYPE, msg("scenario.extends_type", value=extends),
                                       Location(file=file, key="extends")))
        else:
            target = _scenario_file(path.parent, extends.strip())
            if not target.is_file():
                problems.append(Problem.of(Reason.NOT_FOUND, msg("scenario.extends_missing", name=extends),
                                           Location(file=file, key="extends")))
            else:
                parent = _load(target, (*stack, resolved))

    base = data.get("base")
    if isinstance(base, str) and base.strip():
        data["base"] = str((path.parent / base.strip()).resolve())
    data.setdefault("name", path.stem)
    own = InputFile(name=path.name, sha256=hashlib.sha256(raw).hexdigest())
    data["source"] = file
    data["parent"] = parent
    data["inputs"] = (*(parent.inputs if parent else ()), own)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, file))
        raise InputError(problems, summary=msg("scenario.invalid", name=path.name)) from None
    if problems:
        raise InputError(problems, summary=msg("scenario.invalid", name=path.name))
    return scenario


def _scenario_file(folder: Path, name: str) -> Path:
    """``extends: basis`` may omit the suffix; ``basis.yaml`` is then meant."""
    target = folder / name
    if not target.suffix and not target.is_file():
        for suffix in (".yaml", ".yml"):
            if target.with_suffix(suffix).is_file():
                return target.with_suffix(suffix)
    return target


def dotted(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as the dotted key a user finds in the file: ``budgets[0].factor``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def problems_from_validation(exc: ValidationError, file: str | None, prefix: str = "") -> list[Problem]:
    """Turn pydantic's errors into located problems (file and dotted key).

    Parameters
    ----------
    exc:
        The validation error.
    file:
        The scenario file, for the location.
    prefix:
        Dotted key the error's locations are relative to.
    """
    problems = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        key = dotted(loc)
        if prefix:
            key = f"{prefix}.{key}" if key else prefix
        kind = err["type"]
        value = err.get("input")
        ctx = err.get("ctx") or {}
        if kind == "extra_forbidden":
            reason = Reason.UNKNOWN_KEY
            message = msg("scenario.unknown_key", key=str(loc[-1]) if loc else key)
        elif kind == "missing":
            reason = Reason.EMPTY_REQUIRED
            message = msg("pydantic.missing")
        elif kind in ("greater_than_equal", "greater_than") and isinstance(value, int | float) and value < 0 \
                and ctx.get("ge", ctx.get("gt")) == 0:
            reason = Reason.NEGATIVE_AMOUNT
            message = msg("scenario.negative", value=value)
        elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            reason = Reason.OUT_OF_RANGE
            message = msg("scenario.found", detail=pydantic_message(err, found=False), value=value)
        elif kind.endswith("_type") or kind.endswith("_parsing") or kind in ("model_type", "dict_type"):
            reason = Reason.WRONG_TYPE
            message = msg("scenario.found", detail=pydantic_message(err, found=False), value=value)
        else:
            reason = Reason.INVALID_VALUE
            message = pydantic_message(err, found=False)
        problems.append(Problem.of(reason, message, Location(file=file, key=key or None)))
    return problems
