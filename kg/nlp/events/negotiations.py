"""NEGOTIATES_WITH: the sides of a negotiation, symmetric (ANNOTATION.md).

A negotiation is read from a verb ("negotiated with"), a noun of talks ("held talks with",
"talks between"), a noun of the agreement talks give ("the agreement between A and B",
"A and B signed a treaty"), and a truce only where its parties made it ("A and B agreed a
ceasefire"; a ceasefire between A and B may have been imposed on them).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.events.arguments import AGREED_THROUGH, Arguments
from kg.nlp.events.frames import Reading, led_party, parties, sides
from kg.nlp.events.rules import NOUNS, VERBS, event_rule
from kg.nlp.relations import same_actor


@event_rule("negotiate_verb", RelType.NEGOTIATES_WITH, triggers="negotiate_verbs", pos=VERBS, confidence=0.8)
def negotiate_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "A negotiated with B", "A and B negotiated"; a third party that negotiated an agreement
    # between others is its go-between: "X helped negotiate the Egyptian-Israeli accord"
    subjects = args.subjects(verb) or _negotiator_of_agreement(verb, args)
    obj = args.child(verb, "dobj")
    between = args.own_parties(obj) if obj is not None else []
    if len(between) > 1 and not any(same_actor(s, b) for s in subjects for b in between):
        yield Reading(parties(between), mediators=tuple(subjects), type=RelType.MEDIATES)
        return
    partners = args.actors_of(args.prep_objects(verb, "with")) or _partners_of(obj, args)
    yield Reading(sides(subjects, partners, args.coalitions))


@event_rule("negotiation_noun", RelType.NEGOTIATES_WITH, triggers="negotiation_nouns", pos=NOUNS, confidence=0.7)
def negotiation_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "talks between A and B", "A held talks with B", "A and B held talks", "A's negotiations
    # with B", "the A-B talks", "a series of talks with B", "Ukrainian and Russian negotiators
    # held talks"; the mediator a participle names: "US-led talks", "talks brokered by Egypt"
    for reading in _negotiation(noun, args):
        yield reading
        if len(reading.sides) > 1 and all(a.label == Label.PERSON for side in reading.sides for a in side):
            # talks between persons are a meeting of them: "Putin and Biden made progress during talks"
            yield Reading(reading.sides, type=RelType.MEETS, factual=reading.factual)


@event_rule("agreement_noun", RelType.NEGOTIATES_WITH, triggers="agreement_nouns", pos=NOUNS, confidence=0.7)
def agreement_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "the agreement between A and B", "A reached a deal with B", "A and B signed a treaty",
    # "A and B agreed on a deal", "the Norwegian-brokered accord between A and B";
    # the document it is written in: "A and B agreed to a treaty text"
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in args.lex.agreement_document_nouns:
        noun = noun.head
    if _joins_named_treaty(noun, args):
        return
    yield from _negotiation(noun, args, factual=_agreed(noun, args))


@event_rule("truce_noun", RelType.NEGOTIATES_WITH, triggers="truce_nouns", pos=NOUNS, confidence=0.7)
def truce_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # made by its parties: "A and B signed an armistice", "A agreed a truce with B";
    # brokered: "a truce between A and B sponsored by X" (MEDIATES only)
    mediators = args.participle_agents(noun, args.lex.mediation_participles)
    if mediators:
        yield Reading(parties(args.own_parties(noun)), mediators=tuple(mediators), type=RelType.MEDIATES)
    elif _signing_verb(noun, args) is not None:
        firsts, seconds = args.participants(noun)
        yield Reading(sides(firsts, seconds, args.coalitions), factual=_agreed(noun, args))


def _negotiation(noun: Token, args: Arguments, factual: bool | None = None) -> Iterator[Reading]:
    """The sides of the talks or agreement ``noun`` names, and the mediator its participle names."""
    firsts, seconds = args.participants(noun)
    occasion = args.circumstance_verb(noun)
    if occasion is not None and factual is None:
        # talks held during or before what the clause says: "failed to agree after hours of talks"
        factual = args.factuality.event(noun) or args.factuality.verb(occasion)
    # a party's leader is no go-between: "the agreement between A, led by X, and B"
    mediators = [m for m in args.participle_agents(noun, args.lex.mediation_participles) if not _leads_one_of(m, firsts + seconds)]
    if mediators and not (firsts or seconds) and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        firsts = sum(args.participants(noun.head.head), [])  # "a round of US-led talks": the round's parties
    if firsts or seconds or mediators:
        yield Reading(sides(firsts, seconds, args.coalitions), mediators=tuple(mediators), factual=factual)


def _leads_one_of(actor: ActorSpan, parties: list[ActorSpan]) -> bool:
    """Whether the article says ``actor`` leads one of ``parties``."""
    party = led_party(actor) if actor.label == Label.PERSON else None
    return party is not None and any(same_actor(party, p) for p in parties)


def _signing_verb(noun: Token, args: Arguments) -> Token | None:
    """The verb of signing or agreeing that takes ``noun``: "signed a truce", "agreed on a deal"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in AGREED_THROUGH:
        noun, head = head, head.head
    if noun.dep_ in ("dobj", "prep") and head.lemma_.lower() in args.lex.sign_verbs:
        return head
    return None


def _joins_named_treaty(noun: Token, args: Arguments) -> bool:
    """ "A and B signed the Paris Agreement": signing a treaty known by its name, with no
    partner or parties named, is joining it, not negotiating it with each other."""
    named = noun.pos_ == "PROPN" or any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in noun.children)
    if not named or _signing_verb(noun, args) is None or args.own_parties(noun):
        return False
    return not args.participants(noun)[1]


def _agreed(noun: Token, args: Arguments) -> bool | None:
    """An agreement that its parties agreed to happened, though "agree" governs it: "A and B
    agreed to a treaty text" (but not "agreed to sign a treaty"): whether the verb of
    agreeing happened decides."""
    verb = _signing_verb(noun, args)
    if verb is None or verb.lemma_.lower() not in args.lex.nonfactual_governors:
        return None
    return args.factuality.event(verb)


def _negotiator_of_agreement(verb: Token, args: Arguments) -> list:
    """Who negotiated the agreement a participle describes: its agent ("the treaty, negotiated
    by A with B"), or the party the agreement grants something to ("the treaty, negotiated
    with B, gave A rights to the land"). Nobody, when the sentence names neither."""
    agreement = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or agreement.lemma_.lower() not in args.lex.agreement_nouns:
        return []  # "the treaty to be negotiated with B" is a plan
    if args.child(verb, "aux", "auxpass") is not None or not args.factuality.event(agreement):
        return []  # "the proposed treaty, negotiated with B", "the treaty ... would give A"
    agents = args.agents(verb)
    if agents or agreement.dep_ != "nsubj" or agreement.head.lemma_.lower() not in args.lex.grant_verbs:
        return agents
    grant = agreement.head
    receivers = [c for c in grant.children if c.dep_ in ("dative", "dobj")]
    # "gave the United States rights": the parser may hang the receiver on the right it gets
    found = args.actors_of(c for c in receivers if c.dep_ == "dative")
    return found or [a for r in receivers for c in r.children if c.dep_ == "compound" for a in args.index.headed_by(c, Label.STATE, Label.ORGANIZATION)]


def _partners_of(obj: Token | None, args: Arguments) -> list:
    """The partner a negotiated object names: "negotiated the treaty with B"."""
    return args.actors_of(args.prep_objects(obj, "with")) if obj is not None else []
