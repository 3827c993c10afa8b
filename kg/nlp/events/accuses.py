"""ACCUSES: the source attributes wrongdoing to the target (ANNOTATION.md), with the claim.

Each rule reads one construction; the sides are (accusers, accused). The accused is an actor
named as the object of a verb of accusation ("accused Y"), as the author of the act it
condemns ("condemned the attack by Osgiliath soldiers"), or as the doer of a wrong in what
the accuser says ("X said Y had violated the truce", "X said: ... killed at the hands of Y").
The accused is also the object of a phrasal verb of criticism ("lashed out at Y"), whoever
rejects an accusation that names its accuser ("Y rejected X's accusations"), the author of an
act said to be wrong ("Y's war is a sham"), who supports a wrong ("Y funds terrorism"), and a
wrongdoer listed with others ("Y and other war criminals").
An act with no named author ("condemned the attack") accuses nobody.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.models import RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.events.arguments import FINITE, SUBJECTS, VAGUE_PRONOUNS, Arguments, phrasal_preposition, span_text
from kg.nlp.events.frames import Reading
from kg.nlp.events.rules import NOUNS, VERBS, event_rule

PUNCTUATION = frozenset({"PUNCT"})
QUOTES = {'"', "“", "”"}
CLOSING_QUOTES = {'"', "”"}
# Prepositions after a verb of complaint that give its topic: "complained over Israeli air raids".
COMPLAINT_PREPOSITIONS = {"about", "of", "over", "against", "at"}
# Prepositions after an accusation noun that name the accused or the act: "accusations against Y",
# "levelled criticism at Y".
ACCUSED_PREPOSITIONS = {"against", "of", "over", "about", "at"}
# Dependencies of a designation's label: "named X as terrorists" (prep "as"), "held Y responsible".
LABEL_DEPS = {"oprd", "attr", "xcomp", "acomp", "ccomp"}
# Dependencies of a complement clause that carries what an accusation says: "accusations that Y".
CONTENT_CLAUSES = {"acl", "ccomp", "relcl"}
# Dependencies of a predicate of blame after "be": "is responsible", "is behind", "is to blame".
PREDICATES = {"acomp", "attr", "prep", "xcomp"}
# The noun through which "at the hands of X" names the agent of a passive wrong.
HANDS = "hands"


@event_rule("accuse_verb", RelType.ACCUSES, triggers="accuse_verbs", pos=VERBS, confidence=0.8)
def accuse_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # active: "X accused Y of ...", "X blamed Y and Z for ...", and as a participle clause:
    # "X filed a complaint with the UN, accusing Y of ..."
    if args.passive_subject(verb) is not None:
        return
    obj = args.child(verb, "dobj")
    if obj is not None and _reciprocal(obj):
        # "A and B accused each other of ..."
        yield from _mutual(args.clause_subjects(verb), claim=_claim(verb, args))
        return
    accused = args.doers(obj)
    if accused:
        yield Reading((tuple(args.clause_subjects(verb)), tuple(accused)), claim=_claim(verb, args))


@event_rule("accuse_passive", RelType.ACCUSES, triggers="accuse_verbs", pos=VERBS, confidence=0.8)
def accuse_passive(verb: Token, args: Arguments) -> Iterator[Reading]:
    # passive: "Y was accused by X of ...", "Y was condemned in a statement by X"
    subject = args.passive_subject(verb)
    if subject is not None:
        yield Reading((tuple(args.agents(verb)), tuple(args.actors(subject))), claim=_claim(verb, args))


@event_rule("accuse_act", RelType.ACCUSES, triggers="accuse_verbs", pos=VERBS, confidence=0.7)
def accuse_act(verb: Token, args: Arguments) -> Iterator[Reading]:
    # an act whose author is named in the object: "condemned Russia's annexation", "the attack
    # by Osgiliath soldiers", "the ISIL attack", "the actions of FARC"; passive: "the attack by
    # X was condemned by Y"
    passive = args.passive_subject(verb)
    obj = passive if passive is not None else args.child(verb, "dobj")
    if obj is None:
        return
    accusers = args.agents(verb) if passive is not None else args.clause_subjects(verb)
    for act in _conjuncts(obj):
        if not args.doers(act):
            authors = args.authors(act)
            if authors:
                yield Reading((tuple(accusers), tuple(authors)), claim=span_text(act.subtree))


@event_rule("complain_verb", RelType.ACCUSES, triggers="complain_verbs", pos=VERBS, confidence=0.65)
def complain_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # an official complaint about an actor or its act: "Lebanon complained to the UN over two
    # Israeli air raids", "X complained about Y's decision"
    topics = args.prep_objects(verb, *COMPLAINT_PREPOSITIONS)
    accused = [a for t in topics for act in _conjuncts(t) for a in (args.doers(act) or args.authors(act))]
    if accused:
        claim = span_text(t for topic in topics for t in topic.head.subtree)
        yield Reading((tuple(args.clause_subjects(verb)), tuple(accused)), claim=claim)


@event_rule("criticism_phrasal_verb", RelType.ACCUSES, triggers="criticism_phrasal_verbs", pos=VERBS, confidence=0.7, phrasal=True)
def criticism_phrasal_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a phrasal verb of criticism whose prepositional object is the accused or its conduct:
    # "X lashed out at Y", "X railed against Y's policies", "X took aim at Y over ..."
    prep = phrasal_preposition(verb, args.lex.criticism_phrasal_verbs)
    targets = [c for c in prep.children if c.dep_ == "pobj"] if prep is not None else []
    accused = [a for t in targets for act in _conjuncts(t) for a in (args.doers(act) or _conduct_authors(act, args))]
    if accused:
        claim = span_text(t for c in verb.children if c.i > prep.i for t in c.subtree) or None
        yield Reading((tuple(args.clause_subjects(verb)), tuple(accused)), claim=claim)


@event_rule("summon_to_complain", RelType.ACCUSES, triggers="summon_verbs", pos=VERBS, confidence=0.65)
def summon_to_complain(verb: Token, args: Arguments) -> Iterator[Reading]:
    # an envoy summoned to hear a complaint: "X summoned Y's ambassador to protest the arrests"
    purpose = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in args.lex.protest_verbs), None)
    if purpose is not None:
        envoy = args.child(verb, "dobj")
        # "the Russian ambassador", with no name: the state that modifies the envoy
        summoned = args.actors(envoy) or (args.modifier_actors(envoy) if envoy is not None else [])
        yield Reading((tuple(args.subjects(verb)), tuple(summoned)), claim=span_text(purpose.subtree))


@event_rule("accusation_noun", RelType.ACCUSES, triggers="accusation_nouns", pos=NOUNS, confidence=0.65)
def accusation_noun(noun: Token, args: Arguments) -> Iterator[Reading]:
    # "X's condemnation of Y's policies", "the EU is united in its condemnation of ...",
    # "accusations by X against Y", "X levelled accusations against Y", "X's allegation that
    # Y had ...", "Y drew criticism from X", "A and B traded accusations"
    lex = args.lex
    verb = noun.head if noun.dep_ == "dobj" else None
    accusers = args.clause_owner(noun) + [a for o in args.prep_objects(noun, "by", "from") for a in args.actors(o)]
    # an accusation the noun says whose it is was made, whatever another party does with it:
    # "Russia rejected Kenya's accusation that ...", "denied accusations by Kenya"
    factual = _real(noun, args) if accusers else None
    targets = args.prep_objects(noun, *ACCUSED_PREPOSITIONS)
    accused: list[ActorSpan] = []
    if verb is not None and verb.lemma_.lower() in lex.reciprocal_light_verbs:
        yield from _mutual(args.clause_subjects(verb), claim=span_text(noun.subtree))
        return
    if verb is not None and verb.lemma_.lower() in lex.accusation_light_verbs and not accusers:
        accusers = args.clause_subjects(verb)
        targets += args.prep_objects(verb, "against", "at")  # "levelled criticism at Y"
    if verb is not None and verb.lemma_.lower() in lex.criticised_verbs:
        # "Y drew criticism from X", "Y faced accusations from X"
        accusers += [a for o in args.prep_objects(verb, "from", "by") for a in args.actors(o)]
        accused += args.clause_subjects(verb)
    if not accusers:
        return
    accused += [a for t in targets for act in _conjuncts(t) for a in (args.doers(act) or args.authors(act))]
    for clause in (c for c in noun.children if c.dep_ in CONTENT_CLAUSES and args.child(c, "mark") is not None):
        # "the accusation that Y had ...": what is alleged needs no verb of wrongdoing
        subject = args.child(clause, *SUBJECTS)
        if subject is not None and subject.lower_ not in VAGUE_PRONOUNS:
            accused += args.doers(subject)
    if not accused and verb is not None and verb.lemma_.lower() in lex.rebuttal_verbs and factual is not None:
        # "Russia rejected Kenya's accusations": who rejects an accusation naming no one else is its target
        accused = args.clause_subjects(verb)
    if accused:
        claim = span_text(t for c in noun.children if c.i > noun.i for t in c.subtree) or None
        yield Reading((tuple(accusers), tuple(accused)), claim=claim, factual=factual)


@event_rule("blame_on", RelType.ACCUSES, triggers="blame_on_verbs", pos=VERBS, confidence=0.75)
def blame_on(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "X blamed the bombing on Y"
    obj = args.child(verb, "dobj")
    on = args.prep_objects(verb, "on") + (args.prep_objects(obj, "on") if obj is not None else [])
    accused = [a for t in on for a in args.doers(t)]
    if obj is not None and accused and not args.doers(obj):
        yield Reading((tuple(args.clause_subjects(verb)), tuple(accused)), claim=span_text(obj.subtree))


@event_rule("designate_verb", RelType.ACCUSES, triggers="designation_verbs", pos=VERBS, confidence=0.75)
def designate_verb(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "X named Y and Z as terrorists", "Y was designated a terrorist organisation by X", "X held
    # Y responsible for ...", "X called Y's actions illegal", "Y, who is described by X as an
    # extremist"
    labels = args.prep_objects(verb, "as") + [c for c in verb.children if c.dep_ in LABEL_DEPS]
    if not any(_names_a_wrong(t, args) for label in labels for t in label.subtree):
        return
    subject = args.relative_antecedent(args.passive_subject(verb))
    if subject is not None:
        accusers, named = args.agents(verb), subject
    else:
        accusers, named = args.subjects(verb), args.child(verb, "dobj")
    if named is None:
        return
    accused = args.actors(named) or args.authors(named)
    yield Reading((tuple(accusers), tuple(accused)), claim=" ".join(span_text(label.subtree) for label in labels))


@event_rule("allege_clause", RelType.ACCUSES, triggers="allege_verbs", pos=VERBS, confidence=0.7)
def allege_clause(verb: Token, args: Arguments) -> Iterator[Reading]:
    # "X alleged (that) Y had ...", and set off by commas: "X alleged, ..., Y had"
    clause = args.child(verb, "ccomp") or (verb.head if verb.dep_ == "parataxis" else None)
    if clause is not None:
        accused = args.actors(args.child(clause, "nsubj", "nsubjpass"))
        yield Reading((tuple(args.clause_subjects(verb)), tuple(accused)), claim=span_text(clause.subtree))


@event_rule("reported_wrongdoing", RelType.ACCUSES, triggers="speech_verbs", pos=VERBS, confidence=0.65)
def reported_wrongdoing(verb: Token, args: Arguments) -> Iterator[Reading]:
    # reported speech that attributes wrongdoing: "Zelensky said Russia had violated the truce",
    # "\"Russia is shelling civilians,\" Zelensky said", "X said Y was responsible for the attack",
    # "X confirmed reports that Y had killed ..."
    clause = _reported_clause(verb, args)
    if clause is None:
        return
    accused = _wrongdoers(clause, args, direct=True)
    if accused:
        factual = args.factuality.verb(verb) and args.factuality.verb(clause)
        yield Reading((tuple(args.subjects(verb)), tuple(accused)), claim=span_text(clause.subtree), factual=factual)


@event_rule("reported_wrong", RelType.ACCUSES, triggers="speech_verbs", pos=VERBS, confidence=0.6)
def reported_wrong(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a wrong with its author named in reported speech: "X said it would resist Russian
    # aggression", "X said Assad's brutality had to end"
    clause = _reported_clause(verb, args)
    if clause is None:
        return
    subtree = list(clause.subtree)
    wrongs = [t for t in subtree if _names_wrong(t, args) and _real(t, args)]
    accused = [a for noun in wrongs for a in args.authors(noun)]
    accused += [a for t in subtree for a in _listed_wrongdoers(t, args)]
    if accused:
        yield Reading((tuple(args.subjects(verb)), tuple(accused)), claim=span_text(clause.subtree), factual=args.factuality.verb(verb))


@event_rule("according_to", RelType.ACCUSES, triggers="attribution_words", pos=VERBS | {"ADP"}, confidence=0.6)
def according_to(word: Token, args: Arguments) -> Iterator[Reading]:
    # a wrong attributed to a source: "According to the UN, Russian forces have killed ...",
    # "..., according to a statement by X"
    clause = word.head if word.dep_ == "prep" else None
    source = next(iter(args.prep_objects(word, "to")), None)
    if clause is None or source is None:
        return
    sources = args.actors(source) or args.owner(source) + [a for o in args.prep_objects(source, "by") for a in args.actors(o)]
    accused = _wrongdoers(clause, args, direct=True)
    if sources and accused:
        yield Reading((tuple(sources), tuple(accused)), claim=span_text(clause.subtree), factual=args.factuality.verb(clause))


@event_rule("quoted_wrongdoing", RelType.ACCUSES, triggers="speech_verbs", pos=VERBS, confidence=0.6)
def quoted_wrongdoing(verb: Token, args: Arguments) -> Iterator[Reading]:
    # a quotation opened after a verb of saying and running over several sentences:
    # 'Erdogan said, "... Unfortunately, Trump is behaving like a bully boy ..."'
    sent, doc = verb.sent, verb.doc
    opened = sum(t.text in QUOTES for t in doc[verb.i + 1 : sent.end]) % 2 == 1
    if opened and sent.end < len(doc) and args.factuality.verb(verb):
        yield from _statement_readings(args.subjects(verb), _quotation(doc, sent.end, opened=True), args)


@event_rule("statement_wrongdoing", RelType.ACCUSES, triggers="statement_marks", pos=PUNCTUATION, confidence=0.6)
def statement_wrongdoing(colon: Token, args: Arguments) -> Iterator[Reading]:
    # what follows a colon is the words of its clause's subject: after a verb of saying
    # ("Minister X said:\n\nHundreds have been killed at the hands of Y"), or any verb when a
    # quotation follows ('the Pentagon justified the strike: "Y was responsible for ..."')
    verb = _introducing_verb(colon)
    doc = colon.doc
    start = colon.i + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    if verb is None or start >= len(doc) or not args.factuality.verb(verb):
        return
    if doc[start].text in QUOTES:
        statement = _quotation(doc, start)
    elif verb.lemma_.lower() in args.lex.speech_verbs and not any(t.pos_ in VERBS for t in doc[verb.i + 1 : colon.i]):
        # "X said:", "X said on Monday:", but not "X said the plan had two aims: ..."; to the end
        # of the line, or of the article when the colon ends its line (a statement quoted as a block)
        if "\n" in doc[colon.i : start].text_with_ws:
            statement = doc[start:]
        else:
            end = next((t.i for t in doc[start:] if "\n" in t.text_with_ws), len(doc) - 1)
            statement = doc[start : end + 1]
    else:
        return
    yield from _statement_readings(args.subjects(verb), statement, args)


def _reported_clause(verb: Token, args: Arguments) -> Token | None:
    """The clause a verb of saying reports: its complement ("said Y had ..."), the quotation it
    is set in ('"Y is ...," X said'), or the content of its object ("confirmed reports that Y
    had ...")."""
    clause = args.child(verb, "ccomp") or (verb.head if verb.dep_ == "parataxis" else None)
    obj = args.child(verb, "dobj")
    if clause is None and obj is not None:
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and args.child(c, "mark") is not None), None)
    return clause


