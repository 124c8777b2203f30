"""Progress lines follow the area's language, like every other sentence users read."""

from __future__ import annotations

import pytest

from dia.coupling import find_couplings
from dia.model import Area
from dia.scenarios.compare import compare
from dia.scenarios.model import Scenario
from dia.solver import plan_agenda
from dia.solver.texts import TEXTS, status_word, whole_euro
from tests.conftest import make_tiny_area

WORDS = {
    "nl": ("voorbereiden", "model opbouwen", "LP-relaxatie oplossen", "agenda toelichten"),
    "en": ("preparing", "building the model", "solving the LP relaxation", "explaining the agenda"),
}


def _in(lang: str) -> Area:
    area = make_tiny_area()
    return area.model_copy(update={"config": area.config.model_copy(update={"language": lang})})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_plan_reports_its_steps_in_the_area_language(lang: str) -> None:
    lines: list[str] = []
    area = _in(lang)
    plan_agenda(area, find_couplings(area), progress=lambda message, _fraction: lines.append(message))
    for word in WORDS[lang]:
        assert word in lines, f"{word!r} not among {lines}"
    other = WORDS["en" if lang == "nl" else "nl"]
    assert not set(other) & set(lines)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_compare_reports_each_scenario_in_the_area_language(lang: str) -> None:
    lines: list[str] = []
    compare(_in(lang), [Scenario(name="basis")], processes=1,
            progress=lambda message, _fraction: lines.append(message))
    expected = {"nl": ("scenario basis oplossen", "scenario basis: optimaal"),
                "en": ("solving scenario basis", "scenario basis: optimal")}[lang]
    assert list(expected) == [line for line in lines if line.startswith(("scenario", "solving"))]


def test_both_languages_have_every_progress_text_with_the_same_fields() -> None:
    import string

    def fields(template: str) -> set[str]:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name}

    assert TEXTS["nl"].keys() == TEXTS["en"].keys()
    for key in TEXTS["en"]:
        assert fields(TEXTS["nl"][key]) == fields(TEXTS["en"][key]), key


def test_money_and_status_words() -> None:
    assert whole_euro(201_633_266.4, "nl") == "€ 201.633.266"
    assert whole_euro(201_633_266.4, "en") == "€ 201,633,266"
    assert status_word("nl", "no_solution") == "geen oplossing"
    assert status_word("en", "infeasible") == "infeasible"
    assert status_word("nl", "unknown") == "unknown"
