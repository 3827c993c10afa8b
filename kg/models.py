"""Typed values passed between the steps of the data flow.

source -> :class:`Article` -> spaCy ``Doc`` -> :class:`Extraction`
(:class:`Mention` and :class:`Relation` with :class:`Evidence`) -> graph.

Everything here is a frozen dataclass or a ``str`` enum, so values can be
hashed, compared and serialised to JSON without surprises.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

# The closed lists of labels and relation types are the schema's (kg/schema.py); they are
# imported from here by most of the code, with the values that travel between steps.
from kg.schema import Label, RelType

__all__ = ["Article", "Evidence", "Extraction", "Label", "Mention", "RelType", "Relation", "Title"]


@dataclass(frozen=True)
class Article:
    """One input article. ``id`` is the file name without extension, or a JSON line's or CSV row's id."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None  # the path it was read from, for messages


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the sentence and the character offsets of the sentence."""

    article: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float
    date: str | None = None


@dataclass(frozen=True)
class Mention:
    """One actor as an article names it, already typed and resolved to a canonical key.

    ``key`` is the canonical id the graph uses ("state:UKR", "person:rustem-umerov",
    "delegation:RUS"); ``name`` is the canonical name, ``text`` the surface form.
    """

    key: str
    label: Label
    name: str
    text: str
    start: int
    end: int
    iso3: str | None = None
    how: str | None = None  # which resolution step produced the key (alias, metonym, ...)


@dataclass(frozen=True)
class Relation:
    """A directed ``source -[type]-> target`` between canonical keys, with its evidence."""

    source: str
    type: RelType
    target: str
    evidence: Evidence
    # the attributes of kg.schema (which types carry which: RELATIONS[type].attributes)
    role: str | None = None  # LEADS, MEMBER_OF, REPRESENTS: "chief negotiator", "president"
    claim: str | None = None  # ACCUSES: "of exploiting a US-backed energy truce"


@dataclass(frozen=True)
class Title:
    """A role stated without what it is of ("President Donald Trump"): the graph completes
    it when other articles say of what ("US President Donald Trump")."""

    person: str
    role: str
    type: RelType
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """An event the article reports, as the frame a rule read it into: its trigger word, the
    sides (lists of canonical keys), the mediators, the claim, and whether it is reported as
    having happened. The relations of a factual event are derived from it; an event that is
    not factual ("refused to meet") gives none and is kept to show why."""

    type: RelType
    trigger: str
    trigger_start: int  # the trigger's character offset in the article
    evidence: Evidence
    sides: tuple[tuple[str, ...], ...]
    mediators: tuple[str, ...] = ()
    claim: str | None = None
    factual: bool = True


@dataclass
class Extraction:
    """Everything read from one article: the actors it names and the relations it states."""

    article: Article
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": asdict(self.article),
            "actors": self.actors,
            "mentions": [_enum_safe(asdict(m)) for m in self.mentions],
            "relations": [_enum_safe(asdict(r)) for r in self.relations],
            "titles": [_enum_safe(asdict(t)) for t in self.titles],
            "events": [_enum_safe(asdict(e)) for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article=Article(**data["article"]),
            actors=data.get("actors", {}),
            mentions=[Mention(**{**m, "label": Label(m["label"])}) for m in data["mentions"]],
            relations=[
                Relation(
                    **{
                        **r,
                        "type": RelType(r["type"]),
                        "evidence": Evidence(**r["evidence"]),
                    }
                )
                for r in data["relations"]
            ],
            titles=[
                Title(**{**t, "type": RelType(t["type"]), "evidence": Evidence(**t["evidence"])})
                for t in data.get("titles", [])
            ],
            events=[
                Event(**{
                    **e, "type": RelType(e["type"]), "evidence": Evidence(**e["evidence"]),
                    "sides": tuple(tuple(side) for side in e["sides"]), "mediators": tuple(e["mediators"]),
                })
                for e in data.get("events", [])
            ],
        )


def _enum_safe(d: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.value if isinstance(v, Enum) else v) for k, v in d.items()}
