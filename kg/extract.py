"""From an annotated ``Doc`` to an :class:`~kg.models.Extraction` of plain values.

Reads only what kg's components put on the Doc (``doc._.kg_actors``,
``doc._.kg_relations``, ``doc._.kg_events``, ``doc._.kg_titles``), resolves every
actor to its canonical key with :class:`kg.resolve.ArticleResolver`, and keeps the
evidence of each relation (the sentence, its character offsets, the rule and its
confidence) and each event's frame.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.gazetteer import Gazetteer
from kg.models import Article, Event, Evidence, Extraction, Label, Mention, Relation, RelType, Title
from kg.resolve import ArticleResolver

# Every delegation represents its party: "the Russian delegation" -> Russia.
DELEGATION_PARTY_RULE = "delegation_party"
# A role without its party, completed from other articles: "President Donald Trump".
TITLE_RULE = "title_known_elsewhere"


def extract(doc: Doc, article: Article, gazetteer: Gazetteer) -> Extraction:
    """Turn one processed article into mentions and relations with evidence."""
    resolver = ArticleResolver(gazetteer)
    actors = list(doc._.kg_actors or [])
    resolver.prepare(actors)
    mentions = [
        Mention(
            key=resolver.key(a),
            label=a.label,
            name="",
            text=a.text,
            start=a.span.start_char,
            end=a.span.end_char,
            iso3=a.ref if a.label == Label.STATE else None,
            how=a.kind,
        )
        for a in actors
    ]
    mentions = [_named(m, resolver) for m in mentions]

    relations: list[Relation] = []
    for rel in doc._.kg_relations or []:
        relations.append(
            Relation(
                source=resolver.key(rel.source),
                type=rel.type,
                target=resolver.key(rel.target),
                evidence=_evidence(rel.sentence, article, rel.rule, rel.confidence),
                role=rel.role,
                claim=rel.claim,
            )
        )
    for actor in actors:
        if actor.label == Label.DELEGATION and actor.party is not None:
            relations.append(
                Relation(
                    source=resolver.key(actor),
                    type=RelType.REPRESENTS,
                    target=resolver.key(actor.party),
                    evidence=_evidence(actor.span.sent, article, DELEGATION_PARTY_RULE, 0.95),
                )
            )
    relations = _clean(relations, {key: actor.label for key, actor in resolver.actors.items()})
    titles = [
        Title(resolver.key(t.person), t.role, t.type, _evidence(t.sentence, article, TITLE_RULE, 0.6))
        for t in doc._.kg_titles or []
    ]
    events = [
        Event(
            type=frame.type,
            trigger=frame.trigger.text,
            trigger_start=frame.trigger.idx,
            evidence=_evidence(frame.sentence, article, frame.rule, frame.confidence),
            sides=tuple(tuple(dict.fromkeys(resolver.key(a) for a in side)) for side in frame.sides),
            mediators=tuple(dict.fromkeys(resolver.key(a) for a in frame.mediators)),
            claim=frame.claim,
            factual=frame.factual,
        )
        for frame in doc._.kg_events or []
    ]
    return Extraction(
        article=article,
        actors={key: actor.to_dict() for key, actor in sorted(resolver.actors.items())},
        mentions=mentions,
        relations=relations,
        titles=titles,
        events=events,
    )


def _named(mention: Mention, resolver: ArticleResolver) -> Mention:
    actor = resolver.actors[mention.key]
    return Mention(**{**mention.__dict__, "name": actor.name})


def _evidence(sentence: Span, article: Article, rule: str, confidence: float) -> Evidence:
    return Evidence(
        article=article.id,
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        rule=rule,
        confidence=confidence,
        date=article.date,
    )


def _clean(relations: list[Relation], labels: dict[str, Label]) -> list[Relation]:
    """Drop self-loops, relations between labels their type does not join (kg.schema),
    exact repeats, and REPRESENTS where the same person LEADS the same entity."""
    leads = {(r.source, r.target) for r in relations if r.type == RelType.LEADS}
    seen: set[tuple] = set()
    out: list[Relation] = []
    for r in relations:
        if r.source == r.target or not r.type.schema.allows(labels[r.source], labels[r.target]):
            continue
        if r.type == RelType.REPRESENTS and (r.source, r.target) in leads:
            continue
        ident = (r.source, r.type, r.target, r.evidence.start)
        if ident in seen:
            continue
        seen.add(ident)
        out.append(r)
    return out

