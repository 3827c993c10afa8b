"""Word lists that the extraction rules read, loaded from ``data/lexicon.yaml``.

The rules in :mod:`kg.nlp` never hard-code vocabulary: a word that changes
what a rule catches belongs in the lexicon file, where a user can see and
extend it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kg.resources import DATA_DIR


@dataclass(frozen=True)
class Lexicon:
    delegation_nouns: frozenset[str]
    delegation_plural_only: frozenset[str]
    other_team_kinds: frozenset[str]
    organization_words: frozenset[str]
    actor_verbs: frozenset[str]
    actor_organization_words: frozenset[str]
    media_words: frozenset[str]
    name_particles: frozenset[str]
    locative_prepositions: frozenset[str]
    travel_verbs: frozenset[str]
    past_role_modifiers: frozenset[str]
    non_state_sectors: frozenset[str]
    lead_verbs: frozenset[str]
    membership_verbs: frozenset[str]
    passive_membership_verbs: frozenset[str]
    membership_prepositions: frozenset[str]
    accuse_verbs: frozenset[str]
    allege_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    wrongdoing_predicates: frozenset[str]
    designation_verbs: frozenset[str]
    wrongdoer_nouns: frozenset[str]
    claim_prepositions: frozenset[str]
    meet_verbs: frozenset[str]
    guest_verbs: frozenset[str]
    talk_verbs: frozenset[str]
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
    nonfactual_governors: frozenset[str]
    nonfactual_auxiliaries: frozenset[str]
    nonfactual_markers: frozenset[str]
    nonfactual_modifiers: frozenset[str]
    future_times: frozenset[str]
    state_proxy_nouns: frozenset[str]


@lru_cache(maxsize=None)
def load_lexicon(path: Path = DATA_DIR / "lexicon.yaml") -> Lexicon:
    """Read the lexicon file; every list becomes a lower-cased frozenset."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Lexicon(**{name: frozenset(w.lower() for w in raw[name]) for name in Lexicon.__dataclass_fields__})
