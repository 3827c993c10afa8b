"""Events as frames: each trigger's frame is kept in the extraction record, and the edges are
derived from the frame (pairs across sides, a mediator to each party, nothing from what did
not happen). The sentences are invented for these tests."""
from __future__ import annotations

import json

from kg.models import Extraction, RelType


def _events(read, text):
    extraction = read(text)
    names = {key: actor["name"] for key, actor in extraction.actors.items()}
    return extraction, [
        (e.type.value, e.trigger, [sorted(names[k] for k in side) for side in e.sides], sorted(names[k] for k in e.mediators), e.factual)
        for e in extraction.events
    ]


def test_frames_keep_each_event_with_its_sides_and_factuality(read):
    _, events = _events(read, "Kenya accused Somalia of violating its airspace. Narendra Modi refused to meet Shehbaz Sharif.")
    assert events == [
        ("ACCUSES", "accused", [["Kenya"], ["Somalia"]], [], True),
        ("MEETS", "meet", [["Narendra Modi"], ["Shehbaz Sharif"]], [], False),
    ]


def test_frames_an_unreal_event_gives_no_edge(read):
    extraction, _ = _events(read, "Narendra Modi refused to meet Shehbaz Sharif.")
    assert [r for r in extraction.relations if r.type == RelType.MEETS] == []


def test_frames_a_mediator_is_a_role_of_the_event(read):
    extraction, events = _events(read, "Israel and Hamas held Qatari-mediated talks in Doha.")
    assert events == [("NEGOTIATES_WITH", "talks", [["Israel"], ["Hamas"]], ["Qatar"], True)]
    assert {r.type for r in extraction.relations} == {RelType.NEGOTIATES_WITH, RelType.MEDIATES}
    assert {r.evidence.rule for r in extraction.relations} == {"negotiation_noun"}


def test_frames_keep_the_claim_and_the_trigger_offset(read):
    text = "The talks were long. Lithuania accused Belarus of weaponising migrants."
    extraction, _ = _events(read, text)
    (event,) = extraction.events
    assert event.claim == "of weaponising migrants"
    assert text[event.trigger_start : event.trigger_start + len(event.trigger)] == "accused"
    assert event.evidence.sentence == "Lithuania accused Belarus of weaponising migrants."


def test_frames_survive_the_record_round_trip(read):
    extraction = read("Qatar mediated between Israel and Hamas. Emmanuel Macron met Olaf Scholz.")
    again = Extraction.from_dict(json.loads(json.dumps(extraction.to_dict())))
    assert again.events == extraction.events and len(again.events) == 2
