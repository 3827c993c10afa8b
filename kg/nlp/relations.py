"""What every relation component shares: the relation value and actor look-ups."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan


@dataclass(frozen=True)
class RelationSpan:
    """A relation read in one sentence: ``source -[type]-> target``, with the rule that read it."""

    source: ActorSpan
    type: RelType
    target: ActorSpan
    sentence: Span
    rule: str
    confidence: float
    role: str | None = None
    claim: str | None = None


@dataclass(frozen=True)
class TitleSpan:
    """A role a person holds without the text saying of what: "President Donald Trump"."""

    person: ActorSpan
    role: str
    type: RelType
    sentence: Span


class ActorIndex:
    """Find the actor a token belongs to. Built once per Doc by each relation component."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[ActorSpan] = list(doc._.kg_actors or [])
        self._by_token: dict[int, list[ActorSpan]] = {}
        for actor in self.actors:
            for i in range(actor.span.start, actor.span.end):
                self._by_token.setdefault(i, []).append(actor)

    def at(self, token: Token, *labels: Label) -> list[ActorSpan]:
        """The actors covering ``token`` (all, or only those with the given labels)."""
        found = self._by_token.get(token.i, [])
        return [a for a in found if not labels or a.label in labels]

    def headed_by(self, token: Token, *labels: Label) -> list[ActorSpan]:
        """The actors whose syntactic root is ``token``; delegations before what they contain."""
        found = [a for a in self.at(token, *labels) if a.root.i == token.i]
        return sorted(found, key=lambda a: a.label != Label.DELEGATION)

    def add(self, actor: ActorSpan) -> ActorSpan:
        """Record an actor that a relation rule implies ("Ukraine's chief negotiator" -> the delegation)."""
        for existing in self.actors:
            if existing.label == actor.label and existing.ref == actor.ref and existing.span == actor.span:
                return existing
        self.actors.append(actor)
        for i in range(actor.span.start, actor.span.end):
            self._by_token.setdefault(i, []).append(actor)
        return actor


def conjuncts_with(token: Token) -> list[Token]:
    """The token and every token coordinated with it, in text order."""
    return sorted([token, *token.conjuncts], key=lambda t: t.i)


def same_actor(a: ActorSpan, b: ActorSpan) -> bool:
    """The same mention, or two mentions of one gazetteer actor ("Kremlin", "Russia")."""
    if a.span == b.span and a.ref == b.ref:
        return True
    return a.label == b.label and a.ref is not None and a.ref == b.ref


def distinct_actors(actors: Iterable[ActorSpan]) -> list[ActorSpan]:
    """The actors in order, each real actor once."""
    out: list[ActorSpan] = []
    for actor in actors:
        if not any(same_actor(actor, other) for other in out):
            out.append(actor)
    return out


def unique_relations(relations: list[RelationSpan]) -> list[RelationSpan]:
    """Relations in order, each once; a symmetric one once whatever its direction."""
    seen: set[tuple] = set()
    out = []
    for r in relations:
        ends = [(r.source.span.start, r.source.ref, r.source.label), (r.target.span.start, r.target.ref, r.target.label)]
        key = (r.type, frozenset(ends) if r.type.symmetric else tuple(ends))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
