"""Find and type the actors an article names.

Two components, in this order after the base model's ``ner``:

- ``kg_gazetteer`` marks every gazetteer name (states, demonyms, capitals and
  seats of power, organisations, news media) in ``doc.spans["kg_gazetteer"]``.
- ``kg_actors`` merges those matches with the base model's entities, fixes
  the small model's typing mistakes, adds delegations, and writes the typed
  actors to ``doc._.kg_actors``.

An actor here is a span with a label; giving it a canonical id is the job of
:mod:`kg.resolve`.
"""
from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.models import Label
from kg.nlp.extensions import register_extensions
from kg.nlp.tokens import lemma_positions, positions, runs

GAZETTEER_KEY = "kg_gazetteer"
# Spans of these gazetteer labels name a State, however the text refers to it.
STATE_LABELS = {"KG_STATE", "KG_DEMONYM"}
# Dependency labels under which a capital or seat of power acts ("Moscow said",
# "the Kremlin's envoy", "accused Beijing", "Kremlin spokesperson").
ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "conj", "appos", "compound", "nmod", "npadvmod", "attr"}
APOSTROPHES = {"'s", "’s", "'", "’"}
# The model's labels for words that are never part of a person's name.
NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
# The model's labels for places that are not states.
PLACE_LABELS = {"LOC", "FAC"}
# Articles before a kind, not a name: "designated as a Foreign Terrorist Organization".
INDEFINITE = {"a", "an"}
# Tags of finite verbs, which a name never holds and a headline does ("... Supports ...").
FINITE_VERB_TAGS = {"VBZ", "VBD", "VBP"}
# Dependency labels under which a name stands as a person does: "X said", "X's aides".
PERSON_DEPS = {"nsubj", "nsubjpass", "poss"}
# Punctuation at which a name ends: a clause or a citation marker glued to it ("Bashar
# al-Assad,[1", "Security Council Press Statement: Iraq"); hyphens, quotes around a nickname
# and dots of initials are part of names, and a bracket only opens a citation before a digit.
NAME_ENDS = {",", ";", ":", "."}
# The model's labels, besides PERSON, under which it may have put an actor's name.
MODEL_ACTOR_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC"}


@dataclass(frozen=True)
class ActorSpan:
    """An actor mention: the tokens, the label and what the gazetteer knows of it.

    ``ref`` is the gazetteer's id (ISO alpha-3 for a State, the organisation key
    for a known organisation) or ``None`` for a name only the model found.
    ``kind`` says how the text names it: "name", "demonym", "capital", "seat",
    "organization", "person", "delegation". A Delegation carries its ``party``.
    """

    span: Span
    label: Label
    ref: str | None
    kind: str
    party: ActorSpan | None = None

    @cached_property
    def text(self) -> str:  # remembered: a span joins its tokens' texts at every read
        return self.span.text

    @cached_property
    def root(self) -> Token:  # remembered: a span finds its root by walking its tokens' heads
        return self.span.root


@dataclass
class KnownNames:
    """What the article tells about people's names, to recognise names the model mistyped.

    ``surnames`` and ``given`` are the last and first words of the multi-word person names
    found so far; ``lone`` the proper nouns the text uses alone ("Zelenskyy said");
    ``rulers`` the names the model calls a person that a government is named after ("the
    Assad regime", "Maduro's government"); ``roots`` the syntactic roots of the person
    names found so far.
    """

    surnames: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)
    lone: set[str] = field(default_factory=set)
    rulers: set[str] = field(default_factory=set)
    roots: set[int] = field(default_factory=set)

    def add(self, span: Span) -> None:
        if len(span) > 1:
            self.surnames.add(span[-1].text)
            self.given.add(span[0].text)
        self.roots.add(span.root.i)


@Language.factory(
    "kg_gazetteer",
    assigns=["doc.spans"],
    default_config={"gazetteer_files": []},
)
def make_gazetteer_matcher(nlp: Language, name: str, gazetteer_files: list[str]) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, load_gazetteer(tuple(gazetteer_files)))


