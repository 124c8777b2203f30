"""The base class every domain model derives from: frozen, strict, validated."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

#: Euro amounts closer than this are equal (profile sums, budget checks).
EURO_TOLERANCE = 0.5


class Frozen(BaseModel):
    """Immutable, extra-forbidding pydantic model (as Calliope's base model).

    Change a model by building a new one through ``model_validate`` so the
    invariants are checked again; ``model_copy(update=...)`` skips validation.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)
