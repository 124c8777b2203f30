"""Read ``dia.yaml`` (the area configuration) and its optional SIA-weights file.

The file holds the fields of :class:`dia.model.AreaConfig` with two
shorthands: ``types: default`` and ``rules: default`` load the catalogue and
rule table shipped in ``dia/data``; ``sia_weights: FILE`` names a YAML file
(written by ``dia sia --emit-weights``) whose ``weights`` override the
buurten's ``sia_weight``. Every problem is reported with the file and the
dotted key (``dia.yaml › buurten[1].code``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dia.errors import InputError, Location, Problem, Reason
from dia.io.safe_yaml import load_yaml, yaml_problem
from dia.io.validation import Loc, key_path, problems_from
from dia.messages import msg
from dia.model import AreaConfig, InputFile

CONFIG_NAME = "dia.yaml"
#: Larger YAML files are refused (a config is a few kB; this bounds memory and time).
MAX_YAML_BYTES = 2 * 1024 * 1024


@dataclass
class ConfigRead:
    """The outcome of reading ``dia.yaml``: the config (None when invalid), problems, inputs."""

    config: AreaConfig | None
    problems: list[Problem] = field(default_factory=list)
    inputs: list[InputFile] = field(default_factory=list)
    rule_index: dict[str, int] = field(default_factory=dict)
    """Rule id -> position in ``rules`` (to locate findings about rules)."""


def load_config(path: str | Path) -> AreaConfig:
    """Read an area's configuration (``AREA/dia.yaml`` or the YAML file itself).

    Parameters
    ----------
    path:
        The area folder or its ``dia.yaml``.

    Returns
    -------
    AreaConfig

    Raises
    ------
    InputError
        Listing every problem, located by file and key.

    Examples
    --------
    >>> from dia import example_path
    >>> load_config(example_path()).horizon.start  # doctest: +SKIP
    2026
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    read = read_config(folder, path.name if path.is_file() else CONFIG_NAME)
    errors = [p for p in read.problems if p.severity == "error"]
    if errors or read.config is None:
        raise InputError(read.problems, lang=read.config.language if read.config is not None else None)
    return read.config