def _introducing_verb(colon: Token) -> Token | None:
    """The verb of the clause a colon ends: the verb before the colon nearest the root."""
    verbs = [t for t in colon.doc[colon.sent.start : colon.i] if t.pos_ == "VERB"]
    return min(verbs, key=lambda t: (sum(1 for _ in t.ancestors), -t.i), default=None)


def _statement_readings(speakers: list[ActorSpan], statement: Span, args: Arguments) -> Iterator[Reading]:
    """The speakers accuse whom their statement says did wrong, sentence by sentence: a deed
    ("Y has violated the border", "were killed at the hands of Y"), a wrong named with its
    author ("Y's inhumanity", "the Turkish aggression") or a wrongdoer listed with others of
    the kind ("Y and other war criminals")."""
    if not speakers:
        return
    for token in statement:
        if token.pos_ in VERBS and _asserted(token, args):
            accused = _wrongdoers(token, args, direct=False)
        elif _names_wrong(token, args) and _real(token, args):
            accused = args.authors(token)
        else:
            accused = _listed_wrongdoers(token, args)
        if accused:
            yield Reading((tuple(speakers), tuple(accused)), claim=token.sent.text, sentence=token.sent, factual=True)


def _quotation(doc: Doc, start: int, opened: bool = False) -> Span:
    """The quotation from ``start`` to its closing mark (or the article's end); a paragraph that
    opens a new quotation mark without closing the last continues it."""
    depth = 1 if opened else 0
    for token in doc[start:]:
        if token.text == "“" and depth > 0 and token.i > 0 and "\n" in doc[token.i - 1].text_with_ws:
            continue  # a new paragraph of the same quotation
        if token.text == "“" or (token.text == '"' and depth == 0):
            depth += 1
        elif token.text in CLOSING_QUOTES:
            depth -= 1
            if depth <= 0:
                return doc[start : token.i + 1]
    return doc[start:]


