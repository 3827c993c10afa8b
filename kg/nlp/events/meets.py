"""MEETS: a meeting or call between actors reported as having happened (ANNOTATION.md)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.events.arguments import Arguments
from kg.nlp.events.frames import Reading, sides
from kg.nlp.events.mediations import hosts_talks
from kg.nlp.events.rules import NOUNS, VERBS, event_rule
from kg.nlp.relations import conjuncts_with

# Media of a call with no partner in the clause: "A and B spoke on the phone".
CALL_MEDIA = {"phone", "telephone", "call", "video"}


@event_rule("meet_verb", RelType.MEETS, triggers="meet_verbs", pos=VERBS, confidence=0.8)
def meet_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A met B", "A met with B, then with C", "A and B met", "A was met by B"
    if verb.lemma_.lower() in args.lex.guest_verbs:
        return  # "hosted", "greeted" (generated into both lists): read by guest_verb
    firsts, partners = _partners(verb, args)
    yield Reading(sides(firsts, args.actors_of(partners), args.coalitions), factual=args.factuality.purpose(verb))


@event_rule("guest_verb", RelType.MEETS, triggers="guest_verbs", pos=VERBS, confidence=0.8)
def guest_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A hosted B", "A received a mission from C", "A welcomed B", "B was greeted by A";
    # visiting a country is not meeting it ("visited Russia")
    firsts, partners = _partners(verb, args)
    guests = [a for p in partners for t in conjuncts_with(p) for a in _guests(t, args)]
    if guests and not hosts_talks(verb, guests, args):  # a go-between: read by mediations.host_talks
        yield Reading(sides(firsts, guests), factual=args.factuality.purpose(verb))


@event_rule("talk_verb", RelType.MEETS, triggers="talk_verbs", pos=VERBS, confidence=0.75)
def talk_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A spoke with B", "A and B spoke on the phone", "A discussed X with B" (talking alone is no meeting)
    # speaking to a legislature or a crowd is addressing it: "speaking to Ukraine's parliament"
    heard = [o for o in args.prep_objects(verb, "with", "to") if o.lemma_.lower() not in args.lex.addressed_bodies]
    seconds = args.actors_of(heard)
    media = args.prep_objects(verb, "on", "by", "over", "via")
    if seconds or any(o.lemma_.lower() in CALL_MEDIA for o in media):
        yield Reading(sides(args.subjects(verb), seconds))


@event_rule("call_verb", RelType.MEETS, triggers="call_verbs", pos=VERBS, confidence=0.75)
def call_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A telephoned B", "A phoned B on Monday"
    called = args.objects(verb)
    if called:
        yield Reading(sides(args.subjects(verb), called))


@event_rule("company_verb", RelType.MEETS, triggers="company_verbs", pos=VERBS, confidence=0.7)
def company_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A dined with B", "A celebrated Eid with the leaders of B", "with the parliament of B"
    company = args.prep_objects(verb, "with")
    partners = args.actors_of(company) or args.actors_of(o for c in company for o in args.prep_objects(c, "of"))
    if partners:
        yield Reading(sides(args.subjects(verb), partners), factual=args.factuality.purpose(verb))


@event_rule("audience_verb", RelType.MEETS, triggers="audience_verbs", pos=VERBS, confidence=0.7)
def audience_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "the ambassadors of A and B presented their credentials to C's president"
    obj = args.child(verb, "dobj")
    if obj is not None and (obj.lemma_.lower() in args.lex.audience_objects or obj.lower_ in args.lex.audience_objects):
        hosts = args.prep_objects(verb, "to") + args.prep_objects(obj, "to")
        # "to Ithilen's president": the state whose head received them, where the head is not named
        received_by = args.actors_of(hosts) or [a for h in hosts for a in args.owner(h)]
        if received_by:
            yield Reading(sides(args.subjects(verb), received_by))


@event_rule("join_verb", RelType.MEETS, triggers="join_verbs", pos=VERBS, confidence=0.7)
def join_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A joined B and international partners in Paris for talks"
    occasions = args.prep_objects(verb, "for")
    if any(o.lemma_.lower() in args.lex.negotiation_nouns | args.lex.meeting_nouns for o in occasions):
        joined = args.objects(verb)
        if joined:
            yield Reading(sides(args.subjects(verb), joined))


@event_rule("meeting_noun", RelType.MEETS, triggers="meeting_nouns", pos=NOUNS, confidence=0.7)
def meeting_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "a meeting between A and B", "A held a video call with B", "A's call with B"
    firsts, seconds = args.participants(noun)
    if firsts or seconds:
        yield Reading(sides(firsts, seconds, args.coalitions))


def _partners(verb: Token, args: Arguments) -> tuple[list[ActorSpan], list[Token]]:
    """The subjects of a verb of meeting, and the words that name whom they met: the object and
    "with" objects, or in the passive the subject met and the agent."""
    if args.child(verb, "nsubjpass") is not None:
        agent = args.child(args.child(verb, "agent"), "pobj")
        return args.actors(args.child(verb, "nsubjpass")), [agent] if agent is not None else []
    obj = args.child(verb, "dobj") or args.child(verb, "npadvmod")
    return args.subjects(verb), ([obj] if obj is not None else []) + args.prep_objects(verb, "with")


def _guests(partner: Token, args: Arguments) -> list[ActorSpan]:
    """The guests a host or visitor meets in ``partner``: a person or a team named, or the party
    an envoy or official stands for ("Russian officials", "a mission from the OSCE"); not a
    state or organisation named by itself ("visited Russia")."""
    named = args.index.headed_by(partner)
    if named:
        return [a for a in named if a.label in (Label.PERSON, Label.DELEGATION)]
    return args.actors(partner)
