"""Events as frames: what a trigger says happened, who took which part, and the edges it gives.

A rule (see :mod:`kg.nlp.events.rules`) reads one trigger word into a :class:`Reading`:
the sides of the event, its mediators and its claim. The component turns each reading
into an :class:`EventFrame` (adding the rule's name, confidence and the factuality of the
trigger) and derives the relation edges from the frame alone:

- ACCUSES: each accuser (first side) accuses each accused (second side);
- MEETS, NEGOTIATES_WITH: each actor with each actor of another side, never within one
  side ("Iran and the group of six" is two sides; the six do not negotiate among
  themselves);
- MEDIATES: each mediator to each party of the event; a delegation's party stands for it,
  and so does the state or organisation a person leads, where the article says so and the
  persons lead distinct parties (ANNOTATION.md: MEDIATES points at the parties, never at
  their delegations; "Solheim mediated between Wickremesinghe and Prabhakaran" gives the
  parties they lead; rival persons within one party stay the parties).

A frame that is not factual (negated, refused, offered, planned, conditional, future)
is kept, so a user can see why nothing was read, and gives no edge.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Span, Token

from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.relations import RelationSpan, distinct_actors, same_actor

Side = tuple[ActorSpan, ...]


@dataclass(frozen=True)
class Reading:
    """What a rule read from one trigger, before the component adds name, confidence and factuality.

    ``type`` overrides the rule's relation type (a "host" verb that hosts talks reads a
    negotiation); ``sentence`` the trigger's sentence (a quotation that runs on); ``factual``
    the component's check of the trigger, where a rule checks something else.
    """

    sides: tuple[Side, ...] = ()
    mediators: Side = ()
    claim: str | None = None
    type: RelType | None = None
    sentence: Span | None = None
    factual: bool | None = None


@dataclass(frozen=True)
class EventFrame:
    """One event an article reports: its type, trigger, sides, mediators, claim and factuality."""

    type: RelType
    trigger: Token
    rule: str
    confidence: float
    sentence: Span
    sides: tuple[Side, ...]
    mediators: Side = ()
    claim: str | None = None
    factual: bool = True

    def relations(self) -> Iterator[RelationSpan]:
        """The edges this frame states; none when it is not factual."""
        if not self.factual:
            return
        if self.type == RelType.ACCUSES:
            accusers, accused = (self.sides + ((), ()))[:2]
            for source in distinct_actors(accusers):
                for target in distinct_actors(accused):
                    yield from self._edge(source, RelType.ACCUSES, target)
        elif self.type.symmetric:
            for first, second in combinations(self.sides, 2):
                for a in distinct_actors(first):
                    for b in distinct_actors(second):
                        yield from self._edge(a, self.type, b)
        for mediator in distinct_actors(self.mediators):
            for party in self.parties():
                yield from self._edge(mediator, RelType.MEDIATES, party)

    def parties(self) -> list[ActorSpan]:
        """The parties a mediator stands between: a delegation's party for the delegation; the
        parties the persons lead for the persons, when the article names a different one for each."""
        actors = distinct_actors(p.party if p.label == Label.DELEGATION and p.party else p for side in self.sides for p in side)
        led = [led_party(a) if a.label == Label.PERSON else a for a in actors]
        if all(led) and len(distinct_actors(led)) == len(actors):
            return distinct_actors(led)
        return actors  # rival persons within one party, or a person whose party the article does not name

    def _edge(self, source: ActorSpan, rel_type: RelType, target: ActorSpan) -> Iterator[RelationSpan]:
        if not same_actor(source, target):
            claim = self.claim if rel_type == RelType.ACCUSES else None
            yield RelationSpan(source, rel_type, target, self.sentence, self.rule, self.confidence, claim=claim)


def sides(
    firsts: Sequence[ActorSpan], seconds: Sequence[ActorSpan] = (), coalitions: Sequence[Side] = ()
) -> tuple[Side, ...]:
    """The sides of a symmetric event: the subjects against their partners ("A met B and C"),
    or, with no partner named, each participant a side of its own ("A, B and C met"), except
    the members of one coalition the text lists, who are one side together ("Iran and the
    group of six (the US, the UK, ...) negotiated")."""
    if seconds:
        return (tuple(firsts), tuple(seconds))
    out: list[Side] = []
    for actor in distinct_actors(firsts):
        coalition = next((c for c in coalitions if any(actor.span == m.span for m in c)), None)
        if coalition is None:
            out.append((actor,))
        elif not any(same_actor(actor, m) for side in out for m in side):
            out.append(tuple(distinct_actors(coalition)))
    return tuple(out)


def parties(actors: Sequence[ActorSpan]) -> tuple[Side, ...]:
    """Each actor a party of its own: the sides a mediator stands between."""
    return tuple((a,) for a in distinct_actors(actors))


def led_party(person: ActorSpan) -> ActorSpan | None:
    """The state or organisation the article says a person leads ("Prabhakaran, the leader of
    the LTTE"), matched on the full name or the surname."""
    for r in person.span.doc._.kg_relations or []:
        leader = r.source
        if (
            r.type == RelType.LEADS
            and r.target.label in (Label.STATE, Label.ORGANIZATION)
            and leader.label == Label.PERSON
            and (leader.text == person.text or leader.span[-1].lower_ == person.span[-1].lower_)
        ):
            return r.target
    return None