def _asserted(verb: Token, args: Arguments) -> bool:
    """Whether a verb asserts a deed: finite or with an auxiliary ("has killed", "were killed"),
    not negated, future or conditional; not an infinitive of purpose ("to support")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return (verb.tag_ in FINITE or has_aux) and args.factuality.verb(verb)


def _names_wrong(noun: Token, args: Arguments) -> bool:
    """Whether a noun names a wrong: a noun of wrongdoing ("aggression", "inhumanity"), or an
    act, a conduct or a government called wrong by its adjective ("the illegal annexation",
    "brutal policies", "Assad's brutal regime")."""
    lex, lemma = args.lex, noun.lemma_.lower()
    if lemma in lex.wrongdoing_nouns:
        return True
    judged = lemma in lex.act_nouns or lemma in lex.conduct_nouns or lemma in lex.government_nouns
    return judged and any(c.dep_ == "amod" and c.lower_ in lex.wrongdoing_adjectives for c in noun.children)


def _listed_wrongdoers(noun: Token, args: Arguments) -> list[ActorSpan]:
    """Who a list names a wrongdoer together with others of the kind: "Y and other war
    criminals", "Y and other perpetrators of abuses" (the label stands whatever the verb)."""
    if noun.dep_ != "conj" or noun.lemma_.lower() not in args.lex.wrongdoer_nouns:
        return []
    if not any(c.dep_ == "amod" and c.lower_ == "other" for c in noun.children):
        return []
    return args.index.headed_by(noun.head)


