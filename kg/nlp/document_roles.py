"""Document-level roles: what the rest of an article tells about a title that names no party.

A title is often stated without its state or body ("Foreign Secretary Dominic Raab",
"Taoiseach Leo Varadkar"); the sentence alone cannot say whose it is, but the article can:

- an office that only a few governments have (data/gazetteer/offices.yaml) belongs to the one
  of those states the article names, by name, demonym, capital or seat of power: "Foreign
  Secretary Dominic Raab" in an article that names the UK represents the United Kingdom;
  with no candidate named, or two ("Chancellor X" where Germany and Austria are named),
  nothing;
- a legislator's title makes its holder a member of the one legislature of it the article
  names: "Senator X" where "the Senate voted";
- a national body stands for its state where a person acts on its behalf: "Turkish Foreign
  Ministry spokesman Hami Aksoy", "Foreign Office Minister X" represent the state the article
  names as the body's (:func:`body_state`).

The relation is stated once, at the title; resolution joins the later mentions ("Mr Raab said").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.models import Label, RelType
from kg.nlp.actors import GAZETTEER_KEY, ActorSpan
from kg.nlp.relations import ActorIndex, RelationSpan, TitleSpan

# Gazetteer labels that name a state, and how (ActorSpan.kind) each names it.
STATE_NAME_LABELS = {"KG_STATE": "name", "KG_DEMONYM": "demonym", "KG_PLACE": "capital"}
OFFICE_RULE = "office_of_named_state"
BODY_RULE = "office_of_named_body"


class NamedParties:
    """The states and gazetteer bodies an article names, each with a mention that can stand as
    a relation's end.

    A state named only as a place ("talks in London") has no actor span; its first mention
    becomes one when a relation needs it, and is added to the index.
    """

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.index = index
        self._actors: dict[str, ActorSpan] = {}
        for actor in index.actors:
            if actor.label == Label.STATE and actor.ref is not None:
                self._actors.setdefault(actor.ref, actor)
        # every gazetteer name of a state, an actor or not ("talks in London")
        self._names: dict[str, ActorSpan] = {}
        for span in doc.spans.get(GAZETTEER_KEY, []):
            kind = STATE_NAME_LABELS.get(span.label_)
            if kind is not None and span[0].text[:1].isupper():
                self._names.setdefault(span.id_, ActorSpan(span, Label.STATE, span.id_, kind))

    def body(self, key: str) -> ActorSpan | None:
        """The article's first mention of the gazetteer organization ``key``, or None; None
        too where the article names another body of the same kind ("the Puerto Rico Senate"
        besides "the Senate"), which the title may be of."""
        orgs = [a for a in self.index.actors if a.label == Label.ORGANIZATION]
        found = next((a for a in orgs if a.ref == key), None)
        if found is None or any(a.ref != key and a.root.lower_ == found.root.lower_ for a in orgs):
            return None
        return found

    def names_state(self, iso3: str) -> bool:
        """Whether the article names the state, as an actor or only as a place."""
        return iso3 in self._actors or iso3 in self._names

    def mention(self, iso3: str) -> ActorSpan | None:
        """An actor span for the state: its first actor mention, else its first place name."""
        if iso3 in self._actors:
            return self._actors[iso3]
        name = self._names.get(iso3)
        return self.index.add(name) if name is not None else None


def complete_titles(
    titles: list[TitleSpan], gazetteer: Gazetteer, named: NamedParties
) -> tuple[list[RelationSpan], list[TitleSpan]]:
    """The relations the article's named states give to titles of offices.yaml, and the
    titles left without a party."""
    relations: list[RelationSpan] = []
    left: list[TitleSpan] = []
    for title in titles:
        # a legislator's title and the one legislature of it the article names: "Senator X"
        bodies = [b for key in gazetteer.office_bodies(title.role) if (b := named.body(key)) is not None]
        if len(bodies) == 1:
            relations.append(RelationSpan(title.person, RelType.MEMBER_OF, bodies[0], title.sentence, BODY_RULE, 0.75,
                                          role=title.role))
        candidates = [iso3 for iso3 in gazetteer.office_states(title.role) if named.names_state(iso3)]
        rivals = [iso3 for iso3 in gazetteer.office_rivals(title.role) if named.names_state(iso3)]
        # an office of one state, and the article names exactly one state that has it (and none
        # where the title names another office)
        target = named.mention(candidates[0]) if len(candidates) == 1 and not rivals else None
        if target is None:
            left.append(title)
            continue
        relations.append(RelationSpan(title.person, title.type, target, title.sentence, OFFICE_RULE, 0.75, role=title.role))
    return relations, left


def body_state(body: ActorSpan, gazetteer: Gazetteer, named: NamedParties, index: ActorIndex) -> ActorSpan | None:
    """The state a national body belongs to, as a mention in the article, or None.

    A gazetteer body knows its state ("Foreign Office" -> United Kingdom), which counts when
    the article names it; a body the gazetteer does not know is a state's when its name holds
    that state ("the Iraqi Ministry of Culture").
    """
    if body.label != Label.ORGANIZATION:
        return None
    if body.ref is not None:
        entry = gazetteer.organizations.get(body.ref)
        if entry is None or entry.kind != "national_body" or entry.state is None:
            return None
        inside = _states_inside(body, index)
        return (next((s for s in inside if s.ref == entry.state), None) or named.mention(entry.state)
                or _state_word(body, entry.state, gazetteer, index))
    if body.root.lemma_.lower() not in gazetteer.state_body_nouns:
        return None  # "Turkish Airlines" is no body of Turkey
    inside = {s.ref: s for s in _states_inside(body, index)}
    return next(iter(inside.values())) if len(inside) == 1 else None


def _state_word(body: ActorSpan, iso3: str, gazetteer: Gazetteer, index: ActorIndex) -> ActorSpan | None:
    """The word of a body's name that names its state: "Turkish" in "Turkish Foreign Ministry"."""
    for token in body.span:
        for lookup, kind in ((gazetteer.state_by_demonym, "demonym"), (gazetteer.state_by_name, "name")):
            state = lookup(token.text)
            if state is not None and state.iso3 == iso3 and token.text[:1].isupper():
                return index.add(ActorSpan(body.span.doc[token.i : token.i + 1], Label.STATE, iso3, kind))
    return None


def _states_inside(body: ActorSpan, index: ActorIndex) -> Iterator[ActorSpan]:
    for token in body.span:
        for actor in index.at(token, Label.STATE):
            if body.span.start <= actor.span.start and actor.span.end <= body.span.end:
                yield actor


__all__ = ["BODY_RULE", "OFFICE_RULE", "NamedParties", "body_state", "complete_titles"]
