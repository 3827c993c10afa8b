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


# (people as {key: (name, articles)}, the joins expected as {key: canonical key})
IDENTITY_CASES = [
    # every word at the threshold or above ("koren"/"korem" is 80 exactly): one person, the
    # name in more articles canonical
    ({"person:ann-koren": ("Ann Koren", 2), "person:ann-korem": ("Ann Korem", 1)},
     {"person:ann-korem": "person:ann-koren"}),
    ({"person:mirel-koren": ("Mirel Koren", 1), "person:mirex-korem": ("Mirex Korem", 3)},
     {"person:mirel-koren": "person:mirex-korem"}),
    # alike as wholes (88) but one word is not (60): two people
    ({"person:alexandrina-koren": ("Alexandrina Koren", 1), "person:alexandrina-kovem": ("Alexandrina Kovem", 1)},
     {}),
    # three spellings join the one named most; a bare surname joins its only owner
    ({"person:volodymyr-zelensky": ("Volodymyr Zelensky", 5), "person:volodymyr-zelenskyy": ("Volodymyr Zelenskyy", 2),
      "person:volodymyr-zelenskiy": ("Volodymyr Zelenskiy", 1), "person:zelensky": ("Zelensky", 1)},
     {"person:volodymyr-zelenskyy": "person:volodymyr-zelensky",
      "person:volodymyr-zelenskiy": "person:volodymyr-zelensky", "person:zelensky": "person:volodymyr-zelensky"}),
    # another first letter is another block: never compared
    ({"person:andrii-sybiha": ("Andrii Sybiha", 1), "person:ondrii-sybiha": ("Ondrii Sybiha", 1)}, {}),
]


@pytest.mark.parametrize(("people", "expected"), IDENTITY_CASES)
def test_resolve_person_identities_join_spelling_variants_word_by_word(people, expected):
    from kg.resolve import person_identities

    assert {key: target for key, (target, _) in person_identities(people).items()} == expected
