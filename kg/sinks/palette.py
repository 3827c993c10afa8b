"""The colours of the graph's pictures: one per actor label and one per relation type.

Every view reads this table (the HTML page, GEXF's ``viz:color`` for Gephi), so
a State is the same blue wherever a user sees it. The colours are the
Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008), chosen to stay
apart for readers with any common form of colour blindness; the relation types
take the colours the labels leave, and the two roles that link a person to a
body (MEMBER_OF, REPRESENTS) take greys, since they are context rather than
events.
"""
from __future__ import annotations

from kg.schema import Label, RelType

__all__ = ["LABEL_COLORS", "TYPE_COLORS", "rgb"]

LABEL_COLORS: dict[Label, str] = {
    Label.PERSON: "#E69F00",  # orange
    Label.STATE: "#0072B2",  # blue
    Label.ORGANIZATION: "#009E73",  # bluish green
    Label.DELEGATION: "#CC79A7",  # reddish purple
}

TYPE_COLORS: dict[RelType, str] = {
    RelType.LEADS: "#56B4E9",  # sky blue
    RelType.MEMBER_OF: "#999999",  # grey
    RelType.REPRESENTS: "#BBBBBB",  # light grey
    RelType.NEGOTIATES_WITH: "#009E73",  # bluish green
    RelType.MEDIATES: "#F0E442",  # yellow
    RelType.ACCUSES: "#D55E00",  # vermillion
    RelType.MEETS: "#CC79A7",  # reddish purple
}

assert LABEL_COLORS.keys() == set(Label) and TYPE_COLORS.keys() == set(RelType), "a label or type has no colour"


def rgb(color: str) -> tuple[int, int, int]:
    """``"#0072B2"`` -> ``(0, 114, 178)``."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)
