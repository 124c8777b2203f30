"""dia.yaml: shorthands, located problems, SIA weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from dia.errors import InputError, Reason
from dia.io.config import load_config
from tests.io.area_builder import CONFIG, write_area


def _config(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "area"
    folder.mkdir()
    (folder / "dia.yaml").write_text(text, encoding="utf-8")
    return folder


def test_default_types_and_rules(tmp_path: Path) -> None:
    config = load_config(write_area(tmp_path / "area", workbooks={}))
    assert "riolering" in {t.id for t in config.types}
    assert config.rules and all(len(r.types) == 2 for r in config.rules)
    assert config.horizon.start == 2026 and config.buurten[1].aliases == ("Het Lang",)


def test_yaml_syntax_error_is_located_by_line(tmp_path: Path) -> None:
    folder = _config(tmp_path, "name: X\nhorizon: {start: 2026, end: 2030\nbuurten: []\n")
    with pytest.raises(InputError) as info:
        load_config(folder)
    (problem,) = info.value.errors
    assert problem.reason == Reason.INVALID_VALUE and problem.location.row is not None


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_config(_config(tmp_path, "- name: X\n"))
    assert info.value.errors[0].reason == Reason.WRONG_TYPE


def test_all_key_problems_at_once(tmp_path: Path) -> None:
    folder = write_area(
        tmp_path / "area", workbooks={}, horizon={"start": 2026}, colour="red", types="standaard"
    )
    with pytest.raises(InputError) as info:
        load_config(folder)
    found = {(p.reason, p.location.key) for p in info.value.errors}
    assert (Reason.EMPTY_REQUIRED, "horizon.end") in found
    assert (Reason.UNKNOWN_KEY, "colour") in found
    assert (Reason.INVALID_VALUE, "types") in found


def test_duplicate_buurt_code_and_shared_alias(tmp_path: Path) -> None:
    buurten = [*CONFIG["buurten"], {"code": "BU01530300", "name": "Het Lang"}]
    with pytest.raises(InputError) as info:
        load_config(write_area(tmp_path / "area", workbooks={}, buurten=buurten))
    reasons = [(p.reason, p.location.key) for p in info.value.errors]
    assert (Reason.DUPLICATE_ID, "buurten[2]") in reasons
    assert (Reason.DUPLICATE_ID, "buurten") in reasons


def test_sia_weights_bad_values(tmp_path: Path) -> None:
    folder = write_area(tmp_path / "area", workbooks={}, sia_weights="w.yaml")
    (folder / "w.yaml").write_text("weights:\n  BU01530300: hoog\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_config(folder)
    (problem,) = info.value.errors
    assert (problem.reason, problem.location.file, problem.location.key) == (
        Reason.WRONG_TYPE,
        "w.yaml",
        "weights.BU01530300",
    )


def test_sia_weights_file_missing(tmp_path: Path) -> None:
    folder = write_area(tmp_path / "area", workbooks={}, sia_weights="w.yaml")
    with pytest.raises(InputError) as info:
        load_config(folder)
    assert info.value.errors[0].reason == Reason.NOT_FOUND


def test_rule_naming_unknown_type_points_at_the_rule(tmp_path: Path) -> None:
    from dia.io.area import load_area
    from tests.io.area_builder import books

    rules = [{"id": "x", "types": ["riolering", "kabelbaan"], "scope": "same_buurt", "saving_pct": 5}]
    with pytest.raises(InputError) as info:
        load_area(write_area(tmp_path / "area", books(), rules=rules))
    (problem,) = info.value.errors
    assert (problem.reason, problem.location.file, problem.location.key) == (
        Reason.UNKNOWN_TYPE,
        "dia.yaml",
        "rules[0].types",
    )
