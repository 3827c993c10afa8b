"""LEADS, MEMBER_OF and REPRESENTS rules: (text, expected edges) tables on the real model.

The sentences are written for these tests (not taken from the dev articles),
each for one construction the rules claim to catch. A FOUND row states the whole
answer: every LEADS, MEMBER_OF and REPRESENTS edge the sentence gives, the
REPRESENTS of each delegation to its party included, so an extra one fails the test.
"""
from __future__ import annotations

import pytest

from kg.models import RelType
from tests.conftest import of_types

STRUCTURAL = (RelType.LEADS, RelType.MEMBER_OF, RelType.REPRESENTS)

# (text, every structural edge it gives)
FOUND = [
    # title before the name
    ("French President Emmanuel Macron spoke on Friday.", {("Emmanuel Macron", "LEADS", "France")}),
    ("Kenyan Foreign Minister Musalia Mudavadi arrived in Addis Ababa.", {("Musalia Mudavadi", "REPRESENTS", "Kenya")}),
    ("The talks were opened by UN Secretary-General Antonio Guterres.", {("Antonio Guterres", "LEADS", "United Nations")}),
    # apposition after the name
    ("Olaf Scholz, the German chancellor, said the plan was fair.", {("Olaf Scholz", "LEADS", "Germany")}),
    ("Sergei Lavrov, Russia's foreign minister, rejected the offer.", {("Sergei Lavrov", "REPRESENTS", "Russia")}),
    (
        "Oleksandr Bevz, Ukraine's chief negotiator, flew to Geneva.",
        {
            ("Oleksandr Bevz", "LEADS", "Ukraine delegation"),
            ("Oleksandr Bevz", "REPRESENTS", "Ukraine"),
            ("Ukraine delegation", "REPRESENTS", "Ukraine"),
        },
    ),
    # apposition before the name
    ("The Kremlin spokesman, Dmitry Peskov, declined to comment.", {("Dmitry Peskov", "REPRESENTS", "Russia")}),
    ("The NATO secretary general, Jens Stoltenberg, visited Kyiv.", {("Jens Stoltenberg", "LEADS", "NATO")}),
    ("Japan's prime minister, Fumio Kishida, met reporters.", {("Fumio Kishida", "LEADS", "Japan")}),
    # the party after the name
    ("He was welcomed by President Cyril Ramaphosa of South Africa.", {("Cyril Ramaphosa", "LEADS", "South Africa")}),
    # passive and active lead verbs
    (
        "The Iranian delegation was led by Abbas Araghchi.",
        {("Abbas Araghchi", "LEADS", "Iran delegation"), ("Iran delegation", "REPRESENTS", "Iran")},
    ),
    # a participle: "the delegation, led by X"
    (
        "The Houthi delegation, led by Mohammed Abdulsalam, arrived in Muscat.",
        {("Mohammed Abdulsalam", "LEADS", "Houthis delegation"), ("Houthis delegation", "REPRESENTS", "Houthis")},
    ),
    # membership verbs
    (
        "Israel's team includes Ron Dermer and David Barnea.",
        {
            ("Ron Dermer", "MEMBER_OF", "Israel delegation"),
            ("David Barnea", "MEMBER_OF", "Israel delegation"),
            ("Israel delegation", "REPRESENTS", "Israel"),
        },
    ),
    (
        "The Saudi side was represented by Faisal bin Farhan and Adel al-Jubeir.",
        {
            ("Faisal bin Farhan", "MEMBER_OF", "Saudi Arabia delegation"),
            ("Adel al-Jubeir", "MEMBER_OF", "Saudi Arabia delegation"),
            ("Saudi Arabia delegation", "REPRESENTS", "Saudi Arabia"),
        },
    ),
    # a role the tokenizer split at its hyphen: a vice-president represents
    ("Lena Marsh, vice-president of Ghana, spoke on Sunday.", {("Lena Marsh", "REPRESENTS", "Ghana")}),
    # a title that names its party, whatever follows the name
    ("Polls put incumbent US President Donald Trump of the Republican Party behind.", {("Donald Trump", "LEADS", "United States")}),
    # a role compounding the apposition's noun: "the Governor General of Canada"
    ("Mary Simon, the Governor General of Canada, opened parliament.", {("Mary Simon", "REPRESENTS", "Canada")}),
    # a possessive and a role the tokenizer split at its hyphen
    ("Mark Rutte, NATO's secretary-general, spoke on Monday.", {("Mark Rutte", "LEADS", "NATO")}),
    # "serve as" with a role: the role is the complement's noun
    ("Peter Novak served as Foreign Minister of Slovakia.", {("Peter Novak", "REPRESENTS", "Slovakia")}),
    ("Ivana Horvat was the Prime Minister of Croatia.", {("Ivana Horvat", "LEADS", "Croatia")}),
    # a delegation represents its party
    ("The Chinese delegation arrived in Geneva on Monday.", {("China delegation", "REPRESENTS", "China")}),
    (
        "Qatari and Egyptian negotiators met on Sunday.",
        {("Qatar delegation", "REPRESENTS", "Qatar"), ("Egypt delegation", "REPRESENTS", "Egypt")},
    ),
    # one plural role, several states, as many names in order
    (
        "The Kenyan minister met his Ugandan and Tanzanian counterparts, Jeje Odongo and Liberata Mulamula.",
        {("Jeje Odongo", "REPRESENTS", "Uganda"), ("Liberata Mulamula", "REPRESENTS", "Tanzania")},
    ),
    # the aide of a leader represents what the leader leads
    (
        "French President Emmanuel Macron's spokeswoman, Maud Bregeon, declined to comment.",
        {("Maud Bregeon", "REPRESENTS", "France"), ("Emmanuel Macron", "LEADS", "France")},
    ),
    # plural titles and the party after each name
    (
        "Presidents Paul Kagame of Rwanda and Felix Tshisekedi of DR Congo signed the accord.",
        {("Paul Kagame", "LEADS", "Rwanda"), ("Felix Tshisekedi", "LEADS", "DR Congo")},
    ),
    # coordinated names share the state of the first title
    (
        "Indian prime minister Narendra Modi and finance minister Nirmala Sitharaman attended.",
        {("Narendra Modi", "LEADS", "India"), ("Nirmala Sitharaman", "REPRESENTS", "India")},
    ),
]

