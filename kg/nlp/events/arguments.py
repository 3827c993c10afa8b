"""The argument finder every event rule shares, and the factuality check.

An event rule knows its trigger ("accused", "talks", "mediated"); :class:`Arguments`
knows how English attaches the participants to any trigger:

- subjects, with the subject of an earlier coordinated or governing verb ("A urged B and
  met C", "A travelled to Riyadh to meet C") and of a relative clause;
- objects, passive subjects and agents ("was condemned by X", "in a statement by X");
- prepositional objects ("with", "between", "among"), conjoined prepositions included;
- possessives, compounds and hyphenated modifiers ("A's call with B", "US-led talks");
- what an argument names: conjuncts, appositions, nouns that stand for a state
  ("Russian officials"), group nouns with members ("critics including X"), titles and
  pronouns that stand for a person named before; armed forces that stand for their state
  ("Russian troops"); a definite description of an organisation named before ("the airline");
- who did the act a noun names ("the attack by X", "X's annexation", "the ISIL attack").

:class:`Factuality` says whether an event is reported as having happened.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.models import Label
from kg.nlp.actors import ActorSpan
from kg.nlp.relations import ActorIndex, conjuncts_with, distinct_actors

PRONOUNS = {"he", "she", "him", "her"}
# Pronouns of a reported clause whose referent is too uncertain to accuse.
VAGUE_PRONOUNS = PRONOUNS | {"it", "they", "we", "i", "you"}
SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "npadvmod"}
# Dependencies that join several actors into one subject, however the parser chained them.
SUBJECT_LINKS = {"conj", "appos", "compound", "amod"}
# Modifiers through which a noun names whose it is: "Russian officials", "Russia's government".
NOUN_MODIFIERS = {"amod", "compound", "poss", "nmod"}
# Prepositions after a group noun that list its members: "critics including X".
MEMBER_PREPOSITIONS = {"including", "like", "such"}
# Modifiers of an act noun that may name who did it: "the ISIL attack", "Israeli air raids".
AUTHOR_MODIFIERS = {"compound", "amod", "nmod"}
# Possessives that stand for the subject of their clause: "the EU is united in its condemnation".
CLAUSE_POSSESSIVES = {"its", "their"}
# Clauses of a participle that shares the subject of the clause it hangs on: "..., accusing Y of".
PARTICIPLE_CLAUSES = {"advcl", "acl", "xcomp"}
# Tags of relative pronouns: "who", "which", "that".
RELATIVE_PRONOUN_TAGS = {"WP", "WDT"}
# Verbs that reach their subject from a verb before them: "A urged B and met C".
SHARED_SUBJECT_DEPS = {"conj", "xcomp"}

# Determiners of a definite description: "the airline", "this militia".
DEFINITE = {"the", "this"}
# Words before a name that say its kind: "airline Mahan Air", "the militia group Hezbollah".
KIND_DEPS = {"compound", "amod", "nmod", "appos"}
# Words between a phrasal verb and its preposition: "lashed out at", "took aim at".
PHRASAL_MIDDLES = {"prt", "advmod", "dobj"}

# How many sentences back "the two sides" may refer.
PAIR_SENTENCES = 2
# Entity types of times: what a gapped clause repeats ("A accepted on 21 May and B on 22
# May"), where the parser may hang an event's "between" ("the deal of 2 May between A and B").
GAPPED_TIMES = {"DATE", "TIME"}
# How far a factuality check climbs the tree: "X declined to be drawn into agreeing to meet".
MAX_CLIMB = 4
# Prepositions through which a governing word reaches an event: "called for talks",
# "agreed to a meeting" (but not "during the meeting, they agreed").
# "hopes of an agreement", "an offer of talks", "sought X as mediator".
PURPOSE_PREPOSITIONS = {"for", "to", "on", "about", "into", "of", "as"}
# Tags of finite verbs: "spoke", "speaks", "speak".
FINITE = {"VBD", "VBZ", "VBP"}
# Dependencies that start a clause of its own, where a factuality check stops climbing.
CLAUSE_BOUNDARIES = {"ccomp", "advcl", "relcl", "acl", "parataxis", "ROOT"}
# Dependencies under which a governing word ("decline", "ready", "moot") makes an event unreal.
GOVERNED = {"xcomp", "dobj", "nsubjpass", "nsubj", "attr", "acomp", "pobj", "prep"}
NEGATIONS = {"never", "not", "n't"}
# Prepositions that make an event noun the time or occasion of a clause: "during talks".
CIRCUMSTANCE_PREPOSITIONS = {"during", "after", "following", "throughout", "amid", "at"}
# Modifiers of a title that make its holder another than the one named before: "the new president".
OTHER_HOLDER_MODIFIERS = {"new", "former", "incoming", "next", "future", "previous", "late", "outgoing"}
# Prepositions through which a verb of agreeing takes what was agreed: "agreed to a truce",
# "agreed on a deal".
AGREED_THROUGH = {"to", "on", "upon"}


class Arguments:
    """Find the actors that fill an event's roles, in one Doc."""

    def __init__(self, doc: Doc, index: ActorIndex, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.index = index
        self.gaz = gazetteer
        self.lex = lexicon
        self.factuality = Factuality(lexicon)
        # groups whose members an argument listed ("the group of six (the US, the UK, ...)"):
        # each is one side of an event, its members never paired with each other
        self.coalitions: list[tuple[ActorSpan, ...]] = []

    # --- tree walks ----------------------------------------------------------------------

    @staticmethod
    def child(token: Token | None, *deps: str) -> Token | None:
        """The first child of ``token`` under one of ``deps``."""
        if token is None:
            return None
        return next((c for c in token.children if c.dep_ in deps), None)

    @staticmethod
    def prep_objects(head: Token | None, *preps: str) -> list[Token]:
        """Objects of the given prepositions under ``head``, conjoined prepositions included:
        "met with the IMF, then with President Trump"."""
        if head is None:
            return []
        objects = []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                objects.extend(c for c in prep.children if c.dep_ == "pobj")
                for other in prep.conjuncts:
                    objects.extend(c for c in other.children if c.dep_ == "pobj")
        return objects

    def passive_subject(self, verb: Token) -> Token | None:
        """The subject of a passive verb, shared with the verb before it when coordinated:
        "Turkey is under sanctions and was condemned by ..." """
        subject = self.child(verb, "nsubjpass")
        if subject is None and self.child(verb, "auxpass") is not None and verb.dep_ == "conj":
            subject = self.child(verb.head, *SUBJECTS)
        return subject

    # --- what an argument names ----------------------------------------------------------

    def actors(self, token: Token | None) -> list[ActorSpan]:
        """The actors an argument names, with its conjuncts ("both Israel and the United States").

        Looks through nouns that stand for a state ("the German government", "Russian
        officials") and resolves "he"/"she" to the person last named before it.
        """
        if token is None:
            return []
        index = self.index
        found: list[ActorSpan] = []
        for item in conjuncts_with(token):
            actors = index.headed_by(item)
            if not actors:
                # "with China's president, Xi Jinping": the name in apposition to a title
                actors = [a for c in item.children if c.dep_ == "appos" for a in index.headed_by(c)]
            if not actors and item.pos_ == "PROPN" and self.gaz.role(item.lower_) is not None:
                # a title the parser took for the head: "US Ambassador to Germany Richard Grenell"
                actors = [a for t in item.subtree for a in index.headed_by(t, Label.PERSON)][:1]
            if not actors and item.lemma_.lower() in self.lex.state_proxy_nouns:
                # "Greek and Turkish diplomats", "Russia's government"
                actors = self.modifier_actors(item)
            if not actors and item.pos_ == "NOUN":
                # "his critics, which include Greenpeace, blame him", "critics including X"
                actors = [a for c in item.children for a in self._members(c)]
                self._record_coalition(actors)
            if not actors and item.lemma_.lower() in self.lex.coalition_nouns:
                # "the group of six (the US, the UK, France, ...)": the members in apposition
                holders = [item, *self.prep_objects(item, "of")]
                actors = [a for h in holders for c in h.children if c.dep_ == "appos" for a in self.actors(c)]
                self._record_coalition(actors)
            if not actors and item.pos_ == "NOUN" and item.lemma_.lower() in self.lex.partitive_nouns:
                # "a bunch of officials", "the neighbouring states of Egypt and Syria": what the
                # noun counts, one side together
                actors = self.actors_of(self.prep_objects(item, "of"))
                self._record_coalition(actors)
            if not actors and item.lemma_.lower() in self.lex.pair_nouns and _said_of_two(item):
                # "the two sides", "both countries": the last two parties named together
                actors = self.last_pair(item)
            if not actors and item.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in item.children):
                actors = _title_holder(item)
            if not actors and item.tag_ == "NN" and item.lemma_.lower() in self.lex.organization_kind_nouns and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in item.children
            ):
                # "Mahan Air ... The airline": the one organisation of that kind named before
                actors = self.described_organization(item)
            if not actors and item.lower_ in PRONOUNS | {"it", "they"} and item.head.dep_ == "ccomp":
                # "X announced it had entered into an agreement": the speaker
                speaker = self.child(item.head.head, "nsubj")
                actors = index.headed_by(speaker) if speaker is not None else []
            if not actors and item.lower_ in PRONOUNS:
                actors = _antecedent(item, index)
            found.extend(actors)
        return found

    def described_organization(self, noun: Token) -> list[ActorSpan]:
        """The organisation a definite description of its kind stands for ("the airline", "the
        militia"): the last one named before it whose name has the kind word or follows it
        ("Mahan Air", "airline Mahan Air", "the Wagner Group"); none when the text named two
        organisations of that kind before it."""
        kind = noun.lemma_.lower()
        matches = [
            a for a in self.index.actors
            if a.label == Label.ORGANIZATION and a.span.end <= noun.i and kind in _kind_words((a.party or a).span)
        ]
        # a short name stands for its full name: "Mahan" for "Mahan Air"
        names = {((a.party or a).span.start, (a.party or a).span.end) for a in matches}
        return [max(matches, key=lambda a: a.span.end)] if len(names) == 1 else []

    def modifier_actors(self, noun: Token) -> list[ActorSpan]:
        """The actors that modify a noun standing for them: "Russian officials", "the
        government of Chad", "soldiers from Chad"."""
        modifiers = [c for c in noun.children if c.dep_ in NOUN_MODIFIERS]
        found = [a for c in modifiers for t in conjuncts_with(c) for a in self.index.headed_by(t)]
        return found + [a for o in self.prep_objects(noun, "of", "from") for a in self.actors(o)]

    def doers(self, token: Token | None) -> list[ActorSpan]:
        """The actors an agent names, armed forces standing for the state or group that
        modifies them: "Osgiliath soldiers", "Russian troops", "the forces of Syria"."""
        if token is None:
            return []
        found = self.actors(token)
        for item in conjuncts_with(token):
            if item.lemma_.lower() in self.lex.armed_force_nouns and not self.index.headed_by(item):
                found.extend(self.modifier_actors(item))
        return distinct_actors(found)

    def relative_antecedent(self, token: Token | None) -> Token | None:
        """The noun a relative pronoun stands for: "Moumou, who is described as ..." -> Moumou."""
        if token is not None and token.tag_ in RELATIVE_PRONOUN_TAGS and token.head.dep_ == "relcl":
            return token.head.head
        return token

    def actors_of(self, tokens: Iterable[Token]) -> list[ActorSpan]:
        """The actors several arguments name, in order."""
        return [a for t in tokens for a in self.actors(t)]

    def last_pair(self, noun: Token) -> list[ActorSpan]:
        """The last two states or organisations coordinated before ``noun``, in its sentence or
        the two before it ("between India and Pakistan ... both sides"); failing that, the
        first two after it in its sentence ("the two governments negotiated a communique,
        a step in relations between the United States and China")."""
        doc = noun.doc
        start = noun.sent.start
        counted = 0
        while counted < PAIR_SENTENCES and start > 0:
            start = doc[start - 1].sent.start
            counted += not doc[start : doc[start].sent.end].text.isspace()  # a paragraph break is no sentence
        before = reversed(doc[start : noun.i])
        after = doc[noun.i + 1 : noun.sent.end]
        for token in [*before, *after]:
            pair: list[ActorSpan] = []
            if token.dep_ == "conj" and token.head.conjuncts == (token,):
                pair = distinct_actors(
                    a for t in (self._gapped_subject(token) or token.head, token)
                    for a in self.index.headed_by(t, Label.STATE, Label.ORGANIZATION)
                )
            elif token.pos_ in ("NOUN", "PROPN") and token.i != noun.i:
                pair = [a for a in self.pair(token) if a.label in (Label.STATE, Label.ORGANIZATION)]  # "the India-Pakistan war"
            if len(pair) == 2:
                return pair
        return []

    @staticmethod
    def _gapped_subject(conjunct: Token) -> Token | None:
        """The subject a gapped clause pairs with its own subject: "India accepted the
        ceasefire on 21 September and Pakistan on 22 September" (the parser hangs "Pakistan"
        on the first date)."""
        head = conjunct.head
        if head.ent_type_ not in GAPPED_TIMES or head.dep_ != "pobj":
            return None
        verb = head.head.head
        return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < head.i), None) if verb.pos_ == "VERB" else None

    def _record_coalition(self, members: list[ActorSpan]) -> None:
        if len(distinct_actors(members)) > 1:
            self.coalitions.append(tuple(members))

    def _members(self, child: Token) -> list[ActorSpan]:
        """The actors a group noun's clause lists: "which include X", "including X and Y"."""
        if child.dep_ == "relcl" and child.lemma_.lower() in self.lex.membership_verbs:
            return self.actors(self.child(child, "dobj"))
        if child.dep_ == "prep" and child.lower_ in MEMBER_PREPOSITIONS:
            return [a for o in child.subtree if o.dep_ == "pobj" for a in self.actors(o)]
        return []

    # --- roles of verbs ------------------------------------------------------------------

    def subjects(self, verb: Token) -> list[ActorSpan]:
        """The verb's subject; for a verb coordinated with an earlier one, that verb's subject.

        A subject that names several actors is read whole, however the parser chained
        them: "US President Donald Trump and Turkish President Recep Tayyip Erdoğan".
        """
        subject = self.child(verb, "nsubj")
        if subject is None and verb.dep_ == "xcomp":
            # object control: "forced Kissinger to resume talks", "helped Egypt negotiate"
            controller = self.child(verb.head, "dobj")
            subject = controller if controller is not None and self.actors(controller) else None
        # "A urged B and met C", "A travelled to Riyadh to meet C", "A withdrew forces, meeting C":
        # the subject of the verb before
        while subject is None and verb.head != verb and (
            verb.dep_ in SHARED_SUBJECT_DEPS
            # "A was able to conclude", "A succeeded in concluding": the implicative's subject
            or (verb.dep_ == "acomp" and verb.lemma_.lower() in self.lex.implicatives)
            or (verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in self.lex.implicatives)
            or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children))
            or (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i)
        ):
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
            subject = self.child(verb, "nsubj")
        if subject is None:
            return []
        found = self.actors(subject)
        for token in subject.subtree:
            if token != subject and _linked_by(token, subject, SUBJECT_LINKS):
                # a state that only modifies a title is not a participant ("US President X")
                coordinated = _linked_by(token, subject, {"conj", "appos"})
                found.extend(a for a in self.index.headed_by(token) if a.label == Label.PERSON or coordinated)
        return distinct_actors(found)

    def clause_subjects(self, verb: Token) -> list[ActorSpan]:
        """The verb's subjects; for a relative clause, the noun it modifies ("Chile, which
        accused Peru of ..."); for a participle clause with no subject of its own, those of the
        clause it hangs on ("Kenya filed a complaint, accusing Somalia of ..." -> Kenya)."""
        found = self.subjects(verb)
        subject = self.child(verb, "nsubj")
        if not found and subject is not None and subject.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == "relcl":
            found = self.actors(verb.head)  # "Chris Christie, who denounced ..."
        if not found and verb.dep_ in PARTICIPLE_CLAUSES and verb.tag_ == "VBG" and self.child(verb, *SUBJECTS) is None:
            # "..., accusing Y of", "issued a statement accusing Y of": the verb it hangs on
            main = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
            found = self.subjects(main) if main is not None else []
        return found

    def objects(self, verb: Token) -> list[ActorSpan]:
        """The direct object; the parser sometimes hangs a long one as npadvmod: "met ... chief X"."""
        return self.actors(self.child(verb, "dobj") or self.child(verb, "npadvmod"))

    def agents(self, verb: Token) -> list[ActorSpan]:
        """Who did it, in the passive: "was condemned by X", "was condemned in a joint
        statement by X, Y and Z"."""
        agent = self.child(verb, "agent")
        if agent is not None:
            return self.actors(self.child(agent, "pobj"))
        for obj in self.prep_objects(verb, "in", "through", "via"):
            found = [a for o in self.prep_objects(obj, "by") for a in self.actors(o)]
            found += [a for c in obj.children if c.dep_ == "agent" for o in c.children for a in self.actors(o)]
            if found:
                return found
        return []

    def owner(self, noun: Token) -> list[ActorSpan]:
        """Whose a noun is: "Russia's annexation", "Trump's call with Zelensky"."""
        return self.actors(self.child(noun, "poss"))

    def clause_owner(self, noun: Token) -> list[ActorSpan]:
        """Whose a noun is, "its"/"their" read as the subject of the noun's clause: "the EU is
        united in its condemnation" -> the EU; "Russia's condemnation" -> Russia."""
        possessor = self.child(noun, "poss")
        if possessor is None or possessor.lower_ not in CLAUSE_POSSESSIVES:
            return self.owner(noun)
        verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return []
        return self.subjects(verb) or self.actors(self.passive_subject(verb))

    def authors(self, noun: Token) -> list[ActorSpan]:
        """Who did the act a noun names: "Russia's annexation", "the attack by Osgiliath
        soldiers", "barbarity carried out by the regime", "the ISIL attack", "Israeli air
        raids" (an organisation or a demonym before an act noun; a state's name or capital
        there is as often the place or the victim: "the Kyiv attack", "the Ukraine
        invasion"), "the actions of FARC", "the US decision" (a noun of conduct)."""
        lex = self.lex
        found = self.doers(self.child(noun, "poss"))
        found += [a for o in self.prep_objects(noun, "by") for a in self.doers(o)]
        for participle in (c for c in noun.children if c.dep_ == "acl"):
            # "barbarity carried out by the regime", "crimes committed by Serb forces"
            agent = self.child(participle, "agent")
            found += self.doers(self.child(agent, "pobj"))
        lemma = noun.lemma_.lower()
        if lemma in lex.act_nouns or lemma in lex.wrongdoing_nouns or lemma in lex.conduct_nouns:
            for modifier in (c for c in noun.children if c.dep_ in AUTHOR_MODIFIERS):
                found += [
                    a for a in self.index.headed_by(modifier)
                    if a.label == Label.ORGANIZATION or (a.label == Label.STATE and a.kind == "demonym")
                ]
        if lemma in lex.conduct_nouns:
            # "the actions of FARC"; a state's name before a noun of conduct is its author: "the US decision"
            found += [a for o in self.prep_objects(noun, "of") for a in self.doers(o)]
            found += [a for c in noun.children if c.dep_ == "compound" for a in self.index.headed_by(c, Label.STATE)]
        return distinct_actors(found)

    def participle_agents(self, noun: Token, participles: frozenset[str]) -> list[ActorSpan]:
        """Who a participle before or after a noun says did it: "US-led talks", "Qatari-mediated
        talks", "talks brokered by Egypt"."""
        found: list[ActorSpan] = []
        doc = noun.doc
        for child in noun.children:
            if child.lemma_.lower() not in participles and child.lower_ not in participles:
                continue
            if child.dep_ in ("amod", "compound", "nmod"):
                # "US-led": the state modifies the participle
                for mod in child.children:
                    if mod.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod", "nsubj"):
                        found.extend(self.index.headed_by(mod, Label.STATE, Label.ORGANIZATION, Label.PERSON))
                if child.i > 1 and doc[child.i - 1].text in ("-", "–"):
                    found.extend(self.index.at(doc[child.i - 2], Label.STATE, Label.ORGANIZATION))
            elif child.dep_ == "acl":
                # "talks brokered by Egypt"
                agent = self.child(child, "agent")
                if agent is not None:
                    found.extend(self.actors(self.child(agent, "pobj")))
        return distinct_actors(found)

    def participants(self, noun: Token) -> tuple[list[ActorSpan], list[ActorSpan]]:
        """Who takes part in the event a noun names, as (one side, other side); an empty second
        side means each participant is a side of its own."""
        own = self.own_parties(noun)
        if own:
            return own, []
        # "a series of talks with B", "three days of talks": the counting noun stands in the clause
        anchor = self.counted_by(noun) or noun
        # "a meeting with B", "a phone call from B"
        partners = self.actors_of(self.prep_objects(noun, "with", "from") + (self.prep_objects(anchor, "with") if anchor != noun else []))
        owner = self.child(noun, "poss") or self.child(anchor, "poss")
        firsts = self.actors(owner) if owner is not None else []
        noun = anchor
        verb = noun.head if noun.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") else None
        through_in = False
        if verb is not None and noun.dep_ == "pobj":
            # "entered into an agreement", "restored ties in a deal brokered by China"
            # "agreed to a truce", "agreed on a deal": the agreeing verb's subject made it
            # "made progress during talks", "failed to agree after hours of talks": the clause's subject
            through_in = verb.lower_ in ("into", "in") or self.circumstance_verb(noun) is not None or (
                verb.lower_ in AGREED_THROUGH and verb.head.lemma_.lower() in self.lex.sign_verbs
            )
            verb = verb.head if through_in else None
        if verb is not None and noun.dep_ == "nsubj":
            # "the talks brought together A and B"
            if any(c.dep_ in ("prt", "advmod") and c.lower_ == "together" for c in verb.children):
                return self.actors(self.child(verb, "dobj")), []
            if not (firsts or partners):
                return self._absolute_subjects(verb), []  # "the talks ended with both sides giving up claims"
            return firsts, partners  # "Colombia's negotiations with Venezuela ended"
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            if not firsts and noun.dep_ != "nsubjpass":
                firsts = self.subjects(verb)
            if self.circumstance_verb(noun) is None:  # "after talks, A shared with B ...": B is no party
                partners += self.actors_of(self.prep_objects(verb, "with"))
        if partners:
            return firsts, partners
        if verb is not None and (through_in or verb.lemma_.lower() in self.lex.negotiation_light_verbs | self.lex.meet_verbs | self.lex.guest_verbs):
            return firsts, []
        return ([], []) if not owner else (firsts, [])

    def _absolute_subjects(self, verb: Token) -> list[ActorSpan]:
        """The subjects of a "with" clause that says how the verb's event ended: "the talks
        concluded with both sides giving up their claims" (each a side of its own; one
        actor alone is no party to talks: "the talks ended with Chad walking out")."""
        clauses = (c for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for c in p.children if c.dep_ == "pcomp")
        found = distinct_actors(a for c in clauses for a in self.actors(self.child(c, "nsubj")))
        return found if len(found) > 1 else []

    def own_parties(self, noun: Token) -> list[ActorSpan]:
        """The parties an event noun names itself, each a side of its own: "talks between A and
        B", "the trilateral meeting of Cyprus, Greece and Israel", "the Egyptian-Israeli accord"."""
        # "talks between A and B", "an agreement brokered by X between A and B"
        # "the agreement on 2 December between A and B": the parser hangs "between" on the date
        dates = [o for o in self.prep_objects(noun, "on", "of", "in") if o.ent_type_ in GAPPED_TIMES]
        objects = self.prep_objects(noun, "between") + [
            o for c in noun.children if c.dep_ == "acl" for o in self.prep_objects(c, "between")
        ] + [o for d in dates for o in self.prep_objects(d, "between")]
        between = self.actors_of(objects)
        if len(between) == 1:
            between += self.detached_conjunct(objects[0], between[0])
        if between:
            return between
        members = self.actors_of(self.prep_objects(noun, "of"))
        if len(members) > 1:
            return members
        paired = self.pair(noun)
        return paired if len(paired) > 1 else []

    def circumstance_verb(self, noun: Token) -> Token | None:
        """The verb whose circumstance an event noun is: "made progress during talks", "failed
        to agree after hours of talks" (the talks took place whatever the verb says)."""
        noun = self.counted_by(noun) or noun
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ in CIRCUMSTANCE_PREPOSITIONS and prep.head.pos_ in ("VERB", "AUX"):
            return prep.head
        return None

    def counted_by(self, noun: Token) -> Token | None:
        """The noun that counts or measures ``noun``: "a series of talks", "three days of talks"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.partitive_nouns:
            return head.head
        return None

    def pair(self, noun: Token) -> list[ActorSpan]:
        """The parties a modifier before a noun names together: "the Egyptian-Israeli agreement",
        "the US-China talks" (a mediator's participle, "US-led talks", names no party)."""
        modifiers = [
            c for c in noun.children
            if c.dep_ in NOUN_MODIFIERS - {"poss"} and c.i < noun.i
            and c.lemma_.lower() not in self.lex.mediation_participles and c.lower_ not in self.lex.mediation_participles
        ]
        found = [a for c in modifiers for t in c.subtree for a in self.index.headed_by(t)]
        # "the Russian delegation's": the delegation, not also the state inside its name
        outermost = [a for a in found if not any(b.span != a.span and b.span.start <= a.span.start and a.span.end <= b.span.end for b in found)]
        return distinct_actors(outermost)

    def detached_conjunct(self, obj: Token, first: ActorSpan) -> list[ActorSpan]:
        """The second party the parser lost after an aside: "between Giuliani, claiming to
        represent the State Department, and Andriy Yermak"."""
        doc = obj.doc
        for i in range(first.span.end, obj.sent.end - 1):
            if doc[i].lower_ == "and" and doc[i - 1].text == ",":
                j = i + 1 + (doc[i + 1].pos_ == "DET")
                found = [a for a in self.index.at(doc[j]) if a.span.start == j]
                return found[:1]
        return []


class Factuality:
    """Whether an event is reported as having happened."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def event(self, token: Token) -> bool:
        """False for events negated, refused, offered, planned, conditional or in the future.

        Climbs from the event word through the words that govern it, up to the first clause
        boundary: "declined to condemn" (a refusal governs condemn), "has been mooted" (a
        meeting that is only mooted), "is ready to host" (an adjective of readiness), "would
        agree to such talks" (a conditional governs the talks), "a potential meeting".
        """
        current = token
        outcome = None  # the verb of how the event ended, whose negation does not unmake it
        for _ in range(MAX_CLIMB):
            if current.pos_ in ("NOUN", "PROPN"):
                modifiers = (c for c in current.children if c.dep_ in ("amod", "compound"))
                if any(c.lower_ in self.lex.nonfactual_modifiers for c in modifiers):
                    return False
                if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "never") for c in current.children):
                    return False  # "there were no talks between A and B"
                if current.dep_ == "nsubj" and self._outcome(current.head):
                    outcome = current.head  # "the talks did not result in a deal": the talks took place
            elif not self.verb(current, negated_ok=current == outcome):
                return False
            head = current.head
            if current.dep_ == "conj" and current.tag_ in FINITE and head.dep_ == "xcomp" and head.tag_ == "VB":
                # "urged X to reconsider and spoke with Y": a finite verb the parser hung on the
                # infinitive belongs with the first verb, not under "urged"
                current = head.head
                continue
            if current.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in current.children):
                return True  # "X should be opened, and his critics blame him": a clause of its own
            if current.dep_ == "ccomp" and head.i < current.i and head.lemma_.lower() in self.lex.nonfactual_governors:
                return False  # "proposed that the two nations meet", "denied that they had met"
            if head is current or current.dep_ in CLAUSE_BOUNDARIES:
                return True  # "said the talks had been productive": the clause stands on its own
            governed = current.dep_ in GOVERNED and (current.dep_ != "prep" or current.lower_ in PURPOSE_PREPOSITIONS)
            if governed and head.lemma_.lower() in self.lex.nonfactual_governors and not self._past_implicative(head) and head != outcome:
                return False
            current = head
        return True

    def purpose(self, verb: Token) -> bool:
        """Whether an event and, for an infinitive of purpose, the verb it is the purpose of
        happened: "will be hosting X to celebrate with Y" (the hosting is future)."""
        if not self.event(verb):
            return False
        if verb.dep_ in ("advcl", "xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return self.event(verb.head)
        return True

    def verb(self, verb: Token, negated_ok: bool = False) -> bool:
        """False for a verb negated (unless ``negated_ok``), in the future or the conditional,
        or under "if"."""
        for child in verb.children:
            if (child.dep_ == "neg" or child.lower_ in NEGATIONS) and not negated_ok:
                return False
            if child.dep_ in ("aux", "auxpass") and child.lower_ in self.lex.nonfactual_auxiliaries:
                return False
            if child.dep_ == "mark" and child.lower_ in self.lex.nonfactual_markers:
                return False
            if child.dep_ in ("npadvmod", "advmod") and self._future_time(child):
                return False  # "they hold talks next week", "meets tomorrow"
        # "are to hold talks": "be" with an infinitive is a plan
        return not (verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children))

    def _outcome(self, verb: Token) -> bool:
        """Whether ``verb`` tells how its subject event ended ("resulted in", "failed to
        produce", "broke down"), not whether it took place ("did not take place", "failed
        to materialise")."""
        if verb.lemma_.lower() not in self.lex.outcome_verbs:
            return False
        return not any(c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.occurrence_verbs for c in verb.children)

    def _past_implicative(self, word: Token) -> bool:
        """Whether ``word`` is an implicative adjective said in the past, so that what it
        governs happened: "were able to conclude" (but "is able to", "would be able to";
        a negation or modal on the copula is checked as the climb goes on)."""
        if word.lemma_.lower() not in self.lex.implicatives or word.dep_ != "acomp":
            return False
        copula = word.head
        perfect = copula.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in copula.children)
        return copula.tag_ == "VBD" or perfect

    def _future_time(self, time: Token) -> bool:
        return time.lower_ in self.lex.future_times or any(
            c.dep_ == "amod" and c.lower_ in self.lex.future_times for c in time.children
        )


def phrasal_preposition(verb: Token, phrases: frozenset[str]) -> Token | None:
    """The preposition through which a verb takes its object as one of ``phrases``, each
    "verb [word] preposition": "lashed out at Y" ("lash out at", a particle), "took aim at Y"
    ("take aim at", an object, the preposition on the verb or on the object), "railed against
    Y" ("rail against")."""
    lemma = verb.lemma_.lower()
    middles = [c for c in verb.children if c.dep_ in PHRASAL_MIDDLES and c.i > verb.i]
    for holder in (verb, *middles):
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.i > verb.i):
            words = [lemma, *(m.lower_ for m in middles if m.i < prep.i), prep.lower_]
            if " ".join(words) in phrases:
                return prep
    return None


