"""Pause Python's cyclic garbage collector while building many small objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after.

    Building 10^5 couplings, graph dicts and clusters allocates so many
    objects that CPython runs full collections again and again, each walking
    the area's own ~10^6 live objects. Nothing built here forms a reference
    cycle, so reference counting alone frees all of it and the pause loses
    nothing; it made ``find_couplings`` about a third faster at 100,000
    projects. The previous state is restored even on error, so a caller
    that disabled the collector itself keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
