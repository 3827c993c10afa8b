"""MEETS: a meeting or call between actors reported as having happened (ANNOTATION.md)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import Label, RelType
from kg.nlp.events.arguments import Arguments
from kg.nlp.events.frames import Reading, sides
from kg.nlp.events.rules import NOUNS, VERBS, event_rule

# Media of a call with no partner in the clause: "A and B spoke on the phone".
CALL_MEDIA = {"phone", "telephone", "call", "video"}


@event_rule("meet_verb", RelType.MEETS, triggers="meet_verbs", pos=VERBS, confidence=0.8)
def meet_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A met B", "A met with B, then with C", "A and B met", "A was met by B", "A hosted B"
    if args.child(verb, "nsubjpass") is not None:
        firsts = args.actors(args.child(verb, "nsubjpass"))
        seconds = args.actors(args.child(args.child(verb, "agent"), "pobj"))
    else:
        firsts = args.subjects(verb)
        seconds = args.objects(verb) + args.actors_of(args.prep_objects(verb, "with"))
    if verb.lemma_.lower() != "meet":
        # "hosted"/"received"/"visited" a person is a meeting; visiting a country is not
        seconds = [a for a in seconds if a.label in (Label.PERSON, Label.DELEGATION)]
    if _hosts_talks(verb, seconds, args):
        return  # a go-between: read by mediations.host_talks
    yield Reading(sides(firsts, seconds))


@event_rule("talk_verb", RelType.MEETS, triggers="talk_verbs", pos=VERBS, confidence=0.75)
def talk_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A spoke with B", "A and B spoke on the phone" (talking alone is no meeting)
    seconds = args.actors_of(args.prep_objects(verb, "with", "to"))
    media = args.prep_objects(verb, "on", "by", "over", "via")
    if seconds or any(o.lemma_.lower() in CALL_MEDIA for o in media):
        yield Reading(sides(args.subjects(verb), seconds))


@event_rule("meeting_noun", RelType.MEETS, triggers="meeting_nouns", pos=NOUNS, confidence=0.7)
def meeting_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "a meeting between A and B", "A held a video call with B", "A's call with B"
    firsts, seconds = args.participants(noun)
    if firsts or seconds:
        yield Reading(sides(firsts, seconds))


def _hosts_talks(verb: Token, guests: list, args: Arguments) -> bool:
    """ "Turkey hosted Ukrainian and Russian delegations for talks": hosting talks between guests."""
    return (
        verb.lemma_.lower() == "host"
        and len(guests) > 1
        and any(o.lemma_.lower() in args.lex.negotiation_nouns for o in args.prep_objects(verb, "for"))
    )
