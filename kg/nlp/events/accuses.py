"""ACCUSES: the source attributes wrongdoing to the target (ANNOTATION.md), with the claim.

Each rule reads one construction; the sides are (accusers, accused).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.models import RelType
from kg.nlp.events.arguments import PRONOUNS, VAGUE_PRONOUNS, Arguments, span_text
from kg.nlp.events.frames import Reading
from kg.nlp.events.rules import VERBS, event_rule

QUOTES = {'"', "“", "”"}


@event_rule("accuse_verb", RelType.ACCUSES, triggers="accuse_verbs", pos=VERBS, confidence=0.8)
def accuse_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # active: "X accused Y of ...", "X blamed Y and Z for ..."
    if args.passive_subject(verb) is None:
        accused = args.actors(args.child(verb, "dobj"))
        if accused:
            yield Reading((tuple(args.subjects(verb)), tuple(accused)), claim=_claim(verb, args))


@event_rule("accuse_passive", RelType.ACCUSES, triggers="accuse_verbs", pos=VERBS, confidence=0.8)
def accuse_passive(verb: Token, args: Arguments) -> Iterator[Reading]:
    # passive: "Y was accused by X of ...", "Y was condemned in a statement by X"
    subject = args.passive_subject(verb)
    if subject is not None:
        yield Reading((tuple(args.agents(verb)), tuple(args.actors(subject))), claim=_claim(verb, args))


@event_rule("accuse_act", RelType.ACCUSES, triggers="accuse_verbs", pos=VERBS, confidence=0.7)
def accuse_act(verb: Token, args: Arguments) -> Iterator[Reading]:
    # an act whose author is named in the object: "condemned Russia's annexation", "the strikes by Israel"
    obj = args.child(verb, "dobj")
    if args.passive_subject(verb) is not None or obj is None or args.actors(obj):
        return
    authors = args.owner(obj) + args.actors_of(args.prep_objects(obj, "by"))
    if authors:
        yield Reading((tuple(args.subjects(verb)), tuple(authors)), claim=span_text(obj.subtree))


@event_rule("designate_verb", RelType.ACCUSES, triggers="designation_verbs", pos=VERBS, confidence=0.75)
def designate_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "X named Y and Z as terrorists", "Y was designated a terrorist organisation by X"
    labels = args.prep_objects(verb, "as") + [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp")]
    if not any(t.lemma_.lower() in args.lex.wrongdoer_nouns for label in labels for t in label.subtree):
        return
    subject = args.passive_subject(verb)
    if subject is not None:
        accusers, accused = args.agents(verb), args.actors(subject)
    else:
        accusers, accused = args.subjects(verb), args.actors(args.child(verb, "dobj"))
    yield Reading((tuple(accusers), tuple(accused)), claim=" ".join(span_text(label.subtree) for label in labels))


@event_rule("allege_clause", RelType.ACCUSES, triggers="allege_verbs", pos=VERBS, confidence=0.7)
def allege_clause(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "X alleged (that) Y had ...", and set off by commas: "X alleged, ..., Y had"
    clause = args.child(verb, "ccomp") or (verb.head if verb.dep_ == "parataxis" else None)
    if clause is not None:
        accused = args.actors(args.child(clause, "nsubj", "nsubjpass"))
        yield Reading((tuple(args.subjects(verb)), tuple(accused)), claim=span_text(clause.subtree))


@event_rule("reported_wrongdoing", RelType.ACCUSES, triggers="speech_verbs", pos=VERBS, confidence=0.65)
def reported_wrongdoing(verb: Token, args: Arguments) -> Iterator[Reading]:
    # reported speech that attributes wrongdoing: "Zelensky said Russia had violated the truce",
    # "\"Russia is shelling civilians,\" Zelensky said", "X said Y was responsible for the attack"
    clause = args.child(verb, "ccomp") or (verb.head if verb.dep_ == "parataxis" else None)
    if clause is None or not _wrongdoing(clause, args):
        return
    subject = args.child(clause, "nsubj")
    if subject is None or subject.lower_ in VAGUE_PRONOUNS:
        return  # "he said it was attacked": whom a pronoun means is too uncertain here
    factual = args.factuality.verb(verb) and args.factuality.verb(clause)
    yield Reading((tuple(args.subjects(verb)), tuple(args.actors(subject))), claim=span_text(clause.subtree), factual=factual)


@event_rule("quoted_wrongdoing", RelType.ACCUSES, triggers="speech_verbs", pos=VERBS, confidence=0.6)
def quoted_wrongdoing(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a quotation opened after a verb of saying and running over several sentences:
    # 'Erdogan said, "... Unfortunately, Trump is behaving like a bully boy ..."'
    sent = verb.sent
    if not args.factuality.verb(verb) or sum(t.text in QUOTES for t in sent if t.i > verb.i) % 2 == 0:
        return  # no quotation left open after the verb
    speakers = args.subjects(verb)
    doc = verb.doc
    i = sent.end
    while speakers and i < len(doc):
        quoted = doc[i].sent
        for clause in quoted:
            if clause.pos_ in VERBS and args.factuality.verb(clause) and _wrongdoing(clause, args):
                subject = args.child(clause, "nsubj")
                if subject is not None and subject.lower_ not in PRONOUNS:
                    accused = tuple(args.actors(subject))
                    yield Reading((tuple(speakers), accused), claim=quoted.text, sentence=quoted, factual=True)
        if any(t.text in QUOTES for t in quoted):
            return  # the quotation closes here
        i = quoted.end


def _claim(verb: Token, args: Arguments) -> str | None:
    """What the accusation is for: "of exploiting a US-backed energy truce"."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in args.lex.claim_prepositions and prep.i > verb.i:
                return span_text(prep.subtree)
    return None


def _wrongdoing(clause: Token, args: Arguments) -> bool:
    """Whether a clause says its subject did wrong: "Russia had violated the truce", "Y is
    responsible for the attack", "Trump is behaving like a bully"."""
    lex = args.lex
    if clause.lemma_.lower() in lex.wrongdoing_verbs:
        return True
    for child in clause.children:
        if child.dep_ in ("acomp", "attr", "prep") and child.lemma_.lower() in lex.wrongdoing_predicates:
            return True
        if child.dep_ == "attr" or (child.dep_ == "prep" and child.lower_ in ("like", "as")):
            if any(t.lemma_.lower() in lex.wrongdoer_nouns for t in child.subtree):
                return True
    return False