class GazetteerMatcher:
    """Mark every gazetteer name in ``doc.spans["kg_gazetteer"]``; the longest match wins.

    The gazetteer's token patterns say how each name may be written (capitals-only names
    as written, short names not in lower case, long names in any case). A phrase matcher
    on lower-case text finds the candidates in one pass, and each is then checked against
    its pattern: the same result as a token-pattern ruler, several times faster.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.patterns: dict[str, list[tuple[str, str, list[dict[str, Any]]]]] = {}
        for entry in gazetteer.patterns(nlp):
            words = [t.get("LOWER") or t["ORTH"].lower() for t in entry["pattern"]]
            key = " ".join(words)
            if key not in self.patterns:
                self.patterns[key] = []
                self.matcher.add(key, [Doc(nlp.vocab, words=words)])
            self.patterns[key].append((entry["label"], entry["id"], entry["pattern"]))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        found = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            for label, ident, pattern in self.patterns[doc.vocab.strings[match_id]]:
                if all(_token_fits(t, p) for t, p in zip(span, pattern)):
                    found.append(Span(doc, start, end, label=label, span_id=ident))
                    break
        return filter_spans(found)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[GAZETTEER_KEY] = spans


def _token_fits(token: Token, pattern: dict[str, Any]) -> bool:
    """Whether a token is written as its pattern asks: exactly (ORTH), or not in lower case."""
    if "ORTH" in pattern and token.text != pattern["ORTH"]:
        return False
    return not (pattern.get("IS_LOWER") is False and token.is_lower)


@Language.factory(
    "kg_actors",
    assigns=["doc._.kg_actors"],
    requires=["doc.ents", "doc.spans", "token.dep"],
    default_config={"gazetteer_files": []},
)
def make_actor_typer(nlp: Language, name: str, gazetteer_files: list[str]) -> ActorTyper:
    return ActorTyper(load_gazetteer(tuple(gazetteer_files)), load_lexicon())


class ActorTyper:
    """Type every actor in a Doc: gazetteer first, then the model's entities."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        register_extensions()
        self.gaz = gazetteer
        self.lex = lexicon
        # the national forces' phrases by their first word, which the word after an owner must be
        self.forces_by_first_word: dict[str, list[list[str]]] = {}
        for phrase in lexicon.national_forces:
            words = phrase.split()
            self.forces_by_first_word.setdefault(words[0], []).append(words)
        self._title_words: dict[tuple[int, int], bool] = {}  # _is_title_word() remembers its answers

    def __call__(self, doc: Doc) -> Doc:
        actors = self.match(doc)
        self.set_annotations(doc, actors)
        return doc

    def set_annotations(self, doc: Doc, actors: list[ActorSpan]) -> None:
        doc._.kg_actors = sorted(actors, key=lambda a: (a.span.start, a.span.end, a.label.value))

    def match(self, doc: Doc) -> list[ActorSpan]:
        ents = doc.ents  # read once: each read makes every entity's Span anew
        persons = [e for e in ents if e.label_ == "PERSON"]
        gazetteer = [s for s in doc.spans.get(GAZETTEER_KEY, []) if self._gazetteer_span_is_name(s)]
        acronyms = _defined_acronyms(doc)
        # a "person" whose name ends in a word of a body or force: "Saray al-Jihad Group"
        bodies = [
            self._whole_body_name(s, gazetteer)
            for s in (_strip_determiner(e) for e in persons)
            if s is not None and self._is_actor_organization(s, acronyms)
        ]
        people = [p for p in (self._trim_person(e) for e in persons) if p is not None]
        # A person's name that holds a place name is the person ("George Washington").
        matched = {(g.start, g.end) for g in gazetteer}
        people = [p for p in people if (p.start, p.end) not in matched]
        in_bodies = _tokens(bodies)
        people = [p for p in people if not _overlaps(p, in_bodies)]
        taken = _tokens(people) | _tokens(bodies)
        # a "person" the text calls a group, wherever it names it: "Liwa al-Quds, a militant group"
        groups = {p.text for p in people if self._is_named_group(p)}
        actors: list[ActorSpan] = [
            ActorSpan(p, Label.ORGANIZATION, None, "organization") if p.text in groups else ActorSpan(p, Label.PERSON, None, "person")
            for p in people
        ]
        people = [a.span for a in actors if a.label == Label.PERSON]
        actors += [ActorSpan(b, Label.ORGANIZATION, None, "organization") for b in bodies]

        for span in gazetteer:
            if _overlaps(span, taken):
                continue
            actor = self._type_gazetteer_span(span)
            if actor is not None:
                actors.append(actor)
        # Every gazetteer match is settled: a capital that does not act is a place, not an ORG.
        taken |= _tokens([a.span for a in actors]) | _tokens(gazetteer)

        proper_nouns = positions(doc, POS, "PROPN")  # two rules look at them
        known = KnownNames(lone=_lone_proper_nouns(doc, proper_nouns, self.lex.actor_verbs),
                           rulers=_rulers(doc, self.lex.government_nouns))
        deferred: list[Span] = []
        for person in people:
            known.add(person)
        for ent in ents:
            if ent.label_ not in MODEL_ACTOR_LABELS:
                continue
            # a place or a people named by actors already, word for word: nothing left to type
            if ent.label_ != "ORG" and taken.issuperset(range(ent.start, ent.end)):
                continue
            span = self._organization_name(ent, gazetteer) if ent.label_ == "ORG" else _strip_determiner(ent)
            if span is None or _overlaps(span, taken):
                if span is None or ent.label_ != "ORG":
                    continue
                # A state's government is the State ("the Australian government", "Government of Iraq").
                state = self._governed_state(span, gazetteer)
                if state is not None:
                    actors.append(ActorSpan(span, Label.STATE, state.id_, "government"))
                # An organisation named after a state is the organisation, not the state
                # ("Libyan House of Representatives"); a longer name that ends in a known one is
                # another body ("National Security Council").
                elif self._is_organization_name(span, gazetteer):
                    actors = [a for a in actors if not _named_inside(a, span)]
                    actors.append(ActorSpan(span, Label.ORGANIZATION, None, "organization"))
                continue
            if self.gaz.is_media(span.text) or any(t.lower_ in self.lex.media_words for t in span):
                continue
            if self._is_named_group(span):
                actors.append(ActorSpan(span, Label.ORGANIZATION, None, "organization"))
            elif self._looks_like_person(span, known):
                actors.append(ActorSpan(span, Label.PERSON, None, "person"))
                known.add(span)
            elif ent.label_ == "ORG" and self._is_actor_organization(span, acronyms):
                actors.append(ActorSpan(span, Label.ORGANIZATION, None, "organization"))
            else:
                deferred.append(span)
        actors = [a for a in actors if a.label != Label.PERSON or self._is_full_or_known_name(a.span, known)]
        taken = _tokens([a.span for a in actors]) | _tokens(gazetteer)
        actors.extend(self._short_organization_names(doc, actors, taken))
        forces = list(self._national_forces(doc, ents, actors))
        actors = [a for a in actors if not any(_named_inside(a, f.span) for f in forces)] + forces
        taken |= _tokens([a.span for a in actors])
        for person in self._unlabelled_people(doc, proper_nouns, taken, known):
            actors.append(person)
            known.add(person.span)
        # names the model mistyped that are coordinated with a person found since:
        # "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin"
        taken = _tokens([a.span for a in actors]) | _tokens(gazetteer)
        for span in deferred:
            if not _overlaps(span, taken) and self._looks_like_person(span, known):
                actors.append(ActorSpan(span, Label.PERSON, None, "person"))
        actors = self._without_false_persons(ents, actors)
        actors.extend(self._delegations(doc, actors))
        return actors

    def _without_false_persons(self, ents: tuple[Span, ...], actors: list[ActorSpan]) -> list[ActorSpan]:
        """Drop the "persons" whose name the article uses for a place: at one mention where a
        place stands ("fled to a camp near Ain Issa"), or as a location or facility the model
        typed elsewhere; coordinated names share the verdict ("entered Tell Tamer and Ain Issa").
        Drop pairs of surnames ("the Trump-Pence ticket") and reporters too, who are no actors."""
        places = {e.text for e in ents if e.label_ in PLACE_LABELS and len(e) > 1}
        people = [a for a in actors if a.label == Label.PERSON]
        places |= {a.text for a in people if self._in_a_place(a.span)}
        by_token = {i: a for a in people for i in range(a.span.start, a.span.end)}
        for actor in people:
            if actor.text in places:
                places |= {by_token[c.i].text for t in actor.span for c in t.conjuncts if c.i in by_token}
        # a name the article also gives a person's place is a person: "Nabil al-Quaety said"
        places -= {a.text for a in people if a.text in places and self._stands_as_person(a.span)}
        # two people's surnames joined by a hyphen or slash name a pair: "the Trump-Pence ticket"
        surnames = {a.span[-1].text for a in people if len(a.span) > 1}
        places |= {a.text for a in people if _hyphened_pair(a.span, surnames)}
        # a reporter reports and is no actor, under any of the name's forms: "VOA reporter Peter Clottey"
        reporters = {a.text.lower() for a in people if self._is_reporter(a.span)}
        reporters |= {name.split()[-1] for name in reporters}
        return [a for a in actors if a.label != Label.PERSON or (a.text not in places and a.text.lower() not in reporters)]

    def _is_reporter(self, span: Span) -> bool:
        """Whether a person is named as a journalist: the role just before the name ("VOA
        reporter Peter Clottey") or in apposition ("Peter Clottey, a VOA correspondent")."""
        doc = span.doc
        if span.start > 0 and doc[span.start - 1].lemma_.lower() in self.lex.media_roles:
            return True
        appositions = [c for c in span.root.children if c.dep_ == "appos"]
        return any(a.lemma_.lower() in self.lex.media_roles for a in appositions)

    def _stands_as_person(self, span: Span) -> bool:
        """Whether a name stands where only a person does: after a title ("party co-founder
        Howie Hawkins"), as a subject or a possessor, or beside an apposition."""
        root = span.root
        return (
            (span.start > 0 and self._is_title_word(span.doc[span.start - 1]))
            or root.dep_ in PERSON_DEPS
            or any(c.dep_ == "appos" for c in root.children)
        )

    def _national_forces(self, doc: Doc, ents: tuple[Span, ...], actors: list[ActorSpan]) -> Iterator[ActorSpan]:
        """A state's or a place's armed force, police or opposition named by the demonym or
        the place and a common noun: "the Syrian army", "the moderate Syrian opposition",
        "Iraqi armed forces", "Northamptonshire police"."""
        organizations = _tokens([a.span for a in actors if a.label == Label.ORGANIZATION])
        named = _tokens([a.span for a in actors])
        owners = [a.span for a in actors if a.kind == "demonym"]
        owners += [e for e in ents if e.label_ == "GPE" and not _overlaps(e, named)]
        for owner in owners:
            if owner.end in organizations or owner.end == len(doc):
                continue
            for words in self.forces_by_first_word.get(doc[owner.end].lower_, []):
                end = owner.end + len(words)
                tail = doc[owner.end : end]
                # the noun heads its phrase: not "Turkish army deployments"
                if (
                    end <= len(doc)
                    and [t.lower_ for t in tail] == words
                    and owner.root.head.i in range(owner.end, end)
                    and tail[-1].dep_ != "compound"
                ):
                    yield ActorSpan(doc[owner.start : end], Label.ORGANIZATION, None, "organization")
                    break

    def _short_organization_names(self, doc: Doc, actors: list[ActorSpan], taken: set[int]) -> Iterator[ActorSpan]:
        """An organisation named by its first word after its full name: "Mahan" for "Mahan Air"."""
        first_words: dict[str, ActorSpan] = {}
        for actor in actors:
            # not a particle: "al" of "al-Qaeda in Iraq" is no short name
            if (
                actor.label == Label.ORGANIZATION
                and len(actor.span) > 1
                and actor.span[0].pos_ == "PROPN"
                and actor.span[0].lower_ not in self.lex.name_particles
            ):
                if not self._is_title_word(actor.span[0]):
                    first_words.setdefault(actor.span[0].text, actor)
        for token in (doc[i] for i in positions(doc, ORTH, *first_words)):
            org = first_words[token.text]
            if token.i in taken or token.pos_ != "PROPN":
                continue
            # a place that also starts a name: "the governor of Wisconsin" is not the Wisconsin Supreme Court
            if token.ent_type_ in ("GPE", "LOC", "NORP"):
                continue
            neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
            if not any(n.pos_ == "PROPN" for n in neighbours):
                yield ActorSpan(doc[token.i : token.i + 1], Label.ORGANIZATION, org.ref, "short name", party=org)

    def _is_full_or_known_name(self, span: Span, known: KnownNames) -> bool:
        """One word is a person only as the surname of a full name, after a title ("Turkish
        president Erdoğan") or as the actor of a verb of saying or of an event; the model
        also tags "Twitter" or "Poseidon" PERSON."""
        if len(span) > 1 or span[0].text in known.surnames | known.rulers:
            return True
        return (span.start > 0 and self._is_title_word(span.doc[span.start - 1])) or self._acts(span.root)

    def _acts(self, token: Token) -> bool:
        """Whether a word is the subject or partner of a verb of saying or of an event:
        "Zelensky met Trump", "Putin and Trump had a call", "Erdogan said"; or the author of a
        wrong: "Assad's brutality", "killed at the hands of Assad"."""
        if token.dep_ == "conj":
            return self._acts(token.head)
        head = token.head
        if token.dep_ == "poss" and head.lemma_.lower() in self.lex.wrongdoing_nouns:
            return True
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "hands":
            return True
        if token.dep_ == "pobj" and head.lower_ in ("with", "by"):
            head = head.head
        elif token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return False
        return head.lemma_.lower() in self.lex.actor_verbs

    def _unlabelled_people(self, doc: Doc, proper_nouns: list[int], taken: set[int], known: KnownNames) -> Iterator[ActorSpan]:
        """Names the model left without an entity ("Rustem Umerov, Ukraine's chief negotiator");
        ``proper_nouns`` are the indices of the Doc's proper nouns."""
        proper = {i: doc[i] for i in proper_nouns if i not in taken}
        names = [i for i, t in proper.items() if t.text[:1].isupper() and t.ent_type_ not in NOT_NAMES]
        for indices in runs(names):
            run = [proper[i] for i in indices]
            while run and (skip := self._title_length(run)):
                del run[:skip]
            if len(run) > 1 and self._is_glued_month(run[0]):
                del run[0]
            span = Span(doc, run[0].i, run[-1].i + 1) if run else None
            if span is not None and len(run) <= 4 and self._looks_like_person(span, known) and self._is_full_or_known_name(span, known):
                yield ActorSpan(span, Label.PERSON, None, "person")

    # --- gazetteer matches -------------------------------------------------------------

    @staticmethod
    def _gazetteer_span_is_name(span: Span) -> bool:
        """Drop lower-case matches that are common words, not names ("the union")."""
        if span.label_ == "KG_DEMONYM":
            return span[0].text[:1].isupper()
        # long names are distinctive in any case: "its national security and defence council"
        return len(span) >= 3 or any(t.text[:1].isupper() for t in span)

    def _type_gazetteer_span(self, span: Span) -> ActorSpan | None:
        if span.label_ in STATE_LABELS:
            kind = "demonym" if span.label_ == "KG_DEMONYM" else "name"
            return ActorSpan(span, Label.STATE, span.id_, kind)
        if span.label_ == "KG_ORG":
            return ActorSpan(span, Label.ORGANIZATION, span.id_, "organization")
        if span.label_ == "KG_PLACE":
            found = self.gaz.state_by_place(span.text)
            if found and self._place_acts(span):
                state, kind = found
                return ActorSpan(span, Label.STATE, state.iso3, kind)
        return None

    def _place_acts(self, span: Span) -> bool:
        """A capital or seat is the State only where it acts, not where it is a location."""
        root = span.root
        if root.dep_ == "pobj":
            return root.head.lower_ not in self.lex.locative_prepositions
        if root.dep_ == "dobj" and root.head.lemma_.lower() in self.lex.travel_verbs:
            return False  # "visited Washington"
        if root.dep_ == "compound" and root.head.ent_type_ in ("GPE", "LOC", "FAC"):
            return False  # part of a longer place name: "Moscow Oblast"
        if root.dep_ == "compound" and root.head.lemma_.lower() in self.lex.place_unit_nouns | self.lex.place_nouns:
            return False  # an outpost or a building there: "the Washington bureau chief", "Moscow airport"
        return root.dep_ in ACTING_DEPS or root.dep_ == "ROOT"

    # --- model entities ------------------------------------------------------------------

    def _trim_person(self, ent: Span) -> Span | None:
        """Cut titles, demonyms and possessives off a PERSON entity: keep the name."""
        words = list(ent)
        # a citation marker or a clause glued to the name: "Bashar al-Assad,[1", "Mohan al-Freiji.[2"
        words = words[: next((k for k, t in enumerate(words) if _ends_name(t)), len(words))]
        if len(words) > 1 and self._is_glued_month(words[0]):
            del words[0]
        while words and words[-1].text in APOSTROPHES:
            del words[-1]
        while words and (skip := self._title_length(words)):
            del words[:skip]
        if not words or not words[-1].text[:1].isupper():
            return None
        name = Span(ent.doc, words[0].i, words[-1].i + 1)
        if any(t.lower_ in self.lex.organization_words for t in words) or self._names_a_thing(name):
            return None  # "John Radcliffe Hospital", "the Hay-Herran Treaty"
        return name

    def _is_glued_month(self, token: Token) -> bool:
        """A month the model glued to the name after it: "by the following March Harriman had"."""
        return token.lower_ in self.lex.months and token.i > 0 and token.doc[token.i - 1].lower_ in self.lex.time_words

    def _names_a_thing(self, span: Span) -> bool:
        """Whether capitalised words name an event, a document or a place, not a person: a
        word of such things in the name ("the Hay-Herran Treaty", "Ping Pong Diplomacy", "the
        Canal Zone"), a place name's first word ("Deir ez-Zor"), or a place noun the name
        modifies ("the Al Qa'im region", "the town of Tell Tamer")."""
        lower = [t.lower_ for t in span]
        if any(word in self.lex.event_words or word in self.lex.place_nouns for word in lower):
            return True
        if lower[0] in self.lex.place_name_generics:
            return True  # "Bab el-Mandeb", "Deir ez-Zor"
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            root = root.head
        return root.dep_ in ("compound", "prep") and root.head.lemma_.lower() in self.lex.place_nouns

    def _in_a_place(self, span: Span) -> bool:
        """Whether a name stands where a place does: the object of a preposition of place,
        itself or as a conjunct of another name ("throughout Al Anbar", "near Ain Issa and
        Tell Tamer")."""
        root = span.root
        while root.dep_ == "conj" and root.head.pos_ == "PROPN":
            root = root.head
        return root.dep_ == "pobj" and root.head.lower_ in self.lex.place_prepositions

    def _title_length(self, words: list[Token]) -> int:
        """How many of the consecutive ``words`` are a title at their start: "Prime Minister",
        "Mr", "Ukrainian"."""
        lower = [t.lower_ for t in words[:4]]
        for n in range(len(lower), 1, -1):
            if self.gaz.role(" ".join(lower[:n])) is not None:
                return n
        return 1 if self._is_title_token(words[0]) else 0

    def _is_title_token(self, token: Token) -> bool:
        """A word that may precede a name but is not part of it: lower case, or a title; not
        a name's particle joined to it ("al-Zarqawi")."""
        doc = token.doc
        if token.lower_ in self.lex.name_particles and token.i + 1 < len(doc) and doc[token.i + 1].text == "-":
            return False
        return not token.text[:1].isupper() or self._is_title_word(token)

    def _is_title_word(self, token: Token) -> bool:
        """An honorific, a role, a demonym or a state's name: "Mr", "Presidents", "Ukrainian"."""
        key = (token.orth, token.lemma)  # the word and its lemma decide: the same answer everywhere
        answer = self._title_words.get(key)
        if answer is None:
            if len(self._title_words) > 1 << 16:  # bounded: a long run meets ever new words
                self._title_words.clear()
            answer = self._title_words[key] = (
                token.lower_ in self.gaz.honorifics
                or self.gaz.role(token.lemma_.lower()) is not None
                or token.lower_.rstrip(".") in self.gaz.honorifics
                or self.gaz.role(token.lower_) is not None
                or self.gaz.state_by_demonym(token.text) is not None
                or self.gaz.state_by_name(token.text) is not None
            )
        return answer

    def _is_actor_organization(self, span: Span, acronyms: set[str]) -> bool:
        """A model ORG the gazetteer does not know is an actor when its name says it is a
        body, force, party or agency ("Northamptonshire Police"), or when it is an acronym
        the text spells out (``acronyms``: "Syrian Democratic Forces (SDF)")."""
        first, *rest = span
        if any(t.lower_ in self.lex.actor_organization_words for t in rest if t.text[:1].isupper()):
            return True
        return not rest and first.is_upper and len(first) > 1 and first.text in acronyms

    def _whole_body_name(self, span: Span, gazetteer: list[Span]) -> Span:
        """The name with the capitalised words the model left before it: "[Monotheism]
        Supporters Brigades"; not a title, a known name or a word of a sentence's start."""
        doc, start = span.doc, span.start
        known = _tokens(gazetteer)
        while (
            start > span.sent.start + 1
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
            and not doc[start - 1].ent_type_
            and start - 1 not in known
            and not self._is_title_word(doc[start - 1])
        ):
            start -= 1
        return doc[start : span.end]

    def _is_named_group(self, span: Span) -> bool:
        """Whether a name stands beside a noun of a group, as its apposition, in a list after
        it or as the subject of "be": "the Haganah, the underground militia of ...", "two
        small groups, the Irgun and LEHI", "X is a militant group"."""
        doc = span.doc
        if span.start > 0 and self._is_title_word(doc[span.start - 1]):
            return False  # "future president Donald Trump"
        root = span.root
        while root.dep_ == "conj" and root.head.pos_ == "PROPN":
            root = root.head
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        # a list right after a plural group noun: "two groups, the Irgun and LEHI"
        if root.dep_ == "conj" and root.head.tag_ == "NNS":
            first = root.left_edge
            if first.i > 0 and doc[first.i - 1].text == ",":
                nouns.append(root.head)
        # the subject of "be" with a group as complement: "Liwa al-Quds is a militant group"
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            nouns += [c for c in root.head.children if c.dep_ == "attr"]
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in self.lex.group_nouns for n in nouns)

    def _organization_name(self, ent: Span, gazetteer: list[Span]) -> Span | None:
        """The name in a model ORG, or None where the words are no organisation's name.

        None for a kind of organisation ("designated as a Foreign Terrorist Organization"),
        a headline ("Department of State Supports the Conservation of ..."), a document
        ("Security Council Press Statement"); a role after the name is cut off ("the U.S.
        Embassy Chargé d'Affaires" -> "U.S. Embassy"); a body of a known organisation named
        after it is one name ("the Central Committee of the Chinese Communist Party").
        """
        doc = ent.doc
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in ent.root.children):
            return None
        tokens = list(ent)
        # a name ends at a comma or colon: "Security Council Press Statement: Iraq"
        end = next((k for k, t in enumerate(tokens) if _ends_name(t)), len(tokens))
        cut = end < len(tokens)
        words = _name_words(tokens[:end])
        if not words or any(t.tag_ in FINITE_VERB_TAGS or _headline_article(t) for t in words):
            return None
        span = Span(doc, words[0].i, words[-1].i + 1)
        for before, token in itertools.pairwise(words):
            if token.text[:1].isupper() and before.text[:1].isupper() and self._role_starts(token):
                span = Span(doc, span.start, token.i)
                break
        if span[-1].lower_ in self.lex.event_words:
            return None
        if not cut and span.end == ent.end and span.end < len(doc) and doc[span.end].lower_ == "of":
            parent = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the")
            known = next((g for g in gazetteer if g.start == parent and g.label_ == "KG_ORG"), None)
            if known is not None:
                span = doc[span.start : known.end]
        return span

    def _role_starts(self, token: Token) -> bool:
        """Whether a role of one to three words starts at ``token``: "Chargé d'Affaires"."""
        written = ""  # the words before, as the text has them
        for word in token.doc[token.i : token.i + 3]:
            if self.gaz.role(written + word.text, exact=True) is not None:
                return True
            written += word.text_with_ws
        return False

    def _governed_state(self, span: Span, gazetteer: list[Span]) -> Span | None:
        """The state whose government ``span`` names: one state's name or demonym and
        otherwise only words of government ("the U.S. government", "the Federal Government
        of Iraq", "the Israeli Provisional Government"); None for any other name."""
        inner = [g for g in gazetteer if g.start >= span.start and g.end <= span.end]
        if len({g.id_ for g in inner}) != 1 or inner[0].label_ not in STATE_LABELS:
            return None
        rest = [t for t in span if not any(g.start <= t.i < g.end for g in inner)]
        if not any(t.lower_ in self.lex.government_nouns for t in rest):
            return None
        words = self.lex.government_nouns | self.lex.government_modifiers
        return inner[0] if all(t.lower_ in words or t.is_punct or t.text in APOSTROPHES for t in rest) else None

    def _is_organization_name(self, span: Span, gazetteer: list[Span]) -> bool:
        """An ORG entity strictly longer than the state name inside it, with a capitalised word
        of a body, force or party ("Libyan National Army"; not "the Iraqi Museum", "Post-Soviet")."""
        inner = [g for g in gazetteer if g.start >= span.start and g.end <= span.end]
        # a known organisation and where it is: "the ruling Democratic Rally in Cyprus"
        if any(g.start == span.start and g.label_ == "KG_ORG" and g.end < len(span.doc)
               and span.doc[g.end].lower_ in self.lex.place_prepositions for g in inner):
            return False
        return bool(inner) and all(len(g) < len(span) for g in inner) and any(self._is_body_word(t) for t in span)

    def _is_body_word(self, token: Token) -> bool:
        """A capitalised word of a body, force or party: "Army", "Association"; not a
        newspaper's "Post" or "Times"."""
        word = token.lower_
        return (
            token.text[:1].isupper()
            and (word in self.lex.organization_words or word in self.lex.actor_organization_words)
            and word not in self.lex.media_words
        )

    def _looks_like_person(self, span: Span, known: KnownNames) -> bool:
        """The small model types many names as ORG or GPE, or misses them: catch the person's name.

        One word is a person's name when it is the surname of a person named in full or
        follows a capitalised office ("President Umbardacil"). Two
        to four capitalised words are when their last word is such a surname or is used
        alone elsewhere ("Zelenskyy said", which an organisation's last word rarely is),
        when their first word is another person's given name ("Nikos Dendias, Nikos
        Christodoulides"), when they are coordinated with a person's name, stand in
        apposition to a role, or follow a title.
        """
        words = [t for t in span if not t.is_punct]
        if not words or len(words) > 4:
            return False
        # one word: a surname named in full before, or a name right after a capitalised office
        # (asked first: most single words are neither)
        if len(words) == 1 and not (words[0].text in known.surnames or self._follows_office(span)):
            return False
        if any(t.lower_ in self.lex.organization_words for t in words) or self._names_a_thing(span):
            return False
        if self.gaz.role(span.text.lower()) is not None:
            return False  # a title without a name: "Prime Minister"
        names = [t for t in words if t.lower_ not in self.lex.name_particles and t.text != "-"]
        if not names or not all(t.text[:1].isupper() and not t.is_upper for t in names):
            return False  # acronyms (GRU, NATO) are organisations
        if len(words) == 1:
            return True  # a surname or a name after an office, as asked above
        if words[-1].text in known.surnames or words[-1].text in known.lone or words[0].text in known.given:
            return True
        root = span.root
        # coordinated with a person: "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin"
        if (root.dep_ == "conj" and root.head.i in known.roots) or any(c.i in known.roots for c in root.conjuncts):
            return True
        # apposition with a role: "Kyrylo Budanov, the former head of ..."
        appositions = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            appositions.append(root.head)
        if any(self.gaz.role(t.lower_) for a in appositions for t in a.subtree):
            return True
        # preceded by an honorific or a title: "President Erdogan"
        return span.start > 0 and self._is_title_word(span.doc[span.start - 1])

    def _follows_office(self, span: Span) -> bool:
        """Whether a capitalised office that heads or speaks for something stands right before
        the span: "President Umbardacil"; not an honorific alone ("General Motors") nor an office
        of a member ("Member State")."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        office = self.gaz.role(before.lower_, exact=True) if before is not None and before.text[:1].isupper() else None
        return office is not None and office.relation != "MEMBER_OF"

    # --- delegations ----------------------------------------------------------------------

    def _delegations(self, doc: Doc, actors: list[ActorSpan]) -> Iterator[ActorSpan]:
        """Teams that negotiate for a party: "the Russian delegation", "Ukraine's team",
        "Ukrainian and Russian negotiators", "the delegations of Cyprus, Greece and Israel"."""
        parties = {a.root.i: a for a in actors if a.label in (Label.STATE, Label.ORGANIZATION)}
        nouns = positions(doc, POS, "NOUN", "PROPN")
        for token in (doc[i] for i in lemma_positions(doc, self.lex.delegation_nouns, among=nouns)):
            if token.lemma_.lower() in self.lex.delegation_plural_only and token.tag_ not in ("NNS", "NNPS"):
                continue
            # a team of another kind: "the Brazilian football team", "Turkey's Olympic delegation"
            if any(c.dep_ in ("amod", "compound") and c.lower_ in self.lex.other_team_kinds for c in token.subtree if c.i < token.i):
                continue
            # a side that is a place: "the Syrian side of the border", "tanks on the East German side"
            if token.lemma_.lower() in self.lex.delegation_place_nouns and self._is_a_place_side(token):
                continue
            found = [parties[c.i] for c in _party_modifiers(token) if c.i in parties]
            if not found:
                continue
            left = min([token.i] + [p.span.start for p in found if p.span.start < token.i])
            if left > 0 and doc[left - 1].dep_ == "det" and doc[left - 1].head == token:
                left -= 1
            span = doc[left : token.i + 1]
            for party in found:
                yield ActorSpan(span, Label.DELEGATION, party.ref, "delegation", party=party)

    def _is_a_place_side(self, noun: Token) -> bool:
        """Whether "side" names a place: it has an "of" complement ("the Syrian side of the
        border"), or a preposition of place governs it ("on the East German side")."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ in self.lex.side_place_prepositions


def _party_modifiers(noun: Token) -> Iterable[Token]:
    """The tokens that name whose team a delegation noun is, conjuncts included."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            yield child
            yield from (c for c in child.conjuncts)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj
                    yield from obj.conjuncts


def _defined_acronyms(doc: Doc) -> set[str]:
    """The words the text spells out in brackets after a name: "SDF" of "Syrian Democratic
    Forces (SDF)", not "LNG" of "liquefied natural gas (LNG)"."""
    return {
        doc[i + 1].text for i in positions(doc, ORTH, "(")  # i: the bracket before it
        if 0 < i < len(doc) - 2 and doc[i + 2].text == ")" and doc[i - 1].text[:1].isupper()
    }


def _lone_proper_nouns(doc: Doc, proper_nouns: list[int], actor_verbs: frozenset[str]) -> set[str]:
    """Proper nouns used alone as someone who speaks or acts: "Zelenskyy" in "Zelenskyy said",
    "Trump's call". Names of places and things rarely stand there. ``proper_nouns``: the
    indices of the Doc's proper nouns."""
    proper = set(proper_nouns)

    def capitalised(i: int) -> bool:
        return i in proper and doc[i].text[:1].isupper()

    def acts(t: Token) -> bool:
        return t.dep_ == "poss" or (t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in actor_verbs)

    # only a subject or a possessor acts: look no further than those
    return {
        doc[i].text for i in positions(doc, DEP, "poss", "nsubj", "nsubjpass")
        if capitalised(i) and not capitalised(i - 1) and not capitalised(i + 1) and doc[i].is_alpha and acts(doc[i])
    }


def _rulers(doc: Doc, government_nouns: frozenset[str]) -> set[str]:
    """One-word names that a government is named after ("the Assad regime", "Maduro's
    government") and that the model tags PERSON there and at least once more: the ruler
    is a person wherever the name stands (but "the Goa government" names a place)."""
    persons = [doc[i] for i in positions(doc, ENT_TYPE, "PERSON")]
    as_person = Counter(t.text for t in persons if t.pos_ == "PROPN" and t.is_alpha)
    return {
        t.text for t in persons
        if as_person[t.text] > 1 and t.dep_ in ("compound", "poss")
        and t.head.lemma_.lower() in government_nouns
    }


def _hyphened_pair(span: Span, surnames: set[str]) -> bool:
    """Whether ``span`` is two surnames of the article joined by a hyphen or a slash:
    "Trump-Biden", "Hawkins/Walker"."""
    if len(span) != 3:
        return False
    first, joint, last = (t.text for t in span)
    return joint in ("-", "/") and first in surnames and last in surnames


def _ends_name(token: Token) -> bool:
    """Whether a name ends at this token: see NAME_ENDS."""
    doc = token.doc
    citation = token.text == "[" and token.i + 1 < len(doc) and doc[token.i + 1].like_num
    return token.text in NAME_ENDS or citation


def _headline_article(token: Token) -> bool:
    """An article inside a name after a word that is no preposition or conjunction: a
    headline's verb ("... Supports the Conservation of ..."), not "Department of the Treasury"."""
    if token.lower_ != "the" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.is_alpha and before.pos_ not in ("ADP", "CCONJ", "SCONJ", "PART")


def _named_inside(actor: ActorSpan, name: Span) -> bool:
    """Whether ``actor`` is only a word of an organisation's longer name: the demonym in "the
    Libyan House of Representatives", the known body that ends "National Security Council"."""
    if actor.label == Label.STATE:
        return actor.kind == "demonym" and name.start <= actor.span.start and actor.span.end <= name.end
    return actor.label == Label.ORGANIZATION and actor.ref is not None and _ends(actor.span, name)


def _ends(inner: Span, outer: Span) -> bool:
    """Whether ``inner`` ends a longer name whose first words are its own, not a possessor's:
    "National Security Council", not "Trump's State Department"."""
    head = outer.doc[outer.start : inner.start]
    return (
        len(head) > 0
        and inner.end == outer.end
        and not any(t.text in APOSTROPHES for t in head)
        and head[-1].pos_ not in ("ADP", "DET")  # "the Central Committee of the Communist Party"
    )


def _tokens(spans: Iterable[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _overlaps(span: Span, indices: set[int]) -> bool:
    """Whether one of the span's token indices is in ``indices``."""
    return not indices.isdisjoint(range(span.start, span.end))


def _strip_determiner(span: Span) -> Span | None:
    """The span without a leading article, a trailing possessive, preposition or bracket:
    "the United States Commission on International Religious Freedom (USCIRF" -> its name."""
    words = _name_words(list(span))
    return Span(span.doc, words[0].i, words[-1].i + 1) if words else None


def _name_words(words: list[Token]) -> list[Token]:
    """:func:`_strip_determiner` on consecutive tokens already made: the words of the name."""
    bracket = next((k for k, t in enumerate(words) if t.text == "("), None)
    if bracket:  # not a bracket that opens the span
        words = words[:bracket]
    start, end = 0, len(words)
    while start < end and (words[start].lower_ in ("the", "a", "an") or words[start].is_punct):
        start += 1
    while end > start and (words[end - 1].text in APOSTROPHES or words[end - 1].is_punct or words[end - 1].pos_ in ("ADP", "CCONJ")):
        end -= 1
    return words[start:end]

