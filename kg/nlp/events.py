"""Event relations: who negotiates with, mediates for, accuses and meets whom.

The ``kg_event_relations`` component reads NEGOTIATES_WITH, MEDIATES, ACCUSES
and MEETS from verb frames and event nouns in the dependency parse. The
vocabulary (which verbs accuse, which nouns are meetings, which words make a
statement unreal) is in ``data/lexicon.yaml``; each method below catches one
construction, named in its docstring.

Only what is reported as having happened gives an edge: a negated,
refused, conditional, future or offered event does not ("declined to
condemn", "refused to meet", "would agree only if", "will visit",
"offered to negotiate", "a meeting has been mooted").
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.extensions import register_extensions
from kg.nlp.relations import ActorIndex, RelationSpan, conjuncts_with, distinct_actors, same_actor, unique_relations

PRONOUNS = {"he", "she", "him", "her"}
QUOTES = {'"', "“", "”"}
# How far a factuality check climbs the tree: "X declined to be drawn into agreeing to meet".
MAX_CLIMB = 4
# Dependencies that join several actors into one subject, however the parser chained them.
SUBJECT_LINKS = {"conj", "appos", "compound", "amod"}
# Prepositions through which a governing word reaches an event: "called for talks",
# "agreed to a meeting" (but not "during the meeting, they agreed").
PURPOSE_PREPOSITIONS = {"for", "to", "on", "about", "into"}
# Tags of finite verbs: "spoke", "speaks", "speak".
FINITE = {"VBD", "VBZ", "VBP"}
# Dependencies that start a clause of its own, where a factuality check stops climbing.
CLAUSE_BOUNDARIES = {"ccomp", "advcl", "relcl", "acl", "parataxis", "ROOT"}
# Dependencies under which a governing word ("decline", "ready", "moot") makes an event unreal.
GOVERNED = {"xcomp", "dobj", "nsubjpass", "nsubj", "attr", "acomp", "pobj", "prep"}


@Language.factory(
    "kg_event_relations",
    assigns=["doc._.kg_relations"],
    requires=["doc._.kg_actors", "token.dep", "token.lemma"],
    default_config={"gazetteer_files": []},
)
def make_event_relations(nlp: Language, name: str, gazetteer_files: list[str]) -> EventRelations:
    return EventRelations(load_gazetteer(tuple(gazetteer_files)), load_lexicon())


class EventRelations:
    """NEGOTIATES_WITH, MEDIATES, ACCUSES and MEETS from verbs and event nouns."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        register_extensions()
        self.gaz = gazetteer
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        index = ActorIndex(doc)
        relations = self.match(doc, index)
        self.set_annotations(doc, relations)
        return doc

    def set_annotations(self, doc: Doc, relations: list[RelationSpan]) -> None:
        doc._.kg_relations = list(doc._.kg_relations or []) + relations

    def match(self, doc: Doc, index: ActorIndex) -> list[RelationSpan]:
        relations: list[RelationSpan] = []
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX"):
                if lemma in self.lex.accuse_verbs:
                    relations.extend(self._accuse_verb(token, index))
                if lemma in self.lex.designation_verbs:
                    relations.extend(self._designate_verb(token, index))
                if lemma in self.lex.speech_verbs:
                    relations.extend(self._reported_wrongdoing(token, index))
                    relations.extend(self._quoted_wrongdoing(token, index))
                if lemma in self.lex.allege_verbs:
                    relations.extend(self._allege_verb(token, index))
                if lemma in self.lex.meet_verbs:
                    relations.extend(self._meet_verb(token, index))
                if lemma in self.lex.talk_verbs:
                    relations.extend(self._talk_verb(token, index))
                if lemma in self.lex.negotiate_verbs:
                    relations.extend(self._partner_verb(token, index, RelType.NEGOTIATES_WITH, "negotiate_verb"))
                if lemma in self.lex.mediate_verbs:
                    relations.extend(self._mediate_verb(token, index))
            elif token.pos_ in ("NOUN", "PROPN"):
                if lemma in self.lex.meeting_nouns or token.lower_ in self.lex.meeting_nouns:
                    relations.extend(self._event_noun(token, index, RelType.MEETS))
                if lemma in self.lex.negotiation_nouns or token.lower_ in self.lex.negotiation_nouns:
                    relations.extend(self._event_noun(token, index, RelType.NEGOTIATES_WITH))
        return unique_relations(relations)

    # --- arguments -----------------------------------------------------------------------

    def _actors(self, token: Token | None, index: ActorIndex) -> list[ActorSpan]:
        """The actors an argument names, with its conjuncts ("both Israel and the United States").

        Looks through nouns that stand for a state ("the German government", "Russian
        officials") and resolves "he"/"she" to the person last named before it.
        """
        if token is None:
            return []
        found: list[ActorSpan] = []
        for item in conjuncts_with(token):
            actors = index.headed_by(item)
            if not actors:
                # "with China's president, Xi Jinping": the name in apposition to a title
                actors = [a for c in item.children if c.dep_ == "appos" for a in index.headed_by(c)]
            if not actors and item.lemma_.lower() in self.lex.state_proxy_nouns:
                # "Greek and Turkish diplomats", "Russia's government"
                modifiers = [c for c in item.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
                actors = [a for c in modifiers for t in conjuncts_with(c) for a in index.headed_by(t)]
                actors += [a for o in self._prep_objects(item, "of", "from") for a in self._actors(o, index)]
            if not actors and item.pos_ == "PROPN" and self.gaz.role(item.lower_) is not None:
                # a title the parser took for the head: "US Ambassador to Germany Richard Grenell"
                actors = [a for t in item.subtree for a in index.headed_by(t, Label.PERSON)][:1]
            if not actors and item.pos_ == "NOUN":
                # "his critics, which include Greenpeace, blame him", "critics including X"
                actors = [a for c in item.children for a in self._members(c, index)]
            if not actors and item.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in item.children):
                actors = _title_holder(item)
            if not actors and item.lower_ in PRONOUNS | {"it", "they"} and item.head.dep_ == "ccomp":
                # "X announced it had entered into an agreement": the speaker
                speaker = self._child(item.head.head, "nsubj")
                actors = index.headed_by(speaker) if speaker is not None else []
            if not actors and item.lower_ in PRONOUNS:
                actors = _antecedent(item, index)
            found.extend(actors)
        return found

    def _members(self, child: Token, index: ActorIndex) -> list[ActorSpan]:
        """The actors a group noun's clause lists: "which include X", "including X and Y"."""
        if child.dep_ == "relcl" and child.lemma_.lower() in self.lex.membership_verbs:
            return self._actors(self._child(child, "dobj"), index)
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "such"):
            return [a for o in child.subtree if o.dep_ == "pobj" for a in self._actors(o, index)]
        return []

    @staticmethod
    def _child(token: Token, *deps: str) -> Token | None:
        return next((c for c in token.children if c.dep_ in deps), None)

    def _prep_objects(self, head: Token, *preps: str) -> list[Token]:
        """Objects of the given prepositions under ``head``, conjoined prepositions included:
        "met with the IMF, then with President Trump"."""
        objects = []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                objects.extend(c for c in prep.children if c.dep_ == "pobj")
                for other in prep.conjuncts:
                    objects.extend(c for c in other.children if c.dep_ == "pobj")
        return objects

    def _subjects(self, verb: Token, index: ActorIndex) -> list[ActorSpan]:
        """The verb's subject; for a verb coordinated with an earlier one, that verb's subject.

        A subject that names several actors is read whole, however the parser chained
        them: "US President Donald Trump and Turkish President Recep Tayyip Erdoğan".
        """
        subject = self._child(verb, "nsubj")
        # "A urged B and met C", "A travelled to Riyadh to meet C": the subject of the verb before
        while subject is None and verb.head != verb and (
            verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children))
        ):
            verb = verb.head
            subject = self._child(verb, "nsubj")
        if subject is None:
            return []
        found = self._actors(subject, index)
        for token in subject.subtree:
            if token != subject and _linked_by(token, subject, SUBJECT_LINKS):
                # a state that only modifies a title is not a participant ("US President X")
                coordinated = _linked_by(token, subject, {"conj", "appos"})
                found.extend(a for a in index.headed_by(token) if a.label == Label.PERSON or coordinated)
        return distinct_actors(found)

    # --- factuality ------------------------------------------------------------------------

    def _factual(self, token: Token) -> bool:
        """False for events negated, refused, offered, planned, conditional or in the future.

        Climbs from the event word through the words that govern it, up to the first clause
        boundary: "declined to condemn" (a refusal governs condemn), "has been mooted" (a
        meeting that is only mooted), "is ready to host" (an adjective of readiness), "would
        agree to such talks" (a conditional governs the talks), "a potential meeting".
        """
        current = token
        for _ in range(MAX_CLIMB):
            if current.pos_ in ("NOUN", "PROPN"):
                modifiers = (c for c in current.children if c.dep_ in ("amod", "compound"))
                if any(c.lower_ in self.lex.nonfactual_modifiers for c in modifiers):
                    return False
                if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "never") for c in current.children):
                    return False  # "there were no talks between A and B"
            elif not self._verb_factual(current):
                return False
            head = current.head
            if current.dep_ == "conj" and current.tag_ in FINITE and head.dep_ == "xcomp" and head.tag_ == "VB":
                # "urged X to reconsider and spoke with Y": a finite verb the parser hung on the
                # infinitive belongs with the first verb, not under "urged"
                current = head.head
                continue
            if current.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
                return True  # "X should be opened, and his critics blame him": a clause of its own
            if head is current or current.dep_ in CLAUSE_BOUNDARIES:
                return True  # "said the talks had been productive": the clause stands on its own
            governed = current.dep_ in GOVERNED and (current.dep_ != "prep" or current.lower_ in PURPOSE_PREPOSITIONS)
            if governed and head.lemma_.lower() in self.lex.nonfactual_governors:
                return False
            current = head
        return True

    def _verb_factual(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't"):
                return False
            if child.dep_ in ("aux", "auxpass") and child.lower_ in self.lex.nonfactual_auxiliaries:
                return False
            if child.dep_ == "mark" and child.lower_ in self.lex.nonfactual_markers:
                return False
        return True

    # --- accusations ---------------------------------------------------------------------

    def _accuse_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "X accused Y of ...", "X blamed Y and Z for ...", "Y was accused by X of ..." """
        if not self._factual(verb):
            return
        if self._passive_subject(verb) is not None:
            sources = self._agents(verb, index)
            targets = self._actors(self._passive_subject(verb), index)
            rule = "accuse_passive"
        else:
            sources = self._subjects(verb, index)
            obj = self._child(verb, "dobj")
            targets = self._actors(obj, index)
            rule = "accuse_verb"
            if not targets and obj is not None:
                # "condemned Russia's annexation of Crimea", "condemned the strikes by Israel"
                targets = self._actors(self._child(obj, "poss"), index)
                targets += [a for o in self._prep_objects(obj, "by") for a in self._actors(o, index)]
                if targets:
                    rule = "accuse_act"
                    yield from (
                        RelationSpan(s, RelType.ACCUSES, t, verb.sent, rule, 0.7, claim=_text(obj.subtree))
                        for s in sources for t in targets
                    )
                    return
        claim = self._claim(verb)
        for source in sources:
            for target in targets:
                yield RelationSpan(source, RelType.ACCUSES, target, verb.sent, rule, 0.8, claim=claim)

    def _passive_subject(self, verb: Token) -> Token | None:
        """The subject of a passive verb, shared with the verb before it when coordinated:
        "Turkey is under sanctions and was condemned by ..." """
        subject = self._child(verb, "nsubjpass")
        if subject is None and self._child(verb, "auxpass") is not None and verb.dep_ == "conj":
            subject = self._child(verb.head, "nsubjpass", "nsubj")
        return subject

    def _agents(self, verb: Token, index: ActorIndex) -> list[ActorSpan]:
        """Who did it, in the passive: "was condemned by X", "was condemned in a joint
        statement by X, Y and Z"."""
        agent = self._child(verb, "agent")
        if agent is not None:
            return self._actors(self._child(agent, "pobj"), index)
        for obj in self._prep_objects(verb, "in", "through", "via"):
            found = [a for o in self._prep_objects(obj, "by") for a in self._actors(o, index)]
            found += [a for c in obj.children if c.dep_ == "agent" for o in c.children for a in self._actors(o, index)]
            if found:
                return found
        return []

    def _reported_wrongdoing(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """Reported speech that attributes wrongdoing: "Zelensky said Russia had violated
        the truce", "\"Russia is shelling civilians,\" Zelensky said", "X said Y was
        responsible for the attack". The speaker accuses the clause's subject."""
        if not self._verb_factual(verb):
            return
        clause = self._child(verb, "ccomp") or (verb.head if verb.dep_ == "parataxis" else None)
        if clause is None or not self._verb_factual(clause):
            return
        if not self._wrongdoing(clause):
            return
        subject = self._child(clause, "nsubj")
        if subject is None or subject.lower_ in PRONOUNS | {"it", "they", "we", "i", "you"}:
            return  # "he said it was attacked": whom a pronoun means is too uncertain here
        targets = self._actors(subject, index)
        for source in self._subjects(verb, index):
            for target in targets:
                if not same_actor(source, target):
                    yield RelationSpan(source, RelType.ACCUSES, target, verb.sent, "reported_wrongdoing", 0.65, claim=_text(clause.subtree))

    def _wrongdoing(self, clause: Token) -> bool:
        """Whether a clause says its subject did wrong: "Russia had violated the truce", "Y is
        responsible for the attack", "Trump is behaving like a bully"."""
        if clause.lemma_.lower() in self.lex.wrongdoing_verbs:
            return True
        for child in clause.children:
            if child.dep_ in ("acomp", "attr", "prep") and child.lemma_.lower() in self.lex.wrongdoing_predicates:
                return True
            if child.dep_ == "attr" or (child.dep_ == "prep" and child.lower_ in ("like", "as")):
                if any(t.lemma_.lower() in self.lex.wrongdoer_nouns for t in child.subtree):
                    return True
        return False

    def _quoted_wrongdoing(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """A quotation opened after a verb of saying and running over several sentences:
        'Erdogan said, "... Unfortunately, Trump is behaving like a bully boy ..."'. Each
        clause in it that says its subject did wrong is the speaker's accusation."""
        if not self._verb_factual(verb):
            return
        sent = verb.sent
        if sum(t.text in QUOTES for t in sent if t.i > verb.i) % 2 == 0:
            return  # no quotation left open after the verb
        speakers = self._subjects(verb, index)
        doc = verb.doc
        i = sent.end
        while speakers and i < len(doc):
            quoted = doc[i].sent
            for clause in quoted:
                if clause.pos_ in ("VERB", "AUX") and self._verb_factual(clause) and self._wrongdoing(clause):
                    subject = self._child(clause, "nsubj")
                    if subject is not None and subject.lower_ not in PRONOUNS:
                        for target in self._actors(subject, index):
                            for speaker in speakers:
                                if not same_actor(speaker, target):
                                    yield RelationSpan(speaker, RelType.ACCUSES, target, quoted, "quoted_wrongdoing", 0.6, claim=quoted.text)
            if any(t.text in QUOTES for t in quoted):
                return  # the quotation closes here
            i = quoted.end

    def _designate_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "X named Y and Z as terrorists", "Y was designated a terrorist organisation by X" """
        if not self._factual(verb):
            return
        labels = self._prep_objects(verb, "as") + [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp")]
        if not any(t.lemma_.lower() in self.lex.wrongdoer_nouns for label in labels for t in label.subtree):
            return
        if self._passive_subject(verb) is not None:
            sources, targets = self._agents(verb, index), self._actors(self._passive_subject(verb), index)
        else:
            sources, targets = self._subjects(verb, index), self._actors(self._child(verb, "dobj"), index)
        claim = " ".join(_text(label.subtree) for label in labels)
        for source in sources:
            for target in targets:
                yield RelationSpan(source, RelType.ACCUSES, target, verb.sent, "designate_verb", 0.75, claim=claim)

    def _claim(self, verb: Token) -> str | None:
        """What the accusation is for: "of exploiting a US-backed energy truce"."""
        heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in self.lex.claim_prepositions and prep.i > verb.i:
                    return _text(prep.subtree)
        return None

    def _allege_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "X alleged (that) Y had contributed to ...": Y is accused of the clause. With the
        allegation set off by commas the parser hangs it on the clause: "X alleged, ..., Y had"."""
        clause = self._child(verb, "ccomp") or (verb.head if verb.dep_ == "parataxis" else None)
        if clause is None or not self._factual(verb):
            return
        targets = self._actors(self._child(clause, "nsubj", "nsubjpass"), index)
        for source in self._subjects(verb, index):
            for target in targets:
                yield RelationSpan(source, RelType.ACCUSES, target, verb.sent, "allege_clause", 0.7, claim=_text(clause.subtree))

    # --- meetings ------------------------------------------------------------------------

    def _meet_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "A met B", "A met with B, then with C", "A and B met", "A was met by B", "A hosted B" """
        if not self._factual(verb):
            return
        lemma = verb.lemma_.lower()
        if self._child(verb, "nsubjpass") is not None:
            agent = self._child(verb, "agent")
            firsts = self._actors(self._child(verb, "nsubjpass"), index)
            seconds = self._actors(self._child(agent, "pobj") if agent else None, index)
        else:
            firsts = self._subjects(verb, index)
            # the parser sometimes hangs a long object on the verb as npadvmod: "met ... chief X"
            seconds = self._actors(self._child(verb, "dobj") or self._child(verb, "npadvmod"), index)
            seconds += [a for o in self._prep_objects(verb, "with") for a in self._actors(o, index)]
        if lemma != "meet":
            # "hosted"/"received"/"visited" a person is a meeting; visiting a country is not
            seconds = [a for a in seconds if a.label in (Label.PERSON, Label.DELEGATION)]
        if lemma == "host" and len(seconds) > 1 and self._for_talks(verb):
            # "Turkey hosted Ukrainian and Russian delegations for talks": a go-between
            yield from self._mediations(firsts, seconds, verb, "host_talks", 0.75)
            yield from self._pairs(seconds, [], RelType.NEGOTIATES_WITH, verb, "host_talks", 0.75)
            return
        yield from self._pairs(firsts, seconds, RelType.MEETS, verb, "meet_verb", 0.8)

    def _for_talks(self, verb: Token) -> bool:
        return any(o.lemma_.lower() in self.lex.negotiation_nouns for o in self._prep_objects(verb, "for"))

    def _talk_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "A spoke with B", "A and B spoke on the phone" (talking alone is no meeting)."""
        if not self._factual(verb):
            return
        firsts = self._subjects(verb, index)
        seconds = [a for o in self._prep_objects(verb, "with", "to") for a in self._actors(o, index)]
        if not seconds and not any(o.lemma_.lower() in ("phone", "telephone", "call", "video") for o in self._prep_objects(verb, "on", "by", "over", "via")):
            return
        yield from self._pairs(firsts, seconds, RelType.MEETS, verb, "talk_verb", 0.75)

    # --- negotiations and mediation ----------------------------------------------------------

    def _partner_verb(self, verb: Token, index: ActorIndex, rel_type: RelType, rule: str) -> Iterator[RelationSpan]:
        """ "A negotiated with B", "A and B negotiated" """
        if not self._factual(verb):
            return
        firsts = self._subjects(verb, index)
        seconds = [a for o in self._prep_objects(verb, "with") for a in self._actors(o, index)]
        yield from self._pairs(firsts, seconds, rel_type, verb, rule, 0.8)

    def _mediate_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "Qatar mediated between A and B", "Egypt brokered talks between A and B" """
        if not self._factual(verb):
            return
        if self._passive_subject(verb) is not None:
            # "talks between A and B were brokered by C"
            mediators = self._agents(verb, index)
            parties = sum(self._participants(self._passive_subject(verb), index), [])
        else:
            mediators = self._subjects(verb, index)
            objects = self._prep_objects(verb, "between")
            obj = self._child(verb, "dobj")
            if obj is not None:
                objects += self._prep_objects(obj, "between")
            parties = [a for o in objects for a in self._actors(o, index)]
        yield from self._mediations(mediators, parties, verb, "mediate_verb", 0.8)

    def _event_noun(self, noun: Token, index: ActorIndex, rel_type: RelType) -> Iterator[RelationSpan]:
        """Talks, meetings and calls named by a noun.

        - "talks between A and B", "a meeting between A and B": every pair of them;
        - "A held talks / a video call with B", "A's call with B": A with B;
        - "A and B held talks", "Ukrainian and Russian negotiators held talks": every pair;
        - "A round of US-led talks", "Qatari-mediated talks", "talks brokered by Egypt":
          the mediator with each party.
        """
        if not self._factual(noun):
            return
        rule = "meeting_noun" if rel_type == RelType.MEETS else "negotiation_noun"
        participants = self._participants(noun, index)
        firsts, seconds = participants
        if firsts or seconds:
            yield from self._pairs(firsts, seconds, rel_type, noun, rule, 0.7)
        if rel_type == RelType.NEGOTIATES_WITH:
            parties = firsts + seconds
            # "a round of US-led talks": the talks' parties are the round's
            if not parties and noun.dep_ == "pobj" and noun.head.lower_ == "of":
                outer = noun.head.head
                parties = sum(self._participants(outer, index), [])
            yield from self._mediations(self._mediators(noun, index), parties, noun, "mediated_talks", 0.75)

    def _participants(self, noun: Token, index: ActorIndex) -> tuple[list[ActorSpan], list[ActorSpan]]:
        """Who takes part in the event a noun names, as (one side, other side); an empty second
        side means every pair of the first."""
        objects = self._prep_objects(noun, "between")
        between = [a for o in objects for a in self._actors(o, index)]
        if len(between) == 1:
            between += self._detached_conjunct(objects[0], between[0], index)
        if between:
            return between, []
        # "the trilateral meeting of Cyprus, Greece and Israel"
        members = [a for o in self._prep_objects(noun, "of") for a in self._actors(o, index)]
        if len(members) > 1:
            return members, []
        # "a meeting with B", "a phone call from B"
        partners = [a for o in self._prep_objects(noun, "with", "from") for a in self._actors(o, index)]
        owner = self._child(noun, "poss")
        firsts = self._actors(owner, index) if owner is not None else []
        verb = noun.head if noun.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") else None
        through_in = False
        if verb is not None and noun.dep_ == "pobj":
            # "entered into an agreement", "restored ties in a deal brokered by China"
            through_in = verb.lower_ in ("into", "in")
            verb = verb.head if through_in else None
        if verb is not None and noun.dep_ == "nsubj":
            # "the talks brought together A and B"
            if any(c.dep_ in ("prt", "advmod") and c.lower_ == "together" for c in verb.children):
                return self._actors(self._child(verb, "dobj"), index), []
            return firsts, []
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            if not firsts and (noun.dep_ != "nsubjpass"):
                firsts = self._subjects(verb, index)
            partners += [a for o in self._prep_objects(verb, "with") for a in self._actors(o, index)]
        if partners:
            return firsts, partners
        if verb is not None and (through_in or verb.lemma_.lower() in self.lex.negotiation_light_verbs | self.lex.meet_verbs):
            return firsts, []
        return ([], []) if not owner else (firsts, [])

    def _detached_conjunct(self, obj: Token, first: ActorSpan, index: ActorIndex) -> list[ActorSpan]:
        """The second party the parser lost after an aside: "between Giuliani, claiming to
        represent the State Department, and Andriy Yermak"."""
        doc = obj.doc
        for i in range(first.span.end, obj.sent.end - 1):
            if doc[i].lower_ == "and" and doc[i - 1].text == ",":
                j = i + 1 + (doc[i + 1].pos_ == "DET")
                found = [a for a in index.at(doc[j]) if a.label == first.label and a.span.start == j]
                return found[:1]
        return []

    def _mediators(self, noun: Token, index: ActorIndex) -> list[ActorSpan]:
        """ "US-led talks", "Qatari-mediated talks", "talks brokered by Egypt" """
        found: list[ActorSpan] = []
        for child in noun.children:
            if child.lemma_.lower() in self.lex.mediation_participles or child.lower_ in self.lex.mediation_participles:
                if child.dep_ in ("amod", "compound", "nmod"):
                    # "US-led": the state modifies the participle
                    for mod in child.children:
                        if mod.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod", "nsubj"):
                            found.extend(index.headed_by(mod, Label.STATE, Label.ORGANIZATION, Label.PERSON))
                    if child.i > 1 and child.doc[child.i - 1].text in ("-", "–"):
                        found.extend(index.at(child.doc[child.i - 2], Label.STATE, Label.ORGANIZATION))
                elif child.dep_ == "acl":
                    # "talks brokered by Egypt"
                    agent = self._child(child, "agent")
                    if agent is not None:
                        found.extend(self._actors(self._child(agent, "pobj"), index))
        return distinct_actors(found)

    def _mediations(
        self, mediators: list[ActorSpan], parties: list[ActorSpan], anchor: Token, rule: str, confidence: float
    ) -> Iterator[RelationSpan]:
        """MEDIATES from each mediator to each party; a delegation's party stands for it."""
        targets = distinct_actors([p.party if p.label == Label.DELEGATION and p.party else p for p in parties])
        for mediator in mediators:
            for target in targets:
                if not same_actor(mediator, target):
                    yield RelationSpan(mediator, RelType.MEDIATES, target, anchor.sent, rule, confidence)

    def _pairs(
        self, firsts: list[ActorSpan], seconds: list[ActorSpan], rel_type: RelType, anchor: Token, rule: str,
        confidence: float,
    ) -> Iterator[RelationSpan]:
        """Each first with each second; with no seconds, every pair of the firsts ("A, B and C met")."""
        pairs: Iterable[tuple[ActorSpan, ActorSpan]]
        if seconds:
            pairs = ((a, b) for a in distinct_actors(firsts) for b in distinct_actors(seconds))
        else:
            pairs = combinations(distinct_actors(firsts), 2)
        for a, b in pairs:
            if not same_actor(a, b):
                yield RelationSpan(a, rel_type, b, anchor.sent, rule, confidence)


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
    Zelenskyy", the last person named earlier with a role of that head word."""
    holders = [
        r.source
        for r in noun.doc._.kg_relations or []
        if r.role and r.source.label == Label.PERSON and r.source.span.end <= noun.i
        and r.role.split()[-1] == noun.lemma_.lower()
    ]
    return [max(holders, key=lambda a: a.span.end)] if holders else []


def _text(tokens: Iterable[Token]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text
