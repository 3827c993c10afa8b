"""Event relations: who negotiates with, mediates for, accuses and meets whom.

The ``kg_event_relations`` component reads every event an article reports as a frame
(:mod:`kg.nlp.events.frames`): a trigger word (verb, noun, participle), the sides, the
mediators and the claim, found by one argument finder (:mod:`kg.nlp.events.arguments`)
that every rule shares. The rules are small registered functions, one construction each,
in one module per relation type (:mod:`.accuses`, :mod:`.meets`, :mod:`.negotiations`,
:mod:`.mediations`); their trigger words are lexicon lists (data/lexicon.yaml).

The frames go to ``doc._.kg_events``; the edges derived from the factual ones to
``doc._.kg_relations``. Only what is reported as having happened gives an edge: a negated,
refused, conditional, future or offered event does not ("declined to condemn", "refused
to meet", "would agree only if", "will visit", "offered to negotiate", "a meeting has been
mooted"); its frame is kept with ``factual=False``.
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.nlp.events import accuses, meets, mediations, negotiations  # noqa: F401  (registers the rules)
from kg.nlp.events.arguments import Arguments
from kg.nlp.events.frames import EventFrame
from kg.nlp.events.rules import RULES, EventRule
from kg.nlp.extensions import register_extensions
from kg.nlp.relations import ActorIndex, RelationSpan, unique_relations
from kg.nlp.tokens import lemma_positions, positions

__all__ = ["EventFrame", "EventRelations", "make_event_relations"]


@Language.factory(
    "kg_event_relations",
    assigns=["doc._.kg_relations", "doc._.kg_events"],
    requires=["doc._.kg_actors", "doc._.kg_relations", "token.dep", "token.lemma"],
    default_config={"gazetteer_files": []},
)
def make_event_relations(nlp: Language, name: str, gazetteer_files: list[str]) -> EventRelations:
    return EventRelations(load_gazetteer(tuple(gazetteer_files)), load_lexicon())


class EventRelations:
    """Event frames, and the NEGOTIATES_WITH, MEDIATES, ACCUSES and MEETS edges they state."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        register_extensions()
        self.gaz = gazetteer
        self.lex = lexicon
        # Each rule with its trigger list, and the rules that can fire on a token of a part of
        # speech whose lemma or text is a word, by their place in RULES (registration order):
        # a token is looked at by the few rules it may trigger, most tokens by none.
        self.rules: list[tuple[EventRule, Collection[str]]] = [(rule, getattr(lexicon, rule.triggers)) for rule in RULES]
        self.rules_by_word: dict[tuple[str, str], list[int]] = {}
        for index, (rule, words) in enumerate(self.rules):
            for pos in rule.pos:
                for word in rule.trigger_heads(words):
                    self.rules_by_word.setdefault((pos, word), []).append(index)
        self.trigger_words = frozenset(word for _, word in self.rules_by_word)

    def __call__(self, doc: Doc) -> Doc:
        frames = self.match(doc)
        self.set_annotations(doc, frames)
        return doc

    def match(self, doc: Doc) -> list[EventFrame]:
        """Every frame the rules read, each rule on each token (that is a trigger word) in registration order."""
        args = Arguments(doc, ActorIndex(doc), self.gaz, self.lex)
        frames: list[EventFrame] = []
        for token in (doc[i] for i in self._trigger_positions(doc)):
            pos, lemma, lower = token.pos_, token.lemma_.lower(), token.lower_
            by_lemma = self.rules_by_word.get((pos, lemma), [])
            by_text = self.rules_by_word.get((pos, lower), []) if lower != lemma else []
            for index in sorted({*by_lemma, *by_text}) if by_text else by_lemma:
                rule, words = self.rules[index]
                if not rule.fires_on(token, lemma, lower, words):
                    continue
                for reading in rule.read(token, args):
                    if not any(reading.sides) and not reading.mediators:
                        continue  # no actor takes part: "the talks were long"
                    factual = reading.factual if reading.factual is not None else args.factuality.event(token)
                    frames.append(EventFrame(
                        type=reading.type or rule.type, trigger=token, rule=rule.name, confidence=rule.confidence,
                        sentence=reading.sentence or token.sent, sides=reading.sides, mediators=reading.mediators,
                        claim=reading.claim, factual=factual,
                    ))
        return frames

    def _trigger_positions(self, doc: Doc) -> list[int]:
        """The tokens whose lower-cased text or lemma is one of the rules' trigger words, found
        in the Doc's arrays: a few in an article, where every token would make a Python Token."""
        words = self.trigger_words
        return sorted({*positions(doc, LOWER, *words), *lemma_positions(doc, words)})

    def set_annotations(self, doc: Doc, frames: list[EventFrame]) -> None:
        relations: list[RelationSpan] = [r for frame in frames for r in frame.relations()]
        doc._.kg_events = frames
        doc._.kg_relations = list(doc._.kg_relations or []) + unique_relations(relations)
