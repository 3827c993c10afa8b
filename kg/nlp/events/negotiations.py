"""NEGOTIATES_WITH: the sides of a negotiation, symmetric (ANNOTATION.md)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import RelType
from kg.nlp.events.arguments import Arguments
from kg.nlp.events.frames import Reading, sides
from kg.nlp.events.rules import NOUNS, VERBS, event_rule


@event_rule("negotiate_verb", RelType.NEGOTIATES_WITH, triggers="negotiate_verbs", pos=VERBS, confidence=0.8)
def negotiate_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A negotiated with B", "A and B negotiated"
    yield Reading(sides(args.subjects(verb), args.actors_of(args.prep_objects(verb, "with"))))


@event_rule("negotiation_noun", RelType.NEGOTIATES_WITH, triggers="negotiation_nouns", pos=NOUNS, confidence=0.7)
def negotiation_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "talks between A and B", "A held talks with B", "A and B held talks",
    # "Ukrainian and Russian negotiators held talks"; the mediator a participle names:
    # "US-led talks", "Qatari-mediated talks", "talks brokered by Egypt"
    firsts, seconds = args.participants(noun)
    mediators = args.participle_agents(noun, args.lex.mediation_participles)
    if mediators and not (firsts or seconds) and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        firsts = sum(args.participants(noun.head.head), [])  # "a round of US-led talks": the round's parties
    if firsts or seconds or mediators:
        yield Reading(sides(firsts, seconds), mediators=tuple(mediators))