def _real(noun: Token, args: Arguments) -> bool:
    """Whether a noun names an act as real: not "a possible aggression", not "no violations"."""
    return not any(
        (c.dep_ in ("amod", "compound") and c.lower_ in args.lex.nonfactual_modifiers) or c.lower_ in ("no", "never")
        for c in noun.children
    )


def _reciprocal(obj: Token) -> bool:
    """Whether an object is "each other" or "one another"."""
    before = obj.doc[obj.i - 1].lower_ if obj.i > 0 else ""
    return obj.lower_ in ("other", "another") and (before in ("each", "one") or any(c.lower_ in ("each", "one") for c in obj.children))


def _mutual(actors: list[ActorSpan], claim: str | None) -> Iterator[Reading]:
    """Each of several actors accuses the others: "A and B accused each other"."""
    for actor in actors:
        others = tuple(a for a in actors if a is not actor)
        if others:
            yield Reading(((actor,), others), claim=claim)


def _conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it: "both the ISIL attack ... and the bombings"."""
    return [token, *token.conjuncts]


def _claim(verb: Token, args: Arguments) -> str | None:
    """What the accusation is for: "of exploiting a US-backed energy truce"."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in args.lex.claim_prepositions and prep.i > verb.i:
                return span_text(prep.subtree)
    return None