# (text, edges that must not be there)
NOT_FOUND = [
    # a former holder no longer leads
    ("Former French President Nicolas Sarkozy was sentenced.", {("Nicolas Sarkozy", "LEADS", "France")}),
    # an ambassador to a country represents the sender, not the host
    ("US Ambassador to Germany Richard Grenell wrote a letter.", {("Richard Grenell", "REPRESENTS", "Germany")}),
    # a role narrowed by a sector heads a body, not the state: an opposition leader leads no state
    ("Belarusian opposition leader Sviatlana Tsikhanouskaya spoke in Vilnius.", {("Sviatlana Tsikhanouskaya", "LEADS", "Belarus")}),
    ("Egyptian intelligence chief Abbas Kamel arrived in Gaza.", {("Abbas Kamel", "LEADS", "Egypt")}),
    # a person who leads an entity does not also represent it
    ("Brazilian President Luiz Inacio Lula da Silva spoke.", {("Luiz Inacio Lula da Silva", "REPRESENTS", "Brazil")}),
    # a title that names its party: the party after the name is the person's own
    ("Polls put incumbent US President Donald Trump of the Republican Party behind.", {("Donald Trump", "LEADS", "Republican Party")}),
    # a plural role describes the names it goes with, not the single person before it
    ("Crowds toppled statues of Christopher Columbus, US presidents George Washington and Ulysses S. Grant, and others.",
     {("Christopher Columbus", "LEADS", "United States")}),
    ("They tore down statues of Christopher Columbus, US presidents George Washington and Ulysses S. Grant, and "
     "abolitionist Matthias Baldwin.", {("Christopher Columbus", "LEADS", "United States")}),
    # a past role in an apposition, the word split at its hyphens or not
    ("Lena Marsh, former vice-president of Ghana, died on Sunday.", {("Lena Marsh", "LEADS", "Ghana"), ("Lena Marsh", "REPRESENTS", "Ghana")}),
    ("Tom Reyes, formerly a deputy minister of Chile, spoke.", {("Tom Reyes", "REPRESENTS", "Chile")}),
    # a vice-president represents, the president leads
    ("Lena Marsh, vice-president of Ghana, spoke on Sunday.", {("Lena Marsh", "LEADS", "Ghana")}),
    # a place is not the short name of an organisation named after it
    ("Tony Evers, the governor of Wisconsin, signed it. The Wisconsin Supreme Court ruled.", {("Tony Evers", "LEADS", "Wisconsin Supreme Court")}),
    # the role named is the apposition's or complement's own noun, not one nested in it
    ("John Smith served as an adviser to the President of France.", {("John Smith", "LEADS", "France")}),
    ("Maria Lopez was one of the deputies of the Prime Minister of Spain.", {("Maria Lopez", "LEADS", "Spain")}),
    ("Ana Costa, an aide to the President of Brazil, spoke on Monday.", {("Ana Costa", "LEADS", "Brazil")}),
    # a team of another kind is no delegation
    ("The Brazilian football team beat Argentina on Sunday.", {("Brazil delegation", "REPRESENTS", "Brazil")}),
    ("Kenya's Olympic delegation arrived in Paris.", {("Kenya delegation", "REPRESENTS", "Kenya")}),
    ("She refused to play for the Iran National Team.", {("Iran delegation", "REPRESENTS", "Iran")}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_structural_finds_exactly_the_edges(edges, text, expected):
    found, expected = of_types(edges(text), STRUCTURAL), of_types(expected, STRUCTURAL)
    assert found == expected, f"missing {expected - found}; extra {found - expected}"


@pytest.mark.parametrize(("text", "forbidden"), NOT_FOUND)
def test_structural_avoids_edges(edges, text, forbidden):
    found = edges(text)
    assert not (forbidden & found), f"unexpected {forbidden & found}"
