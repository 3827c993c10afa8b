"""The graph's schema: every actor label and every relation type, declared once.

:data:`LABELS` and :data:`RELATIONS` are the table that ANNOTATION.md's
"Actors" and "Relations" tables describe in prose. Per relation type a row says
whether it is symmetric, which labels its source and its target may have,
which attributes its edges carry besides their evidence (``role``,
``claim``), and what it means. Everything else reads this table:

- :mod:`kg.extract` drops a relation whose ends' labels the row does not allow
  (a MEDIATES whose target is a Delegation, a LEADS whose target is a Person);
- :mod:`kg.graph` stores a symmetric type once (from the smaller id to the
  larger) and keeps on each edge the attributes of its row, and only those;
- :mod:`kg.sinks` know from it which attributes hold lists, and
  :mod:`kg.evaluate` which types are compared without their direction;
- ``bench/`` draws synthetic edges between the labels a row allows;
- the tests compare symmetric types without direction by asking the row.

:class:`Label` and :class:`RelType` are the closed enums the rest of the code
names members of (``RelType.LEADS``); they are importable from
:mod:`kg.models` as well. Importing this module checks that the enums and the
table list the same members, so neither can grow without the other.

Adding a relation type touches four places:

1. here: a member of :class:`RelType` and its row in :data:`RELATIONS` (and
   the same row in ANNOTATION.md's table);
2. one rule module under ``kg/nlp/`` that yields relations of the new type;
3. its word lists in ``data/lexicon.yaml``, each saying where it came from;
4. a query in ``cypher/`` that reads it (``cypher/mediations.cypher`` is one).

The loader needs nothing more: ``cypher/load/relationships.cypher`` is a
template that :func:`kg.cypher.fill_template` fills with each member. A new
*attribute* is the exception: the Relation dataclass needs a field of its name
and ``cypher/load/relationships.cypher`` must say how two values merge.

Why a Python module and not a data file: the code branches on these names
(``if rel.type == RelType.LEADS``), so they must exist as attributes when the
code is read and type-checked, not only once a file is loaded; and unlike the
word lists under ``data/``, a user cannot extend the schema without writing a
rule, so there is nothing to gain from making it editable data.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["ATTRIBUTES", "CLAIM", "LABELS", "RELATIONS", "ROLE", "Attribute", "Label", "RelType", "RelationSchema"]


class Label(str, Enum):
    """The closed list of actor labels; their meaning is :data:`LABELS`."""

    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    DELEGATION = "Delegation"


class RelType(str, Enum):
    """The closed list of relation types; each one's row is :data:`RELATIONS` (``.schema``)."""

    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    REPRESENTS = "REPRESENTS"
    NEGOTIATES_WITH = "NEGOTIATES_WITH"
    MEDIATES = "MEDIATES"
    ACCUSES = "ACCUSES"
    MEETS = "MEETS"

    @property
    def schema(self) -> RelationSchema:
        return RELATIONS[self]

    @property
    def symmetric(self) -> bool:
        return RELATIONS[self].symmetric


@dataclass(frozen=True)
class Attribute:
    """A value that an edge of some types carries besides its evidence.

    The edge keeps the first value read under ``name``; when ``every`` is set it
    also keeps every distinct value, in the order read, as a list under that name.
    :class:`kg.models.Relation` has a field of the same ``name``.
    """

    name: str
    meaning: str
    every: str | None = None


@dataclass(frozen=True)
class RelationSchema:
    """One relation type: its ends, its attributes and its meaning (ANNOTATION.md, "Relations")."""

    type: RelType
    symmetric: bool
    sources: frozenset[Label]
    targets: frozenset[Label]
    attributes: tuple[Attribute, ...]
    meaning: str

    def allows(self, source: Label, target: Label) -> bool:
        """Whether an edge of this type may join an actor of label ``source`` to one of ``target``."""
        return source in self.sources and target in self.targets


