"""Structural relations: who leads, sits on or represents which state, body or delegation.

The ``kg_structural_relations`` component reads LEADS, MEMBER_OF and REPRESENTS
from the ways English attaches a role to a person:

- a title before the name: "Ukrainian President Volodymyr Zelensky",
  "AU trade and industry commissioner Albert Muchanga";
- an apposition after or before it: "Rustem Umerov, Ukraine's chief negotiator",
  "the Nato secretary general, Mark Rutte";
- a copula or relative clause: "al-Muhandis was the deputy commander of the PMF",
  "X, who later became the President of Syria", "the Syrian Army, whose commander-in-chief is X";
- a verb: "The Russian delegation is led by Igor Kostyukov",
  "Ukraine's team includes Kyrylo Budanov", "..., alongside Kirill Dmitriev",
  "the Kurdistan Regional Government, represented by Prime Minister X".

A role phrase ("chief negotiator", "secretary general", "foreign minister")
comes from the gazetteer's titles, which say which relation it gives and to
what kind of actor. The actor it is a role *of* is its anchor: a state,
demonym, seat of power, organisation or delegation in the same phrase.
A title with no anchor ("Foreign Secretary Dominic Raab") is completed from the
rest of the article where it can be (:mod:`kg.nlp.document_roles`), else left
as a ``TitleSpan`` for the graph to complete from other articles.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.attrs import LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer, RoleEntry, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.models import Label, RelType
from kg.nlp.actors import ActorSpan
from kg.nlp.document_roles import NamedParties, body_state, complete_titles
from kg.nlp.extensions import register_extensions
from kg.nlp.relations import ActorIndex, RelationSpan, TitleSpan, conjuncts_with, distinct_actors, unique_relations
from kg.nlp.tokens import lemma_positions, positions

PARTIES = (Label.STATE, Label.ORGANIZATION, Label.DELEGATION)
MAX_ROLE_WORDS = 8  # "assistant to the president for national security affairs"

HYPHENS = ("-", "–")
# verbs that give their subject the role their complement names: "X became the President of Syria"
COPULAS = {"be", "become"}
# "the Kurdistan Regional Government, represented by X": X acts on its behalf
REPRESENT_VERBS = {"represent"}
# the model's entity types of a name that makes a title someone's: "Montana Secretary of State"
PLACE_OR_BODY_ENTS = {"GPE", "LOC", "ORG", "NORP", "FAC"}
# the model's entity types of a name that is no body: "Tehran member", "Friday member"
NOT_BODY_ENTS = {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "FAC"}
# a verb's own subject
SUBJECTS = {"nsubj", "nsubjpass", "expl"}
# modifiers that name whose a noun is: "the Iraqi government", "Iraq's government"
OWNER_DEPS = {"amod", "compound", "poss", "nmod"}


@dataclass
class Role:
    """A role phrase found next to a person, with the actors it is a role of."""

    phrase: str
    entry: RoleEntry
    start: int  # token index of the phrase's first word
    end: int  # token index after its last word
    rule: str
    anchors: list[ActorSpan] = field(default_factory=list)
    past: bool = False
    sector: str | None = None  # a noun narrowing the role: "intelligence" chief, "opposition" leader
    unknown_party: bool = False  # of a place or body that is no actor: "Montana Secretary of State"


@Language.factory(
    "kg_structural_relations",
    assigns=["doc._.kg_relations", "doc._.kg_actors", "doc._.kg_titles"],
    requires=["doc._.kg_actors", "doc.spans", "token.dep"],
    default_config={"gazetteer_files": []},
)
def make_structural_relations(nlp: Language, name: str, gazetteer_files: list[str]) -> StructuralRelations:
    return StructuralRelations(load_gazetteer(tuple(gazetteer_files)), load_lexicon())


class StructuralRelations:
    """LEADS, MEMBER_OF and REPRESENTS from titles, appositions, copulas and verbs."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        register_extensions()
        self.gaz = gazetteer
        self.lex = lexicon
        # nouns for a state's government that name a body: "government", "administration", "regime"
        self.government_nouns = lexicon.state_proxy_nouns & lexicon.organization_words
        # the lemmas of the verbs that state a relation: "lead", "include", "join", "represent"
        self.relation_verb_lemmas = (lexicon.lead_verbs | lexicon.membership_verbs
                                     | lexicon.passive_membership_verbs | REPRESENT_VERBS)

    def __call__(self, doc: Doc) -> Doc:
        index = ActorIndex(doc)
        relations, titles = self.match(doc, index)
        self.set_annotations(doc, index, relations, titles)
        return doc

    def set_annotations(
        self, doc: Doc, index: ActorIndex, relations: list[RelationSpan], titles: list[TitleSpan]
    ) -> None:
        doc._.kg_actors = sorted(index.actors, key=lambda a: (a.span.start, a.span.end, a.label.value))
        doc._.kg_relations = list(doc._.kg_relations or []) + relations
        doc._.kg_titles = list(doc._.kg_titles or []) + titles

    def match(self, doc: Doc, index: ActorIndex) -> tuple[list[RelationSpan], list[TitleSpan]]:
        people = [a for a in index.actors if a.label == Label.PERSON]
        roles = {id(p): self._roles(p, index) for p in people}
        self._share_roles_across_coordination(people, roles, index)
        open_roles = [
            (p, r) for p in people for r in roles[id(p)]
            if not r.anchors and not r.past and not r.sector and r.entry.relation != "MEMBER_OF"
        ]
        # the article completes a title from its named states, unless the title names a party
        # that is no actor ("Montana Secretary of State": left to other articles about the person)
        named = NamedParties(doc, index)
        relations, titles = complete_titles(
            [TitleSpan(p, r.phrase, RelType(r.entry.relation), p.span.sent) for p, r in open_roles if not r.unknown_party],
            self.gaz, named)
        titles += [TitleSpan(p, r.phrase, RelType(r.entry.relation), p.span.sent) for p, r in open_roles if r.unknown_party]
        for person in people:
            for role in roles[id(person)]:
                relations.extend(self._role_relations(person, role, index, named))
        relations.extend(self._distributed_roles(doc, index))
        relations.extend(self._roles_of_people(people, roles, relations))
        verbs = list(self._verb_relations(doc, index))
        completed, titles = _complete_titles_by_verbs(verbs, titles)
        relations.extend(completed)
        return unique_relations(relations), titles

    # --- finding roles ---------------------------------------------------------------------

    def _roles(self, person: ActorSpan, index: ActorIndex) -> list[Role]:
        doc = person.span.doc
        found: list[Role] = []
        root = person.root
        # title before the name: "Ukrainian President Volodymyr Zelensky"
        # "Presidents Muhammadu Buhari of Nigeria": the party after the name
        after = self._of_anchors(root, index)
        found.extend(self._title_roles(self._title_region(person, index), after, index))
        if not any(role.anchors for role in found):
            # the parser often breaks long titles apart: read the words before the name in order
            flat = self._title_roles(self._words_before(person, index), after, index)
            if any(role.anchors for role in flat) or not found:
                found = flat
        # apposition after the name: "Rustem Umerov, Ukraine's chief negotiator and the head of ..."
        appositions = [c for c in root.children
                       if c.dep_ == "appos" and not _inside(c, person.span) and not index.at(c, Label.PERSON)
                       and not self._plural_role_of_others(c, root, index)]
        # a word the tokenizer split at its hyphens is one noun: "former vice-president of X"
        for word in _hyphenated_words(appositions):
            for noun in conjuncts_with(word[-1]):
                parts = word if noun == word[-1] else [noun]
                region = sorted({t for part in parts for t in self._noun_phrase(part, stop=person.span)}, key=lambda t: t.i)
                found.extend(self._read_region(region, index, "apposition", noun))
        # apposition before the name: "the Nato secretary general, Mark Rutte" (not a role
        # another name stands between: "prime minister A and ..., and energy minister B")
        if (root.dep_ == "appos" and not index.at(root.head, Label.PERSON) and root.head.i < person.span.start
                and not _people_between(root.head.i, person.span.start, index)):
            found.extend(self._read_region(self._noun_phrase(root.head, stop=person.span), index, "apposition",
                                            root.head))
        # the same, read in text order where the parser missed it: "Carter and his Secretary of
        # State, Cyrus Vance, pursued ..." (the name set off by commas on both sides)
        start, end = person.span.start, person.span.end
        if not found and start >= 2 and doc[start - 1].text == "," and end < len(doc) and doc[end].text == ",":
            found.extend(self._read_region(self._words_before(person, index, end=start - 1), index, "apposition"))
        # copula: "al-Muhandis was the deputy commander of the PMF", "whose head is X"
        if root.head.lemma_ == "be" and root.dep_ in ("nsubj", "attr") and self._factual(root.head):
            other = "attr" if root.dep_ == "nsubj" else "nsubj"
            for child in root.head.children:
                if child.dep_ == other and not index.at(child, Label.PERSON):
                    roles = self._read_region(self._noun_phrase(child, stop=person.span), index, "copula", child)
                    # "the Syrian Army, whose commander-in-chief is X": the role is of the antecedent
                    if root.head.dep_ == "relcl" and any(c.tag_ == "WP$" for c in child.children):
                        for role in roles:
                            role.anchors = role.anchors or self._party_of(root.head.head, index)
                    found.extend(roles)
        # a copula coordinated with the verb the name is subject of: "X, born in Mosul, was a militant"
        if root.dep_ == "nsubj":
            for verb in root.head.conjuncts:
                if verb.lemma_ == "be" and not any(c.dep_ in SUBJECTS for c in verb.children) and self._factual(verb):
                    found.extend(self._complements(verb, person, index))
        # relative clause: "X, who is the President of Syria", "his brother X, who later became ..."
        nouns = [root, root.head] if root.dep_ == "appos" else [root]
        clauses = [c for noun in nouns for c in noun.children if c.dep_ == "relcl"]
        # the same in text order, where the parser lost the clause: "X,[1] who would later become ..."
        who = _relative_pronoun_after(person)
        if who is not None and who.head not in clauses:
            clauses.append(who.head)
        for clause in clauses:
            if clause.lemma_ in COPULAS and self._factual(clause):
                if any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in clause.children):
                    found.extend(self._complements(clause, person, index))
        # "X serves as foreign minister"
        if root.head.lemma_ == "serve" and root.dep_ == "nsubj":
            for prep in root.head.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            found.extend(self._read_region(self._noun_phrase(obj, stop=person.span), index, "copula",
                                                                obj))
        del doc
        return found

    def _complements(self, verb: Token, person: ActorSpan, index: ActorIndex) -> list[Role]:
        """The roles a copula's complement names: "was [the President of Syria]"."""
        roles: list[Role] = []
        for attr in (c for c in verb.children if c.dep_ == "attr" and not index.at(c, Label.PERSON)):
            roles.extend(self._read_region(self._noun_phrase(attr, stop=person.span), index, "copula", attr))
        return roles

    def _factual(self, verb: Token) -> bool:
        """A copula that says what is or was: not negated, not modal ("would be"), except the
        future-in-the-past of a narrative ("who would later become president")."""
        if any(c.dep_ == "neg" for c in verb.children):
            return False
        modal = any(c.dep_ == "aux" and c.lower_ in self.lex.nonfactual_auxiliaries for c in verb.children)
        later = any(c.dep_ == "advmod" and c.lower_ == "later" for c in verb.children)
        return not modal or later

    @staticmethod
    def _plural_role_of_others(noun: Token, root: Token, index: ActorIndex) -> bool:
        """A plural role is not one person's ("Columbus, US presidents Washington and Grant"):
        it belongs to the names it goes with, or to a person coordinated with others."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return False
        names_its_own = any(c.dep_ in ("appos", "compound") and index.at(c, Label.PERSON) for c in noun.children)
        return names_its_own or not root.conjuncts

    def _title_roles(self, region: list[Token], after: list[ActorSpan], index: ActorIndex) -> list[Role]:
        """The roles in a title; the party named after the name belongs to the last one, when
        the title names none ("President Buhari of Nigeria", but "US President Donald Trump of
        the Republican Party" is the president of the US)."""
        roles = self._read_region(region, index, "title")
        if roles and not roles[-1].anchors:
            roles[-1].anchors.extend(after)
        return roles

    def _title_region(self, person: ActorSpan, index: ActorIndex) -> list[Token]:
        """The words before a name that modify it, up to a comma or a word outside its phrase."""
        doc = person.span.doc
        root = person.root
        region: list[Token] = []
        i = person.span.start - 1
        sent_start = person.span.sent.start
        while i >= sent_start:
            token = doc[i]
            if _line_break(token):
                break  # a headline above the name: "Statement on Syria\n\nForeign Secretary X"
            if token.text == "," or token.pos_ in ("VERB", "AUX", "ADP") and token.lower_ != "of":
                break
            if index.at(token, Label.PERSON):
                # another person's name: "US President Donald Trump and Turkish President X"; one
                # that names whose office it was keeps the title's past: "former Bill Clinton
                # White House Press Secretary X"
                other = index.at(token, Label.PERSON)[0]
                before = doc[other.span.start - 1] if other.span.start > sent_start else None
                if before is not None and root in token.ancestors and self._not_in_office(before):
                    region.append(before)
                break
            if not (token.head == root or root in token.ancestors):
                break
            region.append(token)
            i -= 1
        return sorted(region, key=lambda t: t.i)

    def _words_before(self, person: ActorSpan, index: ActorIndex, end: int | None = None) -> list[Token]:
        """The title words right before a name (or before token ``end``), read flat: "US
        Ambassador to Germany Richard Grenell"."""
        doc = person.span.doc
        region: list[Token] = []
        i = (person.span.start if end is None else end) - 1
        while i >= person.span.sent.start:
            token = doc[i]
            if _line_break(token):
                break
            if token.is_punct and token.text not in ("-", "–") or token.pos_ in ("VERB", "AUX") or index.at(token, Label.PERSON):
                break
            if token.pos_ == "ADP" and token.lower_ not in ("of", "to", "for"):
                break  # "under former president X", "by the President of the United States X"
            is_role = self.gaz.role(token.lower_, exact=True) is not None
            if token.is_lower and not is_role and token.dep_ not in ("compound", "amod", "prep", "det", "case", "pobj"):
                break
            region.append(token)
            i -= 1
        while region and region[-1].pos_ in ("ADP", "DET"):
            region.pop()
        return region[::-1]

    def _noun_phrase(self, noun: Token, stop: Span) -> list[Token]:
        """A role noun's phrase, without clauses, conjuncts or the person's own name."""
        skip = {"relcl", "acl", "conj", "cc", "appos", "punct", "advcl"}
        tokens = [noun]
        for child in noun.children:
            # a hyphen stays: the tokenizer split "secretary-general" at it
            if (child.dep_ in skip and child.text not in HYPHENS) or _inside(child, stop):
                continue
            tokens.extend(t for t in child.subtree if not _inside(t, stop))
        return sorted(tokens, key=lambda t: t.i)

    def _of_anchors(self, root: Token, index: ActorIndex) -> list[ActorSpan]:
        anchors: list[ActorSpan] = []
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        for token in conjuncts_with(obj):
                            anchors.extend(index.headed_by(token, *PARTIES))
        return anchors

    def _read_region(self, region: list[Token], index: ActorIndex, rule: str, head: Token | None = None) -> list[Role]:
        """Find role phrases in a run of tokens and attach each anchor actor to one of them.

        ``head``, the noun of an apposition or a complement, must be in the role: in "X was
        an adviser to the President of France" the role named is adviser, not President.
        """
        # another person's title belongs to them: "French President Emmanuel Macron's spokeswoman"
        people = {a.root.i for t in region for a in index.at(t, Label.PERSON)}
        if people:
            region = [t for t in region if index.at(t, Label.PERSON) or not any(a.i in people for a in t.ancestors)]
        if not region:
            return []
        roles = self._role_phrases(region, index, rule)
        if head is not None:
            head = _partitive_head(head)
            roles = [r for r in roles if r.start <= head.i < r.end or _compounds(r, head)]
        if not roles:
            return []
        for role in roles:
            self._name_body_of_membership(role, index)
        anchors = _outermost([a for t in region for a in index.at(t, *PARTIES, Label.PERSON)], region)
        # "Ambassador to Germany", "envoy to the talks": the host is not the party represented
        # (a preposition before the region is not the role's: "talk to Arnor leader X")
        inside = {t.i for t in region}
        anchors = [a for a in anchors if _preposition_before(a, inside) != "to"]
        # "a spokesman for the PMF": "for" names the party only when nothing else does
        if any(_preposition_before(a, inside) != "for" for a in anchors):
            anchors = [a for a in anchors if _preposition_before(a, inside) != "for"]
        for anchor in anchors:
            after = [r for r in roles if r.start > anchor.span.start]
            role = after[0] if after else roles[-1]
            role.anchors.append(anchor)
        # "former", "ex-", "shadow": the person does not hold the role now
        past = {t.i for t in region if self._not_in_office(t)}
        # ... also right before the phrase the parser gave: "Former UN Secretary-General X", "Then-Secretary X"
        before = _word_before(region[0])
        if before is not None and self._not_in_office(before):
            past.add(before.i)
        for role in roles:
            role.past = any(i < role.start for i in past)
            role.unknown_party = any(t.i < role.start and t.ent_type_ in PLACE_OR_BODY_ENTS and t.pos_ == "PROPN"
                                     and not index.at(t) for t in region)
            # a longer office: "Secretary of State for Northern Ireland" is no US Secretary of State
            after = region[0].doc[role.end] if role.end < len(region[0].doc) else None
            role.unknown_party |= after is not None and after.i in inside and after.lower_ == "for"
        return roles

    def _owner_states(self, body: ActorSpan, index: ActorIndex) -> list[ActorSpan]:
        """The state that modifies the name of a body the gazetteer knows as that state's own:
        "Iran's Quds Force" (not "the Greek Energy Forum", which is no body of Greece)."""
        entry = self.gaz.organizations.get(body.ref) if body.ref else None
        if entry is None or entry.kind != "national_body":
            return []
        return [a for a in index.actors if a.label == Label.STATE and a.ref == entry.state
                and a.root.dep_ in OWNER_DEPS and body.span.start <= a.root.head.i < body.span.end]

    def _not_in_office(self, token: Token) -> bool:
        """ "former", "ex-", "then", "shadow": a word that says the person does not hold the role now."""
        word = token.lower_
        return word in self.lex.past_role_modifiers or word.startswith("ex-") or word in self.gaz.not_in_office

    def _name_body_of_membership(self, role: Role, index: ActorIndex) -> None:
        """A proper name right before a membership role names the body it is of, even where
        the model found no entity: "Politburo member X", "Wagner fighter X" (not a generic
        noun such as "Army officer" or "Cabinet member", whose body the text does not name)."""
        if role.entry.relation != "MEMBER_OF":
            return
        doc = index.doc
        i = role.start
        while i > 0 and _unnamed_proper(doc[i - 1], index):
            i -= 1
        name = doc[i : role.start]
        # after it: "a member of the North Korean Politburo"
        j = role.end + 1
        if not name and role.end < len(doc) and doc[role.end].lower_ == "of":
            while j < len(doc) and (doc[j].pos_ == "DET" or index.at(doc[j], Label.STATE)):
                j += 1
            k = j
            while k < len(doc) and _unnamed_proper(doc[k], index):
                k += 1
            name = doc[j:k]
        if not name or any(t.ent_type_ in NOT_BODY_ENTS for t in name):
            return
        if all(t.lower_ in self.lex.organization_words for t in name):
            return
        if any(self.gaz.role(t.lower_) or t.lower_ in self.gaz.honorifics for t in name):
            return  # part of a longer title: "Chief Technical Officer"
        index.add(ActorSpan(name, Label.ORGANIZATION, None, "organization"))

    def _role_phrases(self, region: list[Token], index: ActorIndex, rule: str) -> list[Role]:
        """Longest role phrases, left to right: "AU chairperson President" -> two roles."""
        words = [t for t in region if not index.at(t, *PARTIES, Label.PERSON) and t.dep_ not in ("det", "case", "poss")]
        if not words:
            return []
        taken = {t.i for t in words}
        first = words[0].i
        # the phrase is contiguous in the text, but for articles: "Chief of the General Staff";
        # each word gets the number of the stretch it is in, and a phrase lies in one stretch
        texts: list[str] = []  # the text of every token from the first word to the last, lower-cased
        stretches: list[int] = []  # for each word
        stretch = 0
        for token in region[0].doc[first : words[-1].i + 1]:
            texts.append(token.lower_)
            if token.i in taken:
                stretches.append(stretch)
            elif token.pos_ != "DET" or index.at(token):
                stretch += 1
        roles: list[Role] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + MAX_ROLE_WORDS), i, -1):
                if stretches[j - 1] != stretches[i]:
                    continue
                phrase = _joined(texts[words[i].i - first : words[j - 1].i - first + 1])
                entry = self.gaz.role(phrase, exact=True)
                if entry is None and words[j - 1].tag_ in ("NNS", "NNPS"):
                    # "Presidents Buhari and Talon": the plural of a role
                    phrase = _phrase_text(words[i : j - 1] + [words[j - 1]], last_lemma=True)
                    entry = self.gaz.role(phrase, exact=True)
                if entry is not None:
                    roles.append(Role(phrase, entry, words[i].i, words[j - 1].i + 1, rule,
                                      sector=self._sector(words[i:j])))
                    i = j
                    break
            else:
                i += 1
        return roles

    def _sector(self, phrase: list[Token]) -> str | None:
        """A lower-case noun right before a role that narrows it: "intelligence chief"
        (but not another role: "AU chairperson President X")."""
        before = phrase[0].doc[phrase[0].i - 1] if phrase[0].i > 0 else None
        if before is None or before.pos_ != "NOUN" or not before.is_lower or before.dep_ not in ("compound", "nmod"):
            return None
        return None if self.gaz.role(before.lemma_.lower(), exact=True) else before.lemma_.lower()

    def _share_roles_across_coordination(
        self, people: list[ActorSpan], roles: dict[int, list[Role]], index: ActorIndex
    ) -> None:
        """Coordinated names share what only one of them states.

        "Israeli prime minister Benjamin Netanyahu and energy minister Yuval Steinitz"
        (the second role takes the first one's state); "Presidents Muhammadu Buhari of
        Nigeria and Patrice Talon of Benin" (the second name takes the first one's title).
        """
        # the people by their root and by their last token, for the person named before another
        by_root = {p.root.i: p for p in people}
        by_end = {p.span.end - 1: p for p in people}
        for person in sorted(people, key=lambda p: p.span.start):
            root = person.root
            own = roles[id(person)]
            before = self._coordinated_with(person, own, by_root, by_end)
            if before is None:
                continue
            first = roles[id(before)]
            state_anchors = [a for r in first for a in r.anchors if a.label == Label.STATE]
            for role in own:
                offices = self.gaz.office_states(role.phrase)
                # not another government's office: "Kenyan President A and Foreign Secretary B";
                # not a second head: "Russian President A and President B" are two states' heads
                if (not role.anchors and state_anchors and role.entry.relation != "LEADS"
                        and (not offices or state_anchors[0].ref in offices)):
                    role.anchors = state_anchors[:1]
                    role.rule = "coordination"
            if not own and first:
                anchors = self._of_anchors(root, index)
                if anchors:
                    last = first[-1]
                    own.append(Role(last.phrase, last.entry, last.start, last.end, "coordination", anchors, last.past, last.sector))

    @staticmethod
    def _coordinated_with(
        person: ActorSpan, own: list[Role], by_root: dict[int, ActorSpan], by_end: dict[int, ActorSpan]
    ) -> ActorSpan | None:
        """The person named before ``person`` in a coordination, or None; ``by_root`` and
        ``by_end`` hold the article's people by the index of their root and of their last token."""
        doc = person.span.doc
        root = person.root
        # "A and B": the name is a conjunct of the name before
        if root.dep_ == "conj" and root.head.i in by_root:
            return by_root[root.head.i]
        # "..., and energy minister B" parsed as [minister]-conj->A: its title is
        title = doc[person.span.start - 1] if person.span.start > 0 else root
        if title.dep_ == "conj" and title.head.i < title.i and title.head.i in by_root:
            return by_root[title.head.i]
        # in text order, whatever the parse: "<name A> and <title> <name B>"
        i = min([r.start for r in own], default=person.span.start) - 1
        while i >= 0 and doc[i].pos_ == "DET":
            i -= 1
        if i < 1 or doc[i].lower_ != "and":
            return None
        i -= 1 if doc[i - 1].text != "," else 2
        return by_end.get(i)

    # --- from roles to relations ----------------------------------------------------------

    def _role_relations(
        self, person: ActorSpan, role: Role, index: ActorIndex, named: NamedParties
    ) -> Iterator[RelationSpan]:
        if role.past:
            return  # "the former head of ...": no longer holds it
        confidence = {"title": 0.9, "apposition": 0.9, "copula": 0.8, "coordination": 0.7}[role.rule]
        chosen = _prefer(role.anchors, role.entry)
        for anchor in chosen:
            for rel_type, target in self._role_targets(role, anchor, index, named):
                yield RelationSpan(person, rel_type, target, person.span.sent, role.rule, confidence, role=role.phrase)
        # a member of a state's body acts for the state: "North Vietnamese Politburo member X",
        # "a member of Iran's Quds Force"
        bodies = [a for a in chosen if a.label == Label.ORGANIZATION]
        if role.entry.relation == "MEMBER_OF" and bodies:
            before = [a for a in role.anchors if a.label == Label.STATE and a.span.end <= role.start]
            for state in (before or self._owner_states(bodies[0], index))[:1]:
                yield RelationSpan(person, RelType.REPRESENTS, state, person.span.sent, role.rule, confidence,
                                   role=role.phrase)

    def _roles_of_people(
        self, people: list[ActorSpan], roles: dict[int, list[Role]], relations: list[RelationSpan]
    ) -> Iterator[RelationSpan]:
        """A role of a person who leads something represents what they lead: "German
        Chancellor Angela Merkel's spokesperson, Steffen Seibert" -> Seibert represents Germany."""
        led = [r for r in relations if r.type == RelType.LEADS and r.target.label in (Label.STATE, Label.ORGANIZATION)]
        for person in people:
            for role in roles[id(person)]:
                if role.past or role.entry.relation == "LEADS" or any(a.label != Label.PERSON for a in role.anchors):
                    continue
                for anchor in role.anchors:
                    for rel in led:
                        if rel.source.span == anchor.span:
                            yield RelationSpan(person, RelType.REPRESENTS, rel.target, person.span.sent, "role_of_leader", 0.7, role=role.phrase)

    def _role_targets(
        self, role: Role, anchor: ActorSpan, index: ActorIndex, named: NamedParties
    ) -> Iterator[tuple[RelType, ActorSpan]]:
        kind = role.entry.relation
        if anchor.label == Label.PERSON:
            return  # "Merkel's spokesperson": read by resolution, which knows Merkel's state
        if anchor.label == Label.STATE and role.entry.target == "delegation":
            # "Ukraine's chief negotiator" heads Ukraine's delegation and represents Ukraine
            span = anchor.span.doc[min(anchor.span.start, role.start) : max(anchor.span.end, role.start + 1)]
            delegation = index.add(ActorSpan(span, Label.DELEGATION, anchor.ref, "implied", party=anchor))
            yield RelType(kind), delegation
            yield RelType.REPRESENTS, anchor
            return
        if anchor.label == Label.DELEGATION:
            yield (RelType.LEADS if kind == "LEADS" else RelType.MEMBER_OF), anchor
            return
        if kind == "LEADS" and anchor.label == Label.STATE and (role.entry.target == "organization" or role.sector):
            # "Egyptian intelligence chief X" heads a body of the state; an "opposition leader" none
            if role.sector not in self.lex.non_state_sectors:
                yield RelType.REPRESENTS, anchor
            return
        if kind == "MEMBER_OF" and anchor.label == Label.STATE:
            yield RelType.REPRESENTS, anchor
            return
        if kind == "REPRESENTS":
            # "Foreign Office Minister X", "Turkish Foreign Ministry spokesman X": the body's state
            state = body_state(anchor, self.gaz, named, index)
            if state is not None:
                yield RelType.REPRESENTS, state
                return
        yield RelType(kind), anchor

    def _distributed_roles(self, doc: Doc, index: ActorIndex) -> Iterator[RelationSpan]:
        """One plural role for several states, then as many names, in order: "his Greek,
        Cypriot and French counterparts, Nikos Dendias, Nikos Christodoulides and Jean-Yves
        Le Drian(, respectively)"."""
        for noun in (doc[i] for i in positions(doc, TAG, "NNS", "NNPS")):
            entry = self.gaz.role(noun.lemma_.lower(), exact=True)
            if entry is None or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
                continue
            modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
            states = distinct_actors(a for m in modifiers for t in conjuncts_with(m) for a in index.headed_by(t, Label.STATE))
            names = _listed_people(doc, noun.i + 2, index)
            if len(states) < 2 or len(names) != len(states):
                continue
            kind = RelType.LEADS if entry.relation == "LEADS" else RelType.REPRESENTS
            for name, state in zip(names, sorted(states, key=lambda a: a.span.start)):
                yield RelationSpan(name, kind, state, noun.sent, "respectively", 0.75, role=noun.lemma_.lower())

    # --- verbs --------------------------------------------------------------------------

    def _verb_relations(self, doc: Doc, index: ActorIndex) -> Iterator[RelationSpan]:
        for token in (doc[i] for i in self._relation_verbs(doc)):
            lemma = token.lemma_.lower()
            if lemma in self.lex.lead_verbs:
                yield from self._lead_verb(token, index)
            if lemma in self.lex.membership_verbs:
                yield from self._membership_verb(token, index)
            if lemma in self.lex.passive_membership_verbs:
                yield from self._passive_membership(token, index)
            if lemma in REPRESENT_VERBS:
                yield from self._represented_by(token, index)
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in self.lex.membership_prepositions:
                    yield from self._alongside(token, prep, index)

    def _relation_verbs(self, doc: Doc) -> list[int]:
        """The indices, in order, of the verbs the verb rules may read, found in the Doc's arrays:
        those whose lemma is one of their verbs, and those a preposition of membership hangs on."""
        found = set(lemma_positions(doc, self.relation_verb_lemmas, among=positions(doc, POS, "VERB", "AUX")))
        # "..., alongside ... Kirill Dmitriev"
        for i in positions(doc, LOWER, *self.lex.membership_prepositions):
            if doc[i].dep_ == "prep" and doc[i].head.pos_ in ("VERB", "AUX"):
                found.add(doc[i].head.i)
        return sorted(found)

    def _lead_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        sent = verb.sent
        deps = {c.dep_: c for c in verb.children}
        # passive: "The Russian delegation is led by Igor Kostyukov"
        if "nsubjpass" in deps and "agent" in deps:
            led = index.headed_by(deps["nsubjpass"], *PARTIES)
            for leader in _agents(deps["agent"], index):
                for target in led[:1]:
                    yield RelationSpan(leader, RelType.LEADS, target, sent, "lead_verb_passive", 0.85, role=verb.lemma_)
        # participle: "The Taliban delegation, led by Abdul Ghani Baradar, ..."
        elif _is_participle(verb) and "agent" in deps:
            led = self._participle_party(verb, index)
            for leader in _agents(deps["agent"], index):
                for target in led[:1]:
                    yield RelationSpan(leader, RelType.LEADS, target, sent, "lead_participle", 0.85, role=verb.lemma_)
        # active: "Kostyukov heads the delegation"; relative: "X, who now leads the administration"
        elif "nsubj" in deps and "dobj" in deps:
            subject = deps["nsubj"]
            if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                subject = verb.head if verb.head.dep_ != "appos" else verb.head.head
            led = index.headed_by(deps["dobj"], *PARTIES)
            for leader in _people_named_by(subject, index):
                for target in led[:1]:
                    yield RelationSpan(leader, RelType.LEADS, target, sent, "lead_verb", 0.85, role=verb.lemma_)

    def _represented_by(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "the Kurdistan Regional Government, represented by Prime Minister X": X represents it
        (a delegation's representatives are its members: :meth:`_passive_membership`)."""
        deps = {c.dep_: c for c in verb.children}
        if not _is_participle(verb) or "agent" not in deps:
            return
        parties = [p for p in self._participle_party(verb, index) if p.label != Label.DELEGATION]
        for person in _agents(deps["agent"], index):
            for party in parties[:1]:
                yield RelationSpan(person, RelType.REPRESENTS, party, verb.sent, "represent_participle", 0.8,
                                   role=verb.lemma_)

    def _participle_party(self, verb: Token, index: ActorIndex) -> list[ActorSpan]:
        """The party a participle clause is about: its head's, or the one named right before
        the comma that opens it ("the Federal Government of Iraq, led by X", which the parser
        often hangs on an earlier noun)."""
        found = self._party_of(verb.head, index)
        doc = verb.doc
        if found or verb.i < 2 or doc[verb.i - 1].text != ",":
            return found
        before = doc[verb.i - 2]
        ending = [a for a in index.at(before, *PARTIES) if a.span.end == before.i + 1]
        outer = max(ending, key=lambda a: len(a.span), default=None)
        return self._party_of(outer.root, index) if outer is not None else []

    def _party_of(self, noun: Token, index: ActorIndex) -> list[ActorSpan]:
        """The party a noun names: its actor, or the state whose government it is ("the
        Iraqi government", "the Federal Government of Iraq": a state's government is the state)."""
        found = index.headed_by(noun, *PARTIES)
        if noun.lemma_.lower() not in self.government_nouns or any(a.ref is not None for a in found):
            return found
        owners = [c for c in noun.children if c.dep_ in OWNER_DEPS]
        owners += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        states = [a for o in owners for a in index.headed_by(o, Label.STATE)]
        return states[:1] or found

    def _membership_verb(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "Ukraine's team includes Kyrylo Budanov ... and Andrii Hnatov" """
        deps = {c.dep_: c for c in verb.children}
        if "nsubj" not in deps or "dobj" not in deps:
            return
        teams = index.headed_by(deps["nsubj"], Label.DELEGATION, Label.ORGANIZATION)
        for token in conjuncts_with(deps["dobj"]):
            for member in index.headed_by(token, Label.PERSON):
                for team in teams[:1]:
                    yield RelationSpan(member, RelType.MEMBER_OF, team, verb.sent, "membership_verb", 0.85)

    def _passive_membership(self, verb: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "The US side was represented by X and Y", "the delegation was joined by Z" """
        deps = {c.dep_: c for c in verb.children}
        if "nsubjpass" not in deps or "agent" not in deps:
            return
        teams = index.headed_by(deps["nsubjpass"], Label.DELEGATION)
        for member in _agents(deps["agent"], index):
            for team in teams[:1]:
                yield RelationSpan(member, RelType.MEMBER_OF, team, verb.sent, "membership_passive", 0.8)

    def _alongside(self, verb: Token, prep: Token, index: ActorIndex) -> Iterator[RelationSpan]:
        """ "The Russian delegation is led by X, alongside ... the Kremlin's envoy, Kirill Dmitriev" """
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        teams = [a for s in subjects for a in index.headed_by(s, Label.DELEGATION)]
        if not teams:
            return
        for token in prep.subtree:
            for member in index.headed_by(token, Label.PERSON):
                yield RelationSpan(member, RelType.MEMBER_OF, teams[0], verb.sent, "membership_alongside", 0.75)


def _relative_pronoun_after(person: ActorSpan) -> Token | None:
    """ "who" right after a name, past commas and a bracketed note: "X,[1] who ..." """
    doc = person.span.doc
    i = person.span.end
    while i < min(len(doc), person.span.end + 5) and (doc[i].is_punct or doc[i].like_num):
        i += 1
    return doc[i] if i < len(doc) and doc[i].lower_ == "who" and doc[i].dep_ == "nsubj" else None


def _agents(agent: Token, index: ActorIndex) -> Iterator[ActorSpan]:
    """The people a passive's "by" names: "by X and Y", "by its trade minister X"."""
    for obj in agent.children:
        for token in conjuncts_with(obj):
            yield from _people_named_by(token, index)


def _people_named_by(noun: Token, index: ActorIndex) -> list[ActorSpan]:
    """The person a noun is, or names in apposition: "X", "his half-brother, X,"."""
    named = index.headed_by(noun, Label.PERSON)
    return named or [p for c in noun.children if c.dep_ == "appos" for p in index.headed_by(c, Label.PERSON)]


def _is_participle(verb: Token) -> bool:
    """A participle clause: "X, led by Y" (also when the parser hangs it on the main verb)."""
    return verb.dep_ == "acl" or (verb.dep_ == "advcl" and verb.tag_ == "VBN")


def _complete_titles_by_verbs(
    relations: list[RelationSpan], titles: list[TitleSpan]
) -> tuple[list[RelationSpan], list[TitleSpan]]:
    """A verb names the party of a title that names none: "the KRG, represented by Prime
    Minister X" -> X leads the KRG (a prime minister heads what he represents); "Iraq, led by
    President Y" completes Y's title. Returns the relations and the titles still open."""
    left = list(titles)
    out: list[RelationSpan] = []
    for rel in relations:
        title = next((t for t in left if t.person.span == rel.source.span and t.type == RelType.LEADS), None)
        if (title is None or rel.type not in (RelType.LEADS, RelType.REPRESENTS)
                or rel.target.label not in (Label.STATE, Label.ORGANIZATION)):
            out.append(rel)
            continue
        left.remove(title)
        out.append(RelationSpan(rel.source, RelType.LEADS, rel.target, rel.sentence, rel.rule, rel.confidence,
                                role=title.role) if rel.type == RelType.REPRESENTS else rel)
    return out, left


def _preposition_before(actor: ActorSpan, inside: set[int]) -> str | None:
    """The preposition right before an actor's name, skipping a determiner: "to (the) Germany";
    only one among the tokens ``inside`` (the role's region) counts."""
    doc = actor.span.doc
    i = actor.span.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return doc[i].lower_ if i in inside and doc[i].pos_ == "ADP" else None


def _unnamed_proper(token: Token, index: ActorIndex) -> bool:
    """A capitalised proper noun no actor covers."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not index.at(token)


def _word_before(token: Token) -> Token | None:
    """The word before a token, past determiners and hyphens: "the former | head", "Then-|Secretary"."""
    i = token.i - 1
    while i >= 0 and (token.doc[i].pos_ == "DET" or token.doc[i].text in HYPHENS):
        i -= 1
    return token.doc[i] if i >= 0 else None


def _people_between(start: int, end: int, index: ActorIndex) -> bool:
    """Whether a person is named strictly between two token positions."""
    return any(index.at(index.doc[i], Label.PERSON) for i in range(start + 1, end))


def _line_break(token: Token) -> bool:
    """A blank or line-break token: a title does not run across lines."""
    return token.is_space and "\n" in token.text


def _phrase_text(tokens: list[Token], last_lemma: bool = False) -> str:
    words = [t.lower_ for t in tokens]
    if last_lemma:
        words[-1] = tokens[-1].lemma_.lower()
    return _joined(words)


def _joined(words: list[str]) -> str:
    """Lower-cased words as one phrase, hyphens and "’s" back on their words: "vice - president" -> "vice-president"."""
    return " ".join(words).replace(" - ", "-").replace(" ’s", "'s")


def _hyphenated_words(tokens: list[Token]) -> list[list[Token]]:
    """The tokens grouped into the words the tokenizer split at hyphens, hyphens included:
    [vice, -, president] -> [[vice, -, president]]; other tokens alone."""
    words: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.text in HYPHENS:
            continue
        hyphen = token.doc[token.i - 1] if token.i > 0 else None
        if words and hyphen is not None and hyphen.text in HYPHENS and words[-1][-1].i == hyphen.i - 1:
            words[-1] += [hyphen, token]
        else:
            words.append([token])
    return words


def _compounds(role: Role, head: Token) -> bool:
    """Whether a role's words right before the head modify it: "the Governor General of Canada"."""
    last = head.doc[role.end - 1]
    return role.end == head.i and last.head == head and last.dep_ == "compound"


def _partitive_head(noun: Token) -> Token:
    """The noun a partitive is about: "one of the advisors of X" -> advisors."""
    if noun.lower_ == "one" or noun.pos_ == "NUM":
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
    return noun


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _outermost(actors: Iterable[ActorSpan], region: list[Token]) -> list[ActorSpan]:
    """Actors in a region that are not part of another actor there ("Iran's Quds Force" -> Quds Force)."""
    inside = {t.i for t in region}
    candidates = [a for a in actors if all(i in inside for i in range(a.span.start, a.span.end))]
    unique: list[ActorSpan] = []
    for actor in candidates:
        if actor not in unique:
            unique.append(actor)

    def nested(a: ActorSpan) -> bool:
        for b in unique:
            if b is a or b.label == Label.DELEGATION:
                continue
            if b.span.start <= a.span.start and a.span.end <= b.span.end and len(b.span) > len(a.span):
                return True
            if a.root.head.i in range(b.span.start, b.span.end) and a.root.dep_ in ("poss", "compound", "amod", "nmod"):
                return True
        return False

    return sorted([a for a in unique if not nested(a)], key=lambda a: a.span.start)


def _prefer(anchors: list[ActorSpan], entry: RoleEntry) -> list[ActorSpan]:
    """Which anchor a role belongs to when there are several: the kind the role names."""
    if not anchors:
        return []
    wanted = {"state": Label.STATE, "organization": Label.ORGANIZATION, "delegation": Label.DELEGATION}.get(entry.target)
    preferred = [a for a in anchors if a.label == wanted]
    if preferred:
        return preferred[:1]
    orgs = [a for a in anchors if a.label in (Label.DELEGATION, Label.ORGANIZATION)]
    return (orgs or anchors)[:1]


def _listed_people(doc: Doc, start: int, index: ActorIndex) -> list[ActorSpan]:
    """The names listed from ``start`` on: "A, B and C", nothing else between them."""
    people: list[ActorSpan] = []
    i = start
    while i < len(doc):
        found = [a for a in index.at(doc[i], Label.PERSON) if a.span.start == i]
        if not found:
            break
        people.append(found[0])
        i = found[0].span.end
        while i < len(doc) and doc[i].text in (",", "and"):
            i += 1
    return people
