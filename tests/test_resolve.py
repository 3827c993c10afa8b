"""Resolution within an article: surnames, titles, metonyms, delegations."""
from __future__ import annotations

import pytest

from kg.resolve import clean_name, slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"), ("Jean-Yves Le Drian", "jean-yves-le-drian"), ("U.S.", "u-s")],
)
def test_resolve_slug_is_ascii_and_stable(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("the Kremlin's", "Kremlin"), ("Ukraine’s", "Ukraine"), ("  Nato ", "Nato")])
def test_resolve_clean_name_drops_article_and_possessive(text, expected):
    assert clean_name(text) == expected


def _names(extraction) -> dict[str, str]:
    return {key: actor["name"] for key, actor in extraction.actors.items()}


def test_resolve_surname_joins_the_full_name_named_most(read):
    text = (
        "Joe Biden spoke in Delaware. Joe Biden thanked voters. His son Hunter Biden was absent. "
        "Biden accused Donald Trump of lying."
    )
    extraction = read(text)
    names = _names(extraction)
    accusations = [(names[r.source], names[r.target]) for r in extraction.relations if r.type.value == "ACCUSES"]
    assert accusations == [("Joe Biden", "Donald Trump")]


def test_resolve_metonyms_act_as_their_state_and_places_stay_places(read):
    extraction = read("The Kremlin said the talks in Geneva went well. Moscow rejected the offer.")
    actors = extraction.actors
    assert actors["state:RUS"]["name"] == "Russia"
    assert {"Kremlin", "Moscow"} <= set(actors["state:RUS"]["aliases"])
    assert {"seat", "capital"} <= set(actors["state:RUS"]["how"])
    assert not any(a["name"] == "Switzerland" for a in actors.values())


def test_resolve_capital_as_a_location_is_no_actor(read):
    extraction = read("Negotiators from two Gulf monarchies met in Moscow on Friday.")
    assert "state:RUS" not in extraction.actors


def test_resolve_delegation_id_is_its_party(read):
    extraction = read("Ukraine's team arrived first; the Ukrainian delegation was led by Rustem Umerov.")
    assert extraction.actors["delegation:UKR"]["name"] == "Ukraine delegation"