def _conduct_authors(noun: Token, args: Arguments) -> list[ActorSpan]:
    """Who did the act, wrong or conduct a noun names ("Y's policies", "the attack by Y"); not
    the owner of any noun ("Y's critics")."""
    lex, lemma = args.lex, noun.lemma_.lower()
    if lemma in lex.act_nouns or lemma in lex.wrongdoing_nouns or lemma in lex.conduct_nouns:
        return args.authors(noun)
    return []


def _names_a_wrong(token: Token, args: Arguments) -> bool:
    """Whether a designation's label names a wrong: "terrorists", "responsible", "illegal",
    "a violation"."""
    lemma, lex = token.lemma_.lower(), args.lex
    return (
        lemma in lex.wrongdoer_nouns or lemma in lex.wrongdoing_predicates or lemma in lex.wrongdoing_nouns
        or token.lower_ in lex.wrongdoing_adjectives or lemma in lex.wrongdoing_adjectives
    )


def _wrongdoers(clause: Token, args: Arguments, direct: bool) -> list[ActorSpan]:
    """Who a clause says did wrong: the subject of a verb of wrongdoing or a predicate of blame
    ("Russia had violated the truce", "Y is responsible for the attack", "Trump is behaving like
    a bully"), or the agent of a passive wrong ("were killed by Serb forces", "at the hands of
    X"). A pronoun is too uncertain to accuse.

    ``direct`` for a clause that is itself the charge ("X said Y ...", "according to X, Y
    ..."): hostile verbs ("had armed the militias") and acts carried out ("carried out the
    attack") count there, not in the narrative of a longer statement."""
    if any(c.dep_ == "auxpass" for c in clause.children) or _headline_passive(clause):
        if clause.lemma_.lower() not in args.lex.wrongdoing_verbs:
            return []
        agents = args.doers(args.child(args.child(clause, "agent"), "pobj"))
        for hands in args.prep_objects(clause, "at"):
            if hands.lower_ == HANDS:
                agents += [a for o in args.prep_objects(hands, "of") for a in args.doers(o)]
        return agents
    if not _blames(clause, args, direct):
        return []
    subject = args.child(clause, "nsubj")
    if subject is None and clause.dep_ == "conj":
        subject = args.child(clause.head, "nsubj")  # "Y has been dependent on ... and has caused destruction"
    if subject is None or subject.lower_ in VAGUE_PRONOUNS:
        return []
    accused = args.doers(subject)
    if not accused and subject.lemma_.lower() not in args.lex.state_proxy_nouns:
        # a wrong said of an act or a thing whose author is named: "Assad's war is a sham",
        # "Russia's annexation is illegal" (not of a person's title: "Russia's envoy is a liar")
        accused = args.authors(subject)
    return accused


