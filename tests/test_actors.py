"""Actor typing on the real model: which names a text gives as which kind of actor.

Each row states the whole answer for the labels under test: the exact set of
(canonical name, label) actors the sentence gives, so an extra actor fails the test.
"""
from __future__ import annotations

import pytest

STATES_AND_ORGS = ("State", "Organization")


@pytest.fixture(scope="session")
def actors(read):
    """The actors of one text with the given labels, as ``{(name, label)}``."""

    def run(text: str, labels: tuple[str, ...]) -> set[tuple[str, str]]:
        extraction = read(text)
        return {(a["name"], a["label"]) for a in extraction.actors.values() if a["label"] in labels}

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's government is the state, however it is written
        ("The Canadian government rejected the proposal on Monday.", {("Canada", "State")}),
        ("The Government of Peru said it would appeal.", {("Peru", "State")}),
        ("A spokesman said the federal government of Brazil had no comment.", {("Brazil", "State")}),
        ("Officials said the U.S. government had frozen the accounts.", {("United States", "State")}),
        ("Fighters loyal to the Syrian regime shelled the town.", {("Syria", "State")}),
        # near misses: a body named after a state, and a region's government, stay organisations
        (
            "The Peruvian National Police arrested two men.",
            {("Peru", "State"), ("Peruvian National Police", "Organization")},
        ),
        (
            "The Kurdistan Regional Government signed the accord.",
            {("Kurdistan Regional Government", "Organization")},
        ),
    ],
)
def test_actors_a_states_government_is_the_state(actors, text, expected):
    assert actors(text, STATES_AND_ORGS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # former states are states of their own, and the longest name wins
        (
            "The Soviet Union and East Germany signed a treaty in 1964.",
            {("Soviet Union", "State"), ("East Germany", "State")},
        ),
        ("North Vietnamese troops crossed into South Vietnam.", {("North Vietnam", "State"), ("South Vietnam", "State")}),
        ("The USSR protested to Yugoslavia.", {("Soviet Union", "State"), ("Yugoslavia", "State")}),
        ("West German officials met their Soviet counterparts.", {("Germany", "State"), ("Soviet Union", "State")}),
        # near miss: today's states are not their predecessors
        ("Vietnam and Germany signed a trade deal.", {("Vietnam", "State"), ("Germany", "State")}),
    ],
)
def test_actors_former_states_are_states(actors, text, expected):
    assert actors(text, ("State",)) == expected
