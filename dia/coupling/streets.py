"""Street-name normalisation: when do two partners mean the same street?

Partners write street names in their own way: ``Tubantiastraat 12``,
``tubantiastr.``, ``Tubantia straat``, ``Tubantiastraat 12-14a``. Two
projects are in the same street when their normalised names (their *keys*)
intersect. A key is lower-case ASCII letters and digits only:

1. Unicode accents are removed (``Crème`` -> ``creme``) and the text is
   lower-cased.
2. House numbers are stripped: everything from the first token that starts
   with a digit, when that token is not the first one (``1e Emmastraat``
   keeps its ``1e``), and ``nr``/``nr.``/``no.`` before it.
3. The abbreviation ``str``/``str.`` at the end of a word becomes
   ``straat`` (``Hengelosestr.`` -> ``hengelosestraat``).
4. Everything that is not a letter or digit (spaces, hyphens, dots,
   apostrophes) is dropped, so spacing and hyphenation do not matter
   (``Van Heeckeren-straat`` == ``vanheeckerenstraat``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_TOKEN = re.compile(r"\S+")
_NUMBER_WORD = re.compile(r"^(nr|no|nummer)\.?$")
_STR_ABBREV = re.compile(r"str\.?$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_street(name: str) -> str:
    """The street name as written, with house numbers stripped and spacing collapsed.

    This is the spelling shown to users (e.g. in the koppelkansen table).

    Parameters
    ----------
    name:
        A street name as a partner wrote it.

    Returns
    -------
    str
        The name without house numbers, single-spaced.

    Examples
    --------
    >>> clean_street("  Tubantiastraat   12-14a ")
    'Tubantiastraat'
    """
    tokens = _TOKEN.findall(name)
    kept: list[str] = []
    for i, token in enumerate(tokens):
        if i > 0 and token[0].isdigit():
            break
        if i > 0 and _NUMBER_WORD.match(token.lower()):
            break
        kept.append(token)
    return " ".join(kept).rstrip(",;")


@lru_cache(maxsize=65536)
def street_key(name: str) -> str:
    """The normalised key of a street name (see the module docstring for the steps).

    Parameters
    ----------
    name:
        A street name as a partner wrote it, possibly with a house number.

    Returns
    -------
    str
        Lower-case ASCII letters and digits; empty when no letter is left
        (a bare house number names no street).

    Examples
    --------
    >>> street_key("Tubantiastr. 12")
    'tubantiastraat'
    >>> street_key("Tubantia Straat")
    'tubantiastraat'
    >>> street_key("Van Heeckeren-straat 3a") == street_key("van heeckerenstraat")
    True
    >>> street_key("Crème-laan")
    'cremelaan'
    """
    text = _strip_accents(clean_street(name)).lower()
    words = [_STR_ABBREV.sub("straat", w) if w.endswith(("str", "str.")) else w for w in text.split()]
    key = _NON_ALNUM.sub("", "".join(words))
    # a bare number (a house number on its own) names no street
    return key if any(c.isalpha() for c in key) else ""


def street_keys(names: Iterable[str]) -> dict[str, str]:
    """Map each non-empty key to the first cleaned spelling that produced it.

    Parameters
    ----------
    names:
        The street names of one project.

    Returns
    -------
    dict of str to str
        ``key -> clean_street(name)``, in the order the names were given.
    """
    out: dict[str, str] = {}
    for name in names:
        key = street_key(name)
        if key and key not in out:
            out[key] = clean_street(name)
    return out