def _headline_passive(verb: Token) -> bool:
    """Whether a verb with a subject but no auxiliary and no object is a passive that dropped
    its "was", as headlines do: "Germany says Navalny poisoned with Novichok" (a participle, or
    any such verb in a line with no final stop)."""
    children = {c.dep_ for c in verb.children}
    if verb.pos_ != "VERB" or "nsubj" not in children or children & {"aux", "auxpass", "dobj"}:
        return False
    last = next((t for t in reversed(verb.sent) if not t.is_space), verb)
    return verb.tag_ == "VBN" or not last.is_punct


def _blames(clause: Token, args: Arguments, direct: bool) -> bool:
    """Whether a clause's predicate is a wrong: a verb of wrongdoing, "responsible", "behind",
    "to blame", "a terrorist", "like a bully" (see :func:`_wrongdoers` for ``direct``)."""
    lex = args.lex
    lemma = clause.lemma_.lower()
    if lemma in lex.wrongdoing_verbs or (direct and lemma in lex.partisan_verbs):
        return True
    if lemma in lex.perpetrate_verbs:
        # "has caused destruction", "committed atrocities"; "carried out the attack" as a charge
        wrongs = lex.wrongdoing_nouns | lex.act_nouns if direct else lex.wrongdoing_nouns
        return any(c.dep_ == "dobj" and c.lemma_.lower() in wrongs for c in clause.children)
    if lemma in lex.complicity_verbs:
        # "Iran funds terrorism", "Russia supports Assad's brutal regime": only a wrong as object
        return any(c.dep_ == "dobj" and _names_wrong(c, args) and _real(c, args) for c in clause.children)
    for child in clause.children:
        if child.dep_ in PREDICATES and child.lemma_.lower() in lex.wrongdoing_predicates and (
            child.dep_ != "xcomp" or clause.lemma_ == "be"  # "is to blame", not "wants to blame"
        ):
            return True
        if child.dep_ == "attr" or (child.dep_ == "prep" and child.lower_ in ("like", "as")):
            if any(t.lemma_.lower() in lex.wrongdoer_nouns for t in child.subtree):
                return True
        # "is a crime", "is a sham", "is illegal"
        if child.dep_ == "attr" and child.lemma_.lower() in lex.wrongdoing_nouns and _real(child, args):
            return True
        if child.dep_ == "acomp" and child.lower_ in lex.wrongdoing_adjectives:
            return True
    return False
