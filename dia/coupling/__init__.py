"""Koppelkansen: where partners' projects meet in place and time, and what coupling saves.

Public API::

    from dia.coupling import find_couplings, CouplingGraph
    cg = find_couplings(area)
    cg.couplings        # tuple of dia.model.Coupling, sorted by pair
    cg.graph            # frozen networkx.Graph
    cg.clusters         # ranked connected groups (dia.coupling.clusters.Cluster)
    cg.capped_saving("R-001")
    cg.to_frame()

See ``docs/koppelkansen.md`` for the rules, the defaults and their reasoning.
"""

from __future__ import annotations

from dia.coupling.clusters import Cluster, Group
from dia.coupling.detect import find_couplings
from dia.coupling.graph import CouplingGraph
from dia.coupling.streets import clean_street, street_key

__all__ = ["Cluster", "CouplingGraph", "Group", "clean_street", "find_couplings", "street_key"]
