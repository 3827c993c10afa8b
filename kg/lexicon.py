"""Word lists that the extraction rules read, loaded from ``data/lexicon.yaml``.

The rules in :mod:`kg.nlp` never hard-code vocabulary: a word that changes
what a rule catches belongs in the lexicon file, where a user can see and
extend it.

Event trigger lists are the union of two sources: the curated words in
``data/lexicon.yaml`` and the words ``tools/build_triggers.py`` drew from
WordNet into ``data/triggers.yaml`` (each generated list names the lexicon
list it ``feeds``; its header says how it was made).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.resources import DATA_DIR, parse_yaml


@dataclass(frozen=True)
class Lexicon:
    delegation_nouns: frozenset[str]
    delegation_plural_only: frozenset[str]
    other_team_kinds: frozenset[str]
    delegation_place_nouns: frozenset[str]
    side_place_prepositions: frozenset[str]
    organization_words: frozenset[str]
    group_nouns: frozenset[str]
    national_forces: frozenset[str]
    event_words: frozenset[str]
    place_nouns: frozenset[str]
    place_name_generics: frozenset[str]
    place_prepositions: frozenset[str]
    government_nouns: frozenset[str]
    government_modifiers: frozenset[str]
    actor_verbs: frozenset[str]
    actor_organization_words: frozenset[str]
    media_words: frozenset[str]
    media_roles: frozenset[str]
    name_particles: frozenset[str]
    months: frozenset[str]
    time_words: frozenset[str]
    locative_prepositions: frozenset[str]
    travel_verbs: frozenset[str]
    place_unit_nouns: frozenset[str]
    past_role_modifiers: frozenset[str]
    non_state_sectors: frozenset[str]
    lead_verbs: frozenset[str]
    membership_verbs: frozenset[str]
    passive_membership_verbs: frozenset[str]
    membership_prepositions: frozenset[str]
    accuse_verbs: frozenset[str]
    complain_verbs: frozenset[str]
    criticism_phrasal_verbs: frozenset[str]
    summon_verbs: frozenset[str]
    protest_verbs: frozenset[str]
    accusation_nouns: frozenset[str]
    accusation_light_verbs: frozenset[str]
    reciprocal_light_verbs: frozenset[str]
    criticised_verbs: frozenset[str]
    rebuttal_verbs: frozenset[str]
    blame_on_verbs: frozenset[str]
    act_nouns: frozenset[str]
    conduct_nouns: frozenset[str]
    wrongdoing_nouns: frozenset[str]
    wrongdoing_adjectives: frozenset[str]
    armed_force_nouns: frozenset[str]
    allege_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    statement_marks: frozenset[str]
    attribution_words: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    partisan_verbs: frozenset[str]
    perpetrate_verbs: frozenset[str]
    complicity_verbs: frozenset[str]
    wrongdoing_predicates: frozenset[str]
    designation_verbs: frozenset[str]
    wrongdoer_nouns: frozenset[str]
    claim_prepositions: frozenset[str]
    meet_verbs: frozenset[str]
    guest_verbs: frozenset[str]
    talk_verbs: frozenset[str]
    addressed_bodies: frozenset[str]
    call_verbs: frozenset[str]
    company_verbs: frozenset[str]
    audience_verbs: frozenset[str]
    audience_objects: frozenset[str]
    join_verbs: frozenset[str]
    meeting_nouns: frozenset[str]
    negotiate_verbs: frozenset[str]
    negotiation_nouns: frozenset[str]
    agreement_nouns: frozenset[str]
    truce_nouns: frozenset[str]
    sign_verbs: frozenset[str]
    negotiation_light_verbs: frozenset[str]
    coalition_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    mediation_participles: frozenset[str]
    mediate_verbs: frozenset[str]
    mediation_nouns: frozenset[str]
    host_verbs: frozenset[str]
    lead_talks_verbs: frozenset[str]
    grant_verbs: frozenset[str]
    agreement_document_nouns: frozenset[str]
    nonfactual_governors: frozenset[str]
    outcome_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    implicatives: frozenset[str]
    nonfactual_auxiliaries: frozenset[str]
    nonfactual_markers: frozenset[str]
    nonfactual_modifiers: frozenset[str]
    future_times: frozenset[str]
    state_proxy_nouns: frozenset[str]
    organization_kind_nouns: frozenset[str]


@lru_cache(maxsize=None)
def load_lexicon(path: Path = DATA_DIR / "lexicon.yaml", triggers: Path = DATA_DIR / "triggers.yaml") -> Lexicon:
    """Read the lexicon file and add the generated trigger words to the lists they feed;
    every list becomes a lower-cased frozenset."""
    curated = parse_yaml(path.read_text(encoding="utf-8"))
    words = {name: set(curated[name]) for name in Lexicon.__dataclass_fields__}
    for generated in load_triggers(triggers).values():
        words[generated["feeds"]] |= set(generated["words"])
    return Lexicon(**{name: frozenset(w.lower() for w in listed) for name, listed in words.items()})


def load_triggers(path: Path = DATA_DIR / "triggers.yaml") -> dict[str, dict]:
    """The generated trigger lists: {name: {feeds, source, seeds, words}}."""
    return parse_yaml(path.read_text(encoding="utf-8"))
