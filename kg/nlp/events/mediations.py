"""MEDIATES: the source brokers, hosts as a go-between or leads talks between parties; one
edge to each party, never to their delegations (ANNOTATION.md).

The mediator is read from a verb ("mediated between", "shuttled between", "brokered talks
between"), a noun of mediation ("X's mediation", "acted as a go-between"), and a host or
leader of talks between others ("Turkey hosted the talks", "X led talks between A and B").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.events.arguments import NOUN_MODIFIERS, Arguments
from kg.nlp.events.frames import Reading, parties
from kg.nlp.events.rules import NOUNS, VERBS, event_rule
from kg.nlp.relations import distinct_actors, same_actor

# Verbs whose subject is what their "as" or predicate noun says: "X acted as a go-between",
# "X served as mediator", "X was the intermediary".
COPULAS = {"act", "serve", "be", "become", "remain", "work", "function"}
# Determiners with which an event noun refers back to talks named earlier: "hosted the talks".
BACK_REFERENCES = {"the", "these", "those"}
# How many sentences back "the talks" may refer.
BACK_SENTENCES = 2


@event_rule("mediate_verb", RelType.MEDIATES, triggers="mediate_verbs", pos=VERBS, confidence=0.8)
def mediate_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "Qatar mediated between A and B", "X shuttled between A and B", "Egypt brokered talks
    # between A and B", "X brokered the Egyptian-Israeli accord";
    # passive: "talks between A and B were brokered by C"
    subject = args.passive_subject(verb)
    if subject is not None:
        mediators = args.agents(verb)
        sides = sum(args.participants(subject), [])
    else:
        mediators = args.subjects(verb)
        obj = args.child(verb, "dobj")
        sides = args.actors_of(args.prep_objects(verb, "between")) + (args.own_parties(obj) if obj is not None else [])
        if not sides and obj is not None:
            # "mediated an end to the conflict between A and B"
            sides = args.actors_of(t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "between")
        if not sides and obj is not None and obj.lemma_.lower() in _event_nouns(args):
            sides = args.last_pair(verb)  # "fighting between A and B ... the UN brokered a ceasefire"
    sides = [a for a in sides if not _takes_part(a, mediators)]
    yield Reading(parties(sides), mediators=tuple(mediators))


@event_rule("mediation_noun", RelType.MEDIATES, triggers="mediation_nouns", pos=NOUNS, confidence=0.7)
def mediation_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "Norway's mediation between A and B", "UN mediation between A and B", "X acted as a
    # go-between between A and B", "A and B accepted X as mediator";
    # sought or offered mediation is not mediation: "A sought X's mediation";
    # a noun it modifies stands for it: "X's mediation efforts", "X opened a mediation bid
    # between A and B", "X's shuttle diplomacy between A and B"
    mediators = _mediators_named_by(noun, args)
    if noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN":
        if noun.head.lemma_.lower() in args.lex.nonfactual_governors:
            return  # "a mediation offer", "a mediation proposal"
        noun = noun.head
        mediators = mediators or _mediators_named_by(noun, args) or _light_verb_subjects(noun, args)
    between = args.own_parties(noun)
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if not between and verb.pos_ in VERBS:
        between = args.actors_of(args.prep_objects(verb, "between"))
        if not between and args.child(verb, "dobj") is not None:
            between = args.subjects(verb)  # "both sides accepted X as a mediator"
    if mediators and not between:
        between = args.last_pair(noun)  # "the India-Pakistan war ended with UN mediation"
    between = [a for a in between if not _takes_part(a, mediators)]
    if mediators and len(distinct_actors(between)) > 1:
        yield Reading(parties(between), mediators=tuple(mediators))


@event_rule("host_talks_noun", RelType.MEDIATES, triggers="host_verbs", pos=VERBS, confidence=0.7)
def host_talks_noun(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a host of talks between others is their go-between: "Norway hosted talks between A and
    # B", and of talks named before: "A's delegation held talks with B. Turkey hosted the talks."
    yield from _host_of(verb, args, back_reference=True)


@event_rule("lead_talks", RelType.MEDIATES, triggers="lead_talks_verbs", pos=VERBS, confidence=0.7)
def lead_talks(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "X led talks between A and B", "X chaired the meeting of A, B and C" (a party may lead
    # talks too, "Umerov led the talks", so only talks that name their parties count)
    yield from _host_of(verb, args, back_reference=False)


@event_rule("host_talks", RelType.NEGOTIATES_WITH, triggers="guest_verbs", pos=VERBS, confidence=0.75)
def host_talks(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a host of talks between guests is a go-between, and the guests negotiate:
    # "Turkey hosted Ukrainian and Russian delegations for talks"
    guests = [a for a in args.objects(verb) + args.actors_of(args.prep_objects(verb, "with"))
              if a.label in (Label.PERSON, Label.DELEGATION)]
    if args.child(verb, "nsubjpass") is None and hosts_talks(verb, guests, args):
        yield Reading(parties(guests), mediators=tuple(args.subjects(verb)))


def hosts_talks(verb: Token, guests: list, args: Arguments) -> bool:
    """ "Turkey hosted Ukrainian and Russian delegations for talks": hosting talks between guests."""
    return (
        verb.lemma_.lower() in args.lex.host_verbs
        and len(guests) > 1
        and any(o.lemma_.lower() in args.lex.negotiation_nouns for o in args.prep_objects(verb, "for"))
    )


def _event_nouns(args: Arguments) -> frozenset[str]:
    """Nouns of talks, agreements and truces: what a mediator brokers."""
    return args.lex.negotiation_nouns | args.lex.agreement_nouns | args.lex.truce_nouns


def _host_of(verb: Token, args: Arguments, back_reference: bool) -> Iterator[Reading]:
    obj = args.child(verb, "dobj")
    if obj is None or args.passive_subject(verb) is not None:
        return
    if obj.lemma_.lower() not in args.lex.negotiation_nouns | args.lex.meeting_nouns:
        return
    between = args.own_parties(obj)
    if not between and back_reference and any(c.lower_ in BACK_REFERENCES for c in obj.children):
        between = _earlier_parties(obj, args)
    hosts = args.subjects(verb)
    if hosts and len(between) > 1 and not any(_takes_part(h, between) for h in hosts):
        yield Reading(parties(between), mediators=tuple(hosts))


def _earlier_parties(noun: Token, args: Arguments) -> list[ActorSpan]:
    """The parties of the talks "the talks" refers to: the last talks named in this or the
    sentences before it whose parties are named."""
    doc = noun.doc
    first_sentence = noun.sent
    for _ in range(BACK_SENTENCES):
        if first_sentence.start == 0:
            break
        first_sentence = doc[first_sentence.start - 1].sent
    for token in reversed(doc[first_sentence.start : noun.i]):
        if token.lemma_.lower() in args.lex.negotiation_nouns | args.lex.meeting_nouns and token.pos_ in NOUNS:
            firsts, seconds = args.participants(token)
            found = distinct_actors(firsts + seconds)
            if len(found) > 1:
                return found
    return []


def _light_verb_subjects(noun: Token, args: Arguments) -> list[ActorSpan]:
    """Who did what a light verb's object names: "Turkey opened a mediation bid"."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in args.lex.negotiation_light_verbs:
        return args.subjects(verb)
    return []


