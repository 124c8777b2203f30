"""The one YAML loader of user files: safe, no duplicate keys, bounded expansion."""

from __future__ import annotations

import pytest
import yaml

from dia.io.safe_yaml import MAX_DEPTH, MAX_VALUES, UnsafeYamlError, expanded_size, load_yaml
from tests.io.bad.cases import alias_bomb


def test_plain_documents_load_as_pyyaml_safe_load_does() -> None:
    text = "name: x\nbudgets:\n  - {partner: Domijn, factor: 0.8}\n  - {partner: Vitens, amount: 1e6}\n"
    assert load_yaml(text) == yaml.safe_load(text)


def test_aliases_used_a_few_times_are_fine() -> None:
    data = load_yaml("base: &b {factor: 0.9}\na: *b\nb: *b\n")
    assert data["a"] == data["b"] == {"factor": 0.9}


def test_analias_bomb_is_refused_quickly_without_expanding_it() -> None:
    with pytest.raises(UnsafeYamlError, match=f"{MAX_VALUES:,}"):
        load_yaml(alias_bomb())


def test_a_self_referring_alias_is_refused() -> None:
    with pytest.raises(UnsafeYamlError, match="refers to"):
        load_yaml("&a [1, *a]")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 5_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    with pytest.raises(UnsafeYamlError, match="levels deep"):
        load_yaml("[" * depth + "]" * depth)


def test_a_duplicate_key_is_refused_with_its_line() -> None:
    with pytest.raises(UnsafeYamlError) as info:
        load_yaml("a: 1\nb: 2\na: 3\n")
    assert "'a' appears twice (first on line 1)" in str(info.value)
    assert info.value.problem_mark is not None and info.value.problem_mark.line == 2


def test_a_python_object_tag_is_refused_by_the_safe_loader() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


def test_expanded_size_counts_shared_parts_per_use() -> None:
    shared = [1, 2, 3]
    assert expanded_size({"a": shared, "b": shared}) == 1 + (1 + 4) + (1 + 4)