def _read_yaml(path: Path, shown: str, problems: list[Problem]) -> tuple[Any, str | None]:
    """Parse a YAML file safely; return (data, sha256) or (None, None) with a problem added."""
    where = Location(file=shown)
    if not path.is_file():
        problems.append(Problem.of(Reason.NOT_FOUND, msg("config.not_found", path=path), where))
        return None, None
    if path.stat().st_size > MAX_YAML_BYTES:
        problems.append(
            Problem.of(Reason.TOO_LARGE, msg("config.too_large", limit=MAX_YAML_BYTES // 2**20), where)
        )
        return None, None
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        data = load_yaml(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.append(Problem.of(Reason.WRONG_TYPE, msg("config.not_utf8"), where))
        return None, digest
    except yaml.YAMLError as exc:
        problems.append(yaml_problem(exc, shown))
        return None, digest
    return data, digest


def _default(name: str) -> Any:
    text = resources.files("dia.data").joinpath(name).read_text(encoding="utf-8")
    return load_yaml(text)


def read_config(folder: Path, name: str = CONFIG_NAME) -> ConfigRead:
    """Read and validate ``folder/name``; collect problems instead of raising."""
    problems: list[Problem] = []
    data, digest = _read_yaml(folder / name, name, problems)
    inputs = [InputFile(name=name, sha256=digest)] if digest else []
    if data is None:
        if not problems:
            problems.append(Problem.of(Reason.EMPTY_REQUIRED, msg("config.empty"), Location(file=name)))
        return ConfigRead(None, problems, inputs)
    if not isinstance(data, dict):
        problems.append(
            Problem.of(
                Reason.WRONG_TYPE,
                msg("config.not_mapping"),
                Location(file=name),
            )
        )
        return ConfigRead(None, problems, inputs)
    data = dict(data)
    for key, file_name in (("types", "default_types.yaml"), ("rules", "default_rules.yaml")):
        value = data.get(key)
        if value == "default":
            data[key] = _default(file_name)
        elif isinstance(value, str):
            problems.append(
                Problem.of(
                    Reason.INVALID_VALUE,
                    msg("config.default_or_list", value=value),
                    Location(file=name, key=key),
                )
            )
            data.pop(key)
    weights_file = data.pop("sia_weights", None)
    sia: dict[str, float] = {}
    if weights_file is not None:
        sia = _read_sia_weights(folder, weights_file, name, problems, inputs)

    def locate(loc: Loc) -> Location:
        return Location(file=name, key=key_path(loc) or None)

    try:
        config = AreaConfig.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, locate))
        return ConfigRead(None, problems, inputs)
    problems.extend(_duplicates(config, name))
    if sia:
        codes = {b.code for b in config.buurten}
        for code in sorted(sia):
            if code not in codes:
                problems.append(
                    Problem.of(
                        Reason.UNKNOWN_BUURT,
                        msg("config.weight_unknown_buurt", code=code, file=name,
                            known=", ".join(sorted(codes))),
                        Location(file=str(weights_file), key=f"weights.{code}"),
                    )
                )
        buurten = [
            b.model_copy(update={"sia_weight": sia[b.code]}) if b.code in sia else b for b in config.buurten
        ]
        config = config.model_copy(update={"buurten": tuple(buurten)})
    rule_index = {r.id: i for i, r in enumerate(config.rules)}
    return ConfigRead(config, problems, inputs, rule_index)


def _duplicates(config: AreaConfig, name: str) -> list[Problem]:
    """Ids and names that must be unique within the config (buurt codes and names, type and rule ids)."""
    out: list[Problem] = []
    checks: list[tuple[str, list[str]]] = [
        ("buurten", [b.code for b in config.buurten]),
        ("types", [t.id for t in config.types]),
        ("rules", [r.id for r in config.rules]),
    ]
    for key, values in checks:
        for value, n in sorted(Counter(values).items()):
            if n > 1:
                i = values.index(value)
                out.append(
                    Problem.of(
                        Reason.DUPLICATE_ID,
                        msg("config.listed_twice", value=value, n=n),
                        Location(file=name, key=f"{key}[{values.index(value, i + 1)}]"),
                    )
                )
    names: dict[str, str] = {}
    for b in config.buurten:
        for label in (b.name, *b.aliases):
            other = names.setdefault(label.casefold(), b.code)
            if other != b.code:
                out.append(
                    Problem.of(
                        Reason.DUPLICATE_ID,
                        msg("config.buurt_name_twice", name=label, first=other, second=b.code),
                        Location(file=name, key="buurten"),
                    )
                )
    return out


def _read_sia_weights(
    folder: Path, value: object, name: str, problems: list[Problem], inputs: list[InputFile]
) -> dict[str, float]:
    """Read a ``sia_weights`` file: ``weights: {BU...: 1.18}``; problems located by file and key."""
    if not isinstance(value, str) or not value.strip():
        problems.append(
            Problem.of(
                Reason.WRONG_TYPE,
                msg("config.weights_file_name"),
                Location(file=name, key="sia_weights"),
            )
        )
        return {}
    path = (folder / value).resolve()
    shown = value
    data, digest = _read_yaml(path, shown, problems)
    if digest:
        inputs.append(InputFile(name=Path(value).as_posix(), sha256=digest))
    if data is None:
        return {}
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict):
        problems.append(
            Problem.of(
                Reason.EMPTY_REQUIRED,
                msg("config.weights_mapping"),
                Location(file=shown, key="weights"),
            )
        )
        return {}
    extra = sorted(set(data) - {"weights", "source", "date", "created", "config"})
    for key in extra:
        problems.append(
            Problem.of(
                Reason.UNKNOWN_KEY,
                msg("config.unknown_key_ignored"),
                Location(file=shown, key=key),
                "warning",
            )
        )
    out: dict[str, float] = {}
    for code, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            problems.append(
                Problem.of(
                    Reason.WRONG_TYPE,
                    msg("config.weight_value", value=weight),
                    Location(file=shown, key=f"weights.{code}"),
                )
            )
            continue
        out[str(code)] = float(weight)
    return out
