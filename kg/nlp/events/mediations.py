"""MEDIATES: the source brokers, hosts as a go-between or leads talks between parties; one
edge to each party, never to their delegations (ANNOTATION.md)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import Label, RelType
from kg.nlp.events.arguments import Arguments
from kg.nlp.events.frames import Reading, parties
from kg.nlp.events.meets import _hosts_talks
from kg.nlp.events.rules import VERBS, event_rule


@event_rule("mediate_verb", RelType.MEDIATES, triggers="mediate_verbs", pos=VERBS, confidence=0.8)
def mediate_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "Qatar mediated between A and B", "Egypt brokered talks between A and B",
    # passive: "talks between A and B were brokered by C"
    subject = args.passive_subject(verb)
    if subject is not None:
        mediators = args.agents(verb)
        sides = sum(args.participants(subject), [])
    else:
        mediators = args.subjects(verb)
        objects = args.prep_objects(verb, "between") + args.prep_objects(args.child(verb, "dobj"), "between")
        sides = args.actors_of(objects)
    yield Reading(parties(sides), mediators=tuple(mediators))


@event_rule("host_talks", RelType.NEGOTIATES_WITH, triggers="meet_verbs", pos=VERBS, confidence=0.75)
def host_talks(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a host of talks between guests is a go-between, and the guests negotiate:
    # "Turkey hosted Ukrainian and Russian delegations for talks"
    guests = [a for a in args.objects(verb) + args.actors_of(args.prep_objects(verb, "with"))
              if a.label in (Label.PERSON, Label.DELEGATION)]
    if args.child(verb, "nsubjpass") is None and _hosts_talks(verb, guests, args):
        yield Reading(parties(guests), mediators=tuple(args.subjects(verb)))