def _mediators_named_by(noun: Token, args: Arguments) -> list[ActorSpan]:
    """Who a noun of mediation says mediates: its owner ("Norway's mediation"), a modifier
    ("UN mediation"), "by X", or, for a noun of the mediator, the subject or object it is
    said of ("X acted as a go-between", "accepted X as mediator")."""
    found = args.owner(noun)
    found += [a for c in noun.children if c.dep_ in NOUN_MODIFIERS - {"poss"} for a in args.index.headed_by(c)]
    found += args.actors_of(args.prep_objects(noun, "by"))
    if found:
        return distinct_actors(found)
    if noun.dep_ == "appos":
        return args.actors(noun.head)  # "X, the mediator, ..."
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        said_of = args.child(verb, "dobj")
        if said_of is not None:
            return args.actors(said_of)  # "accepted X as mediator"
        return args.subjects(verb) if verb.pos_ in VERBS else []  # "X acted as a go-between"
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
        return args.subjects(noun.head)  # "X was the intermediary"
    return []


def _takes_part(actor: ActorSpan, parties: list[ActorSpan]) -> bool:
    """Whether ``actor`` is one of ``parties`` or the party of one of their delegations: a
    party to talks is not their go-between ("Turkey's delegation held talks ... Turkey hosted")."""
    return any(same_actor(actor, p) or (p.party is not None and same_actor(actor, p.party)) for p in parties)
