"""Roles read across an article: (text, the exact LEADS/MEMBER_OF/REPRESENTS edges) on the real model.

Each row states the whole answer for the three structural types: the test fails on a missing
edge and on an extra one. The sentences are invented for these tests; the near-misses give
an office whose state the article does not name, the counterpart's state, a former or shadow
office, and another government's office.
"""
from __future__ import annotations

import pytest

STRUCTURAL = {"LEADS", "MEMBER_OF", "REPRESENTS"}

ROLES = [
    # an office of one state, completed by the article naming that state
    ("Foreign Secretary Hugo Pell arrived in Nairobi. Britain has pledged aid to Kenya.",
     {("Hugo Pell", "REPRESENTS", "United Kingdom")}),
    ("Taoiseach Niall Brennan said Ireland would vote in favour.", {("Niall Brennan", "LEADS", "Ireland")}),
    # another person's name inside a title that is held now
    ("Bill Dawson White House Press Secretary Jo Marsh questioned the plan.",
     {("Jo Marsh", "REPRESENTS", "United States")}),
    # the role stated once gives the edge for the later mentions too
    ("Secretary of State Mark Dalton flew to Cairo. Dalton told Egyptian officials that the United States would help.",
     {("Mark Dalton", "REPRESENTS", "United States")}),
    # the office's full title: the US national security adviser
    ("Henry Kissinger, the Assistant to the President for National Security Affairs, flew to Beijing. "
     "The United States agreed.", {("Henry Kissinger", "REPRESENTS", "United States")}),
    # a state whose office may be one of two: only the one the article names
    ("Chancellor Greta Vogel spoke to German reporters on Tuesday.", {("Greta Vogel", "LEADS", "Germany")}),
    # a spokesman of a national body represents its state
    ("Turkish Foreign Ministry spokesman Ali Demir rejected the claim.", {("Ali Demir", "REPRESENTS", "Turkey")}),
    ("Foreign Office spokesman Tim Hale said Britain found the talks useful.",
     {("Tim Hale", "REPRESENTS", "United Kingdom")}),
    # a participle on the noun before its comma; a state's government is the state
    ("The Federal Government of Somalia, led by Prime Minister Omar Hassan, signed the deal.",
     {("Omar Hassan", "LEADS", "Somalia")}),
    # "represented by" a head of government: he leads it; by a minister: he represents it
    ("The Kurdistan Regional Government, represented by Prime Minister Dara Aziz, signed the deal.",
     {("Dara Aziz", "LEADS", "Kurdistan Regional Government")}),
    ("The Kurdistan Regional Government, represented by its trade minister Dara Aziz, signed the deal.",
     {("Dara Aziz", "REPRESENTS", "Kurdistan Regional Government")}),
    # relative clauses
    ("The Syrian Army, whose commander-in-chief is President Omar Khalil, entered the town.",
     {("Omar Khalil", "LEADS", "Syrian Arab Army")}),
    ("Amina Otieno, who is the President of Kenya, spoke on Monday.", {("Amina Otieno", "LEADS", "Kenya")}),
    # the relative pronoun found in text order, past a citation mark
    ("It was later run by his cousin Omar Khalil [2], who would later become the President of Syria.",
     {("Omar Khalil", "LEADS", "Syria")}),
    # a copula coordinated with the verb the name is the subject of
    ("Karim Haddad, born in Aleppo in 1975, was a senior commander of Hezbollah.",
     {("Karim Haddad", "MEMBER_OF", "Hezbollah")}),
    # a proper name before a membership role names the body; the state before it is represented
    ("Chinese Politburo member Li Wen met Kenyan officials.",
     {("Li Wen", "MEMBER_OF", "Politburo"), ("Li Wen", "REPRESENTS", "China")}),
    # the subject of a lead verb named in apposition
    ("His half-brother, Kamal Souma, led the Communist-dominated Hezbollah.", {("Kamal Souma", "LEADS", "Hezbollah")}),
    # the office holders of an organisation
    ("The EU High Representative Ana Moreno arrived in Kyiv on Monday.", {("Ana Moreno", "REPRESENTS", "European Union")}),
    ("UN Special Envoy Lars Nilsen met Syrian officials in Damascus.", {("Lars Nilsen", "REPRESENTS", "United Nations")}),
    ("UN Secretary-General Kofi Mensah called for a ceasefire. The Secretary-General said the fighting must stop.",
     {("Kofi Mensah", "LEADS", "United Nations")}),
    ("Walid Karim, a member of the North Korean Politburo, arrived in Beijing.", {("Walid Karim", "MEMBER_OF", "Politburo")}),
    ("Reza Amini, a member of Iran's Quds Force, was arrested.",
     {("Reza Amini", "MEMBER_OF", "Quds Force"), ("Reza Amini", "REPRESENTS", "Iran")}),
    # a legislator's title and the legislature the article names
    ("Senator Jane Holt said the Senate would vote on the treaty.", {("Jane Holt", "MEMBER_OF", "United States Senate")}),
    # coordinated titles share the state of the title before them, whatever the parse
    ("The summit was attended by Kenyan president Amina Otieno and trade minister Paul Kamau, and Ugandan "
     "president Moses Okello and trade minister Grace Achieng.",
     {("Amina Otieno", "LEADS", "Kenya"), ("Paul Kamau", "REPRESENTS", "Kenya"),
      ("Moses Okello", "LEADS", "Uganda"), ("Grace Achieng", "REPRESENTS", "Uganda")}),
    ("US President Tom Grant and Secretary of State Mark Dalton flew to Cairo.",
     {("Tom Grant", "LEADS", "United States"), ("Mark Dalton", "REPRESENTS", "United States")}),
    # an apposition before the name, set off by commas, read in text order
    ("From the start, Rivera and his Secretary of State, Mark Dalton, pursued talks. The United States agreed.",
     {("Mark Dalton", "REPRESENTS", "United States")}),
    # a preposition before the title is not the title's ("talk to", unlike "ambassador to")
    ("Ethiopia refused to talk to Kenyan leader Amina Otieno.", {("Amina Otieno", "LEADS", "Kenya")}),
    # a role phrase with an article inside
    ("Bulgaria's Chief of the General Staff, Ivan Petrov, met his Greek counterpart.",
     {("Ivan Petrov", "REPRESENTS", "Bulgaria")}),
]

