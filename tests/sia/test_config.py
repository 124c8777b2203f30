"""sia.yaml: valid configs load; unknown indicators, zero weights and bad keys are located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dia.errors import InputError, Reason
from dia.io.sia_io import load_sia_config
from dia.sia.config import SiaConfig

from .conftest import SIA_YAML


def _load(tmp_path: Path, text: str) -> SiaConfig:
    path = tmp_path / "sia.yaml"
    path.write_text(text, encoding="utf-8")
    return load_sia_config(path)


def _error(tmp_path: Path, text: str) -> InputError:
    with pytest.raises(InputError) as info:
        _load(tmp_path, text)
    return info.value


def test_bundled_config_loads(bundled: tuple[Path, Path, Path]) -> None:
    config = load_sia_config(bundled[1])
    assert {i.group for i in config.indicators} == {"urgency", "potential"}
    assert config.residents is not None and config.residents.min == 200
    assert config.indicators[0].column == "perc_huishoudens_laag_inkomen"


def test_mapping_keeps_file_order_and_defaults(tmp_path: Path) -> None:
    config = _load(tmp_path, SIA_YAML)
    assert [i.column for i in config.indicators][:2] == ["perc_huishoudens_laag_inkomen", "leefbaarometer"]
    assert config.normalisation.method == "minmax" and config.missing.policy == "median"
    assert config.indicators[1].raises_score is False  # urgency, higher is better
    assert config.indicators[3].raises_score is True  # potential, higher is better


def test_unknown_indicator_is_located_with_a_suggestion(tmp_path: Path) -> None:
    err = _error(tmp_path, SIA_YAML.replace("overlast_per_1000", "overlast_per_100"))
    (problem,) = err.errors
    assert problem.reason is Reason.UNKNOWN_KEY
    assert problem.location.file == "sia.yaml"
    assert problem.location.key == "indicators.overlast_per_100"
    assert "overlast_per_1000" in problem.message


def test_own_indicator_with_a_label_is_allowed(tmp_path: Path) -> None:
    text = SIA_YAML.replace("overlast_per_1000: {", "eigen_meting: {label: Eigen meting, ")
    config = _load(tmp_path, text)
    assert config.indicators[2].display() == "Eigen meting"
    assert config.indicators[2].display("en") == "Eigen meting"


@pytest.mark.parametrize("group", ["urgency", "potential"])
def test_weights_summing_to_zero_are_refused(tmp_path: Path, group: str) -> None:
    lines = []
    for line in SIA_YAML.splitlines():
        if f"group: {group}" in line:
            line = line.replace(", weight: 2}", "}").replace("}", ", weight: 0}")
        lines.append(line)
    err = _error(tmp_path, "\n".join(lines) + "\n")
    assert [p.reason for p in err.errors] == [Reason.OUT_OF_RANGE]
    assert err.errors[0].location.key is not None and err.errors[0].location.key.endswith(".weight")
    assert group in err.errors[0].message


def test_theme_weights_summing_to_zero_are_refused(tmp_path: Path) -> None:
    err = _error(tmp_path, SIA_YAML.replace("direction: higher_is_better}\n  overlast",
                                            "direction: higher_is_better, weight: 0}\n  overlast"))
    (problem,) = err.errors
    assert problem.location.key == "indicators.leefbaarometer.weight"
    assert "physical" in problem.message


def test_wrong_values_and_unknown_keys_are_located(tmp_path: Path) -> None:
    text = SIA_YAML.replace("direction: higher_is_worse, weight: 2", "direction: up, weight: -1")
    text += "colour: red\n"
    err = _error(tmp_path, text)
    keys = sorted(p.location.key or "" for p in err.errors)
    assert keys == ["colour", "indicators.perc_huishoudens_laag_inkomen.direction",
                    "indicators.perc_huishoudens_laag_inkomen.weight"]
    assert {p.reason for p in err.errors} == {Reason.UNKNOWN_KEY, Reason.INVALID_VALUE}


def test_a_group_without_indicators_is_refused(tmp_path: Path) -> None:
    text = "\n".join(line for line in SIA_YAML.splitlines() if "potential" not in line) + "\n"
    err = _error(tmp_path, text)
    assert [p.reason for p in err.errors] == [Reason.EMPTY_REQUIRED]


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    text = SIA_YAML + "  leefbaarometer: {group: urgency, theme: social, direction: higher_is_better}\n"
    err = _error(tmp_path, text)
    assert err.errors[0].reason is Reason.CORRUPT_FILE
    assert "'leefbaarometer' appears twice" in err.errors[0].message and err.errors[0].location.row == 9


def test_bad_winsorise_and_missing_file(tmp_path: Path) -> None:
    err = _error(tmp_path, SIA_YAML + "normalisation: {method: zscore, winsorise: [0.9, 0.1]}\n")
    assert err.errors[0].location.key == "normalisation.winsorise"
    with pytest.raises(InputError) as info:
        load_sia_config(tmp_path / "nope.yaml")
    assert info.value.errors[0].reason is Reason.NOT_FOUND


def test_identifying_column_cannot_be_an_indicator(tmp_path: Path) -> None:
    err = _error(tmp_path, SIA_YAML + "  aantal_inwoners: {group: potential, theme: social, "
                                      "direction: higher_is_better}\n")
    assert err.errors[0].location.key == "indicators.aantal_inwoners"



def test_an_unusual_error_is_said_once(tmp_path: Path) -> None:
    # an error type without a catalogue message of its own ("multiple_of") falls back to
    # pydantic's text inside "ongeldige waarde: ..."; that frame must not be doubled
    from pydantic import BaseModel, Field, ValidationError

    from dia.io.sia_io import _config_problems

    class Even(BaseModel):
        weight: int = Field(multiple_of=2)

    with pytest.raises(ValidationError) as info:
        Even(weight=3)
    (problem,) = _config_problems(info.value, {}, "sia.yaml")
    assert problem.location.key == "weight"
    assert problem.text("nl").count("ongeldige waarde") == 1
    assert "multiple of 2" in problem.text("en")