def _kind_words(name: Span) -> set[str]:
    """The words of an organisation's name and those that say its kind before it: "Wagner
    Group", "airline Mahan Air", "the airline Jambo Air" (the name in apposition)."""
    words = [*name, *(c for c in name.root.children if c.dep_ in KIND_DEPS and c.i < name.start)]
    if name.root.dep_ == "appos":
        words.append(name.root.head)
    return {t.lemma_.lower() for t in words}


def _said_of_two(noun: Token) -> bool:
    """Whether a plural noun is said of two: "the two sides", "both countries"."""
    return noun.tag_ == "NNS" and any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in noun.children)


def _linked_by(token: Token, ancestor: Token, deps: set[str]) -> bool:
    """Whether every step from ``token`` up to ``ancestor`` is one of ``deps``."""
    while token != ancestor:
        if token.dep_ not in deps or token.head == token:
            return False
        token = token.head
    return True


def _antecedent(pronoun: Token, index: ActorIndex) -> list[ActorSpan]:
    """The person a "he"/"she" stands for: the last person named before it, in this or the
    previous sentences."""
    # a name that only modifies a noun ("the Trump administration") is rarely what "he" refers to
    before = [
        a for a in index.actors if a.label == Label.PERSON and a.span.end <= pronoun.i and a.root.dep_ != "compound"
    ]
    return [max(before, key=lambda a: a.span.end)] if before else []