NEAR_MISSES = [
    # the office's state is not named in the article
    ("Foreign Secretary Hugo Pell arrived in Nairobi on Monday.", set()),
    # the counterpart's state is not the visitor's
    ("Foreign Secretary Hugo Pell met Iraq's foreign minister Samir Daoud in Baghdad.",
     {("Samir Daoud", "REPRESENTS", "Iraq")}),
    # a visit to a state that has an office of the same name: not the visitor's state
    ("Foreign Secretary Hugo Pell arrived in Islamabad for talks with Pakistan's leaders.", set()),
    # a longer office of another government than the table's
    ("Secretary of State for Northern Ireland Julian Smith met United States officials.", set()),
    # a former or shadow office is not held
    ("Former Foreign Secretary Hugo Pell spoke in Manchester. Britain has pledged aid.", set()),
    ("Shadow Foreign Secretary Hugo Pell criticised the British government.", set()),
    ("Former UN Secretary-General Kofi Mensah criticised the plan.", set()),
    ("Then-Secretary of State Mark Dalton visited Cairo. The United States backed the talks.", set()),
    # "former" before the name of the one whose office it was still makes it past
    ("The former Bill Dawson White House Press Secretary Jo Marsh questioned the plan.", set()),
    # a body named after a state is not the state's own unless the gazetteer says so
    ("Nikos Pappas, deputy director of the Greek Energy Forum, spoke.", {("Nikos Pappas", "MEMBER_OF", "Greek Energy Forum")}),
    # a legislator's title with no legislature named
    ("Senator Jane Holt said the treaty was bad.", set()),
    # a state senator, or a senator where another senate is named
    ("State Senator Jane Holt said the Senate would vote on the bill.", set()),
    ("Senator Jane Holt said the Senate would vote. The Puerto Rico Senate had sued.", set()),
    # two candidate states named: the office stays open
    ("Chancellor Greta Vogel met Austrian and German officials.", set()),
    # a title that names another office in a state the article names (the UK's Chancellor)
    ("Chancellor Rishi Patel said Britain would borrow more, as Germany did.", set()),
    # a university's chancellor leads the university, no state
    ("University of Nairobi chancellor Ruth Wanjiru spoke. Austria sent a delegation.",
     {("Ruth Wanjiru", "LEADS", "University of Nairobi")}),
    # another government's office is not shared across a coordination
    ("Kenyan President Amina Otieno and Foreign Secretary Hugo Pell met in Nairobi.",
     {("Amina Otieno", "LEADS", "Kenya")}),
    # a second head of state or government is another state's
    ("Russian President Ivan Volkov and President Tom Grant met in Helsinki.", {("Ivan Volkov", "LEADS", "Russia")}),
    # a national body's state must be named; a company named after a state is no body of it
    ("Foreign Office spokesman Tim Hale said the talks were useful.", {("Tim Hale", "REPRESENTS", "Foreign Office")}),
    ("Turkish Airlines spokesman Ali Demir said the flights resumed.", {("Ali Demir", "REPRESENTS", "Turkish Airlines")}),
    # a title of a place or body that is no actor is not the state's ("Montana Secretary of State")
    ("Oregon Secretary of State Dana Ruiz said the United States would act.", set()),
    # a generic body noun before a membership role names no body
    ("Cabinet member Sara Levi resigned on Friday.", set()),
    ("Acme's Chief Technical Officer Chris Wood wrote the announcement.", set()),
    # a negated or hypothetical copula gives no role
    ("Amina Otieno, who is not the President of Kenya, spoke on Monday.", set()),
    ("Amina Otieno, who would become President of Kenya if she won, spoke on Monday.", set()),
    # a headline above the name is no title of it
    ("Statement on Kenya\n\nForeign Secretary Hugo Pell said the vote was fair.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ROLES + NEAR_MISSES)
def test_roles_exact_structural_edges(edges, text, expected):
    found = {e for e in edges(text) if e[1] in STRUCTURAL}
    assert found == expected, f"missing {expected - found}; extra {found - expected}"


def test_roles_office_states_from_the_table():
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.office_states("Foreign Secretary")[0] == "GBR"
    assert gaz.office_states("Tánaiste") == ("IRL",)
    assert gaz.office_states("president") == ()
    assert "shadow" in gaz.not_in_office


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("offices:\n  of_states:\n    chief dreamer: [GBR]\n", "offices: chief dreamer: not a role of titles.yaml"),
        ("offices:\n  of_states:\n    foreign secretary: [XXA]\n", "offices: XXA: not a state of the gazetteer"),
        ("offices:\n  of_states:\n    foreign secretary: [gb]\n", "of_states: foreign secretary: expected iso3 codes"),
    ],
)
def test_roles_office_table_errors_name_the_entry(tmp_path, content, message):
    from kg.gazetteer import GazetteerError, load_gazetteer

    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer([path])