ROLE = Attribute("role", 'the role the text names: "chief negotiator", "president", "foreign minister"')
CLAIM = Attribute("claim", 'what the source says the target did: "of exploiting a US-backed energy truce"',
                  every="claims")
ATTRIBUTES = (ROLE, CLAIM)

_ANY_LABEL = frozenset(Label)
_PARTIES = frozenset({Label.STATE, Label.ORGANIZATION})

LABELS: dict[Label, str] = {
    Label.PERSON: "an individual who acts in politics or diplomacy: head of state, minister, negotiator, envoy, "
                  "spokesperson, official, commander",
    Label.STATE: 'a sovereign state or its government, however named: "Ukraine", "the Ukrainians said", '
                 '"Kyiv rejected", "the Kremlin said"',
    Label.ORGANIZATION: "an international organisation, a national body or agency, or a non-state armed or "
                        "political group",
    Label.DELEGATION: 'a negotiating team that represents a state or organisation at talks: "the Russian '
                      'delegation", "Ukraine\'s team"',
}

RELATIONS: dict[RelType, RelationSchema] = {row.type: row for row in (
    RelationSchema(
        RelType.LEADS, symmetric=False,
        sources=frozenset({Label.PERSON}), targets=frozenset({Label.DELEGATION, *_PARTIES}),
        attributes=(ROLE,),
        meaning='heads it: "leads", "is led by", "head of", "chief negotiator", "president of"',
    ),
    RelationSchema(
        RelType.MEMBER_OF, symmetric=False,
        sources=frozenset({Label.PERSON}), targets=frozenset({Label.DELEGATION, Label.ORGANIZATION}),
        attributes=(ROLE,),
        meaning='belongs to it without heading it: "Ukraine\'s team includes X", "X, a member of the delegation"',
    ),
    RelationSchema(
        RelType.REPRESENTS, symmetric=False,
        sources=frozenset({Label.PERSON, Label.DELEGATION}), targets=_PARTIES,
        attributes=(ROLE,),
        meaning='acts on its behalf: "Kremlin spokesperson X", "US special envoy X"; every delegation its party',
    ),
    RelationSchema(
        RelType.NEGOTIATES_WITH, symmetric=True,
        sources=_ANY_LABEL, targets=_ANY_LABEL,
        attributes=(),
        meaning='the two sides hold talks or negotiate: "talks between A and B", "A and B resumed negotiations"',
    ),
    RelationSchema(
        # the parties, never their delegations; persons where rival persons are the parties
        RelType.MEDIATES, symmetric=False,
        sources=_ANY_LABEL, targets=frozenset({Label.PERSON, *_PARTIES}),
        attributes=(),
        meaning='brokers, hosts as a go-between, or leads talks between parties, one edge to each party',
    ),
    RelationSchema(
        RelType.ACCUSES, symmetric=False,
        sources=_ANY_LABEL, targets=_ANY_LABEL,
        attributes=(CLAIM,),
        meaning='attributes wrongdoing to the target: "accused", "blamed", "condemned ... for"',
    ),
    RelationSchema(
        RelType.MEETS, symmetric=True,
        sources=_ANY_LABEL, targets=_ANY_LABEL,
        attributes=(),
        meaning='a meeting or call between them reported as having happened: "met", "held a video call with"',
    ),
)}


def _check() -> None:
    """The enums and the table list the same members; a symmetric type allows the same labels at both ends."""
    if set(RELATIONS) != set(RelType):
        raise RuntimeError(f"kg.schema: RelType and RELATIONS differ: {set(RelType) ^ set(RELATIONS)}")
    if set(LABELS) != set(Label):
        raise RuntimeError(f"kg.schema: Label and LABELS differ: {set(Label) ^ set(LABELS)}")
    for row in RELATIONS.values():
        if row.symmetric and row.sources != row.targets:
            raise RuntimeError(f"kg.schema: {row.type.value} is symmetric but its ends differ")


_check()