def _title_holder(noun: Token) -> list[ActorSpan]:
    """The person a title stands for: "the president" after "Ukrainian President Volodymyr
    Zelenskyy", the last person named earlier with a role of that head word or with that
    title before the name.

    A title that says its holder is another one ("the new president", "the former
    president") stands for nobody named before; nor does it stand for a holder named in its
    own sentence, whom the sentence would call by name ("Having met Sadat, the President
    flew home": the President is not Sadat), so the holder named before that is taken.
    """
    if any(c.lower_ in OTHER_HOLDER_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound")):
        return []
    doc, title = noun.doc, noun.lemma_.lower()
    persons = [a for a in doc._.kg_actors or [] if a.label == Label.PERSON]
    sentence = noun.sent
    named_here = {a.text for a in persons if sentence.start <= a.span.start and a.span.end <= sentence.end}
    holders = [r.source for r in doc._.kg_relations or [] if r.role and r.source.label == Label.PERSON and r.role.split()[-1] == title]
    # a name the title stands before: "President Jimmy Carter"
    holders += [a for a in persons if a.span.start > 0 and doc[a.span.start - 1].lemma_.lower() == title]
    holders = [a for a in holders if a.span.end <= noun.i and not _named_in(a, named_here)]
    return [max(holders, key=lambda a: a.span.end)] if holders else []


def _named_in(person: ActorSpan, names: set[str]) -> bool:
    """Whether ``person`` is among ``names``, by full name or surname ("Anwar Sadat", "Sadat")."""
    return any(name == person.text or name.split()[-1] == person.text.split()[-1] for name in names)


def span_text(tokens: Iterable[Token]) -> str:
    """The text from the first to the last of ``tokens``: a claim, a clause."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
