"""The custom attributes kg's pipeline components set on a spaCy ``Doc``.

- ``doc._.kg_actors``: list of :class:`kg.nlp.actors.ActorSpan`, every actor the
  article names, typed (Person, State, Organization, Delegation).
- ``doc._.kg_relations``: list of :class:`kg.nlp.relations.RelationSpan`, every
  relation read between two actor spans, with the rule that read it.
- ``doc._.kg_events``: list of :class:`kg.nlp.events.frames.EventFrame`, every event
  the article reports (trigger, sides, mediators, claim, factuality), edges or not.
- ``doc._.kg_titles``: list of :class:`kg.nlp.relations.TitleSpan`, roles stated
  without the state or body they are of ("President Donald Trump"), which the
  graph completes from other articles.
"""
from __future__ import annotations

from spacy.tokens import Doc


def register_extensions() -> None:
    """Register kg's ``Doc`` attributes once; safe to call many times."""
    for name in ("kg_actors", "kg_relations", "kg_events", "kg_titles"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
