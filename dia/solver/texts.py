"""The optimiser's user-facing sentences in Dutch and English (the area's ``language``).

Explanations end up in the terminal, the workbook and the report, so they follow the area's
language like every other user-facing text. Keys are stable; tests assert on English.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["nl", "en"]

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "budget_short": "{q} {t}: verplichte projecten vragen {need}, budget {budget} + overheveling {carry}",
        "funds": " + fondsen {funds}",
        "short_by": " (tekort {short})",
        "dep_unscheduled": "{p} moet na {r} komen, maar {r} wordt niet gepland",
        "dep_too_late": "{p} moet na {r} komen, maar {r} kan niet eerder eindigen dan {end} "
                        "({p} moet uiterlijk in {latest} starten)",
        "dep_no_fit": "{p} moet na {r} komen, maar {r} past niet vóór de start van {p}",
        "cap": "buurt {name} ({u}) {t}: het maximum van {cap} straatwerken per jaar wordt met "
               "{extra} verplichte werken overschreden",
        "mandatory": "verplicht project {p} ({q}) kan niet gepland worden in {e}–{l}",
        "left_out": "weggelaten door het scenario",
        "dropped_dep": "vervalt: voorganger {r} wordt niet gepland",
        "dropped_budget": "vervalt: het budget van {q} in {t} gaat naar projecten die per euro "
                          "meer opleveren",
        "dropped_cap": "vervalt: het maximum van {cap} straatwerken in {u} in {t} is bereikt",
        "dropped_other": "vervalt: het geld doet elders in de agenda meer goed",
        "moved_couple": "verschoven {pref} → {s} om samen te werken met {others}",
        "moved_dep": "verschoven {pref} → {s}: moet na {r} komen, dat in {end} eindigt",
        "moved_budget": "verschoven {pref} → {s}: het budget van {q} in {t} is nodig voor andere projecten",
        "moved_other": "verschoven {pref} → {s} voor een betere agenda als geheel",
        "used_up": "budget op",
        "binding": "{q} {t}: {state} ({used} van {available} incl. overheveling)",
        "dual": "; een euro meer levert ongeveer {dual} op in de doelfunctie",
        "not_scheduled": "niet gepland: {ids}",
        "apart": "startjaren {sa} en {sb} liggen meer dan {gap} jaar uit elkaar",
        "capped": "besparing begrensd: een project kan niet meer besparen dan het kost",
        "baseline_over": "basislijn: verplicht project {p} past niet in het budget van {q} en is in {t} "
                         "boven budget gepland",
        "infeasible": "geen agenda voldoet aan alle harde eisen van {name}",
        "mln": "€ {x} mln",
        "p_preparing": "voorbereiden",
        "p_model": "model opbouwen",
        "p_lp": "LP-relaxatie oplossen",
        "p_greedy": "eerste agenda opbouwen",
        "p_lp_proves": "de LP-grens bewijst de eerste agenda binnen de gap",
        "p_partners": "partners herplannen, één en twee tegelijk",
        "p_solving": "oplossen met {solver}",
        "p_worth": "oplossen: agenda waard {value}",
        "p_gap": ", gap {gap} %",
        "p_explain_infeasible": "uitzoeken waarom het plan onhaalbaar is",
        "p_explain": "agenda toelichten",
        "p_scenario_solving": "scenario {name} oplossen",
        "p_scenario_done": "scenario {name}: {status}",
        "p_replan": "herplannen vanaf {year}: {n} project(en) houden hun startjaar",
        "p_draw": "trekking {i}/{n}: {status}",
        "status_optimal": "optimaal",
        "status_feasible": "toegelaten",
        "status_infeasible": "onhaalbaar",
        "status_no_solution": "geen oplossing",
    },
    "en": {
        "budget_short": "{q} {t}: mandatory projects need {need}, budget {budget} + carry-over {carry}",
        "funds": " + funds {funds}",
        "short_by": " (short by {short})",
        "dep_unscheduled": "{p} must follow {r}, which is not scheduled",
        "dep_too_late": "{p} must follow {r}, which cannot end before {end} ({p} must start by {latest})",
        "dep_no_fit": "{p} must follow {r}, which does not fit before {p}'s start",
        "cap": "buurt {name} ({u}) {t}: the cap of {cap} street works per year is exceeded by "
               "{extra} mandatory works",
        "mandatory": "mandatory {p} ({q}) cannot be scheduled in {e}–{l}",
        "left_out": "left out by the scenario",
        "dropped_dep": "dropped: its predecessor {r} is not scheduled",
        "dropped_budget": "dropped: the budget of {q} in {t} is used for projects worth more per euro",
        "dropped_cap": "dropped: the nuisance cap of {cap} street works in {u} in {t} is reached",
        "dropped_other": "dropped: the money does more good elsewhere in the agenda",
        "moved_couple": "moved {pref} → {s} to combine the works with {others}",
        "moved_dep": "moved {pref} → {s}: it must follow {r}, which ends in {end}",
        "moved_budget": "moved {pref} → {s}: the budget of {q} in {t} is needed for other projects",
        "moved_other": "moved {pref} → {s} for a better agenda overall",
        "used_up": "budget used up",
        "binding": "{q} {t}: {state} ({used} of {available} incl. carry-over)",
        "dual": "; one more euro would add about {dual} to the objective",
        "not_scheduled": "not scheduled: {ids}",
        "apart": "start years {sa} and {sb} lie more than {gap} year(s) apart",
        "capped": "saving capped: a project cannot save more than it costs",
        "baseline_over": "baseline: mandatory {p} does not fit {q}'s budget and is planned over "
                         "budget in {t}",
        "infeasible": "no agenda satisfies every hard constraint of {name}",
        "mln": "€ {x} mln",
        "p_preparing": "preparing",
        "p_model": "building the model",
        "p_lp": "solving the LP relaxation",
        "p_greedy": "building a greedy agenda",
        "p_lp_proves": "the LP bound proves the start within the gap",
        "p_partners": "re-planning partners, one and two at a time",
        "p_solving": "solving with {solver}",
        "p_worth": "solving: agenda worth {value}",
        "p_gap": ", gap {gap} %",
        "p_explain_infeasible": "explaining why the plan is infeasible",
        "p_explain": "explaining the agenda",
        "p_scenario_solving": "solving scenario {name}",
        "p_scenario_done": "scenario {name}: {status}",
        "p_replan": "re-planning from {year}: {n} project(s) keep their start",
        "p_draw": "draw {i}/{n}: {status}",
        "status_optimal": "optimal",
        "status_feasible": "feasible",
        "status_infeasible": "infeasible",
        "status_no_solution": "no solution",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (English when the language is unknown)."""
    table = TEXTS.get(lang, TEXTS["en"])
    return table[key].format(**values)


def money(amount: float, lang: str) -> str:
    """Euro as users read it: ``€ 4.1 mln`` / ``€ 350,000`` (en), ``€ 4,1 mln`` / ``€ 350.000`` (nl)."""
    if abs(amount) < 1e6:
        return whole_euro(amount, lang)
    out = text(lang, "mln", x=f"{amount / 1e6:,.1f}")
    if lang == "nl":
        out = out.replace(",", "_").replace(".", ",").replace("_", ".")
    return out


def whole_euro(amount: float, lang: str) -> str:
    """Euro to the unit, grouped as users read it: ``€ 201.633.266`` (nl), ``€ 201,633,266`` (en)."""
    out = f"€ {amount:,.0f}"
    return out.replace(",", ".") if lang == "nl" else out


def status_word(lang: str, status: str) -> str:
    """A solver status (``optimal``, ``feasible``, ``infeasible``, ``no_solution``) in ``lang``."""
    key = f"status_{status}"
    return text(lang, key) if key in TEXTS["en"] else status


def number(x: float, lang: str, digits: int = 2) -> str:
    """A decimal number in the language's notation."""
    out = f"{x:.{digits}f}"
    return out.replace(".", ",") if lang == "nl" else out
