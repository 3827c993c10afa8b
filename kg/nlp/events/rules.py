"""The registry of event rules: each rule's name, relation type, triggers and confidence in one place.

A rule is a function from a trigger token and the shared :class:`~kg.nlp.events.arguments.Arguments`
to the readings it finds (usually one, none when the roles are not there). Register it with
:func:`event_rule`, naming the lexicon list of its trigger words (data/lexicon.yaml, plus the
generated lists its comments point to) and the parts of speech the trigger may have::

    @event_rule("meet_verb", RelType.MEETS, triggers="meet_verbs", pos=VERBS, confidence=0.8)
    def meet_verb(verb, args):
        # "A met B", "A met with B"
        yield Reading(sides(args.subjects(verb), args.objects(verb)))

A rule with ``phrasal=True`` names a list of phrasal verbs ("lash out at", "take aim at"): it
fires on a verb whose lemma and the words it governs spell one of them (see
:func:`~kg.nlp.events.arguments.phrasal_preposition`).

The component tries on each token, in the order the rules were registered, the rules whose
trigger heads (:meth:`EventRule.trigger_heads`) and parts of speech the token has.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.lexicon import Lexicon
from kg.models import RelType
from kg.nlp.events.arguments import Arguments, phrasal_preposition
from kg.nlp.events.frames import Reading

VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN"})

Read = Callable[[Token, Arguments], Iterable[Reading]]


@dataclass(frozen=True)
class EventRule:
    """One construction: its name (kept on every edge it gives), the relation it reads, its
    trigger words (a lexicon list), their parts of speech, how sure it is, and whether the
    triggers are phrasal verbs."""

    name: str
    type: RelType
    triggers: str
    pos: frozenset[str]
    confidence: float
    read: Read
    phrasal: bool = False

    def fires_on(self, token: Token, lemma: str, lower: str, words: Collection[str]) -> bool:
        """Whether ``token``, already of one of this rule's parts of speech, is one of its triggers:
        ``lemma`` and ``lower`` are its lemma and text lower-cased, ``words`` the rule's lexicon list."""
        if self.phrasal:
            return phrasal_preposition(token, words) is not None
        return lemma in words or lower in words

    def trigger_heads(self, words: Collection[str]) -> set[str]:
        """The words a token's lemma or lower-cased text must be for this rule to fire: its
        trigger words, or the verbs its phrasal verbs begin with ("lash" of "lash out at")."""
        return {phrase.split()[0] for phrase in words} if self.phrasal else set(words)


RULES: list[EventRule] = []


def event_rule(
    name: str, type: RelType, *, triggers: str, pos: frozenset[str], confidence: float, phrasal: bool = False
) -> Callable[[Read], Read]:
    """Register a rule (see the module docstring)."""
    if triggers not in Lexicon.__dataclass_fields__:
        raise ValueError(f"event rule {name}: no lexicon list {triggers!r}")

    def register(read: Read) -> Read:
        RULES.append(EventRule(name, type, triggers, pos, confidence, read, phrasal))
        return read

    return register
