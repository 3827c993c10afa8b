"""ACCUSES: (text, the exact set of ACCUSES edges) tables on the real model.

The sentences are written for these tests, one construction each; none is taken from the
dev articles or the peer suites. Each row states the whole answer: an extra ACCUSES edge fails
it, and the near-misses must give none.
"""
from __future__ import annotations

import pytest

ACCUSES = [
    # the object of a verb of accusation, and as a participle clause of another verb
    ("Kenya accused Somalia of violating its airspace.", {("Kenya", "Somalia")}),
    ("Chile filed a complaint with the United Nations, accusing Peru of violating the treaty.", {("Chile", "Peru")}),
    ("Morocco recalled its ambassador, blaming Algeria for the border closure.", {("Morocco", "Algeria")}),
    ("The Finnish government chided Estonia over the fishing quotas.", {("Finland", "Estonia")}),
    # an act whose author the object names: by X, X's, an organisation or demonym before it,
    # armed forces of a state, "the actions of X"
    ("Norway condemned the attack by Hezbollah on the convoy.", {("Norway", "Hezbollah")}),
    ("Portugal condemned an attack by Venezuelan soldiers near the border.", {("Portugal", "Venezuela")}),
    ("Austria denounced Serbia's crackdown on the protesters as a crime.", {("Austria", "Serbia")}),
    ("Denmark condemned the Hamas attack on the festival.", {("Denmark", "Hamas")}),
    ("Jordan condemned the Israeli air strikes on the camp.", {("Jordan", "Israel")}),
    ("The Security Council condemned the North Korean missile launch.", {("United Nations Security Council", "North Korea")}),
    ("Colombia condemned the actions of the ELN in Arauca.", {("Colombia", "ELN")}),
    ("The attack by Azerbaijani troops was condemned by France.", {("France", "Azerbaijan")}),
    ("Ghana condemned both the Boko Haram attack on the school and the kidnapping of the teachers.", {("Ghana", "Boko Haram")}),
    # a state's legislators stand for the state
    ("Brazilian lawmakers condemned the attack by Paraguayan soldiers.", {("Brazil", "Paraguay")}),
    # an official complaint about an act, and an envoy summoned to hear one
    ("Cyprus complained to the European Union over Turkish naval incursions.", {("Cyprus", "Turkey")}),
    ("Sweden complained about Iran's detention of its diplomats.", {("Sweden", "Iran")}),
    ("Poland summoned the Belarusian ambassador to protest the arrests.", {("Poland", "Belarus")}),
    # nouns of accusation: the possessor or "its" is the accuser, "against"/"of" the accused
    ("The African Union is united in its condemnation of Sudan's military rulers.", {("African Union", "Sudan")}),
    ("Ecuador levelled accusations against Colombia at the summit.", {("Ecuador", "Colombia")}),
    ("Japan's criticism of China's naval exercises was unusually sharp.", {("Japan", "China")}),
    ("Donald Trump levelled fresh criticism at Joe Biden on Monday.", {("Donald Trump", "Joe Biden")}),
    ("Turkey drew criticism from the European Union for the operation.", {("European Union", "Turkey")}),
    ("Kenya's accusation that Somalia had sheltered the gunmen angered Mogadishu.", {("Kenya", "Somalia")}),
    # each accuses the other
    ("Armenia and Azerbaijan accused each other of violating the ceasefire.", {("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")}),
    ("India and Pakistan traded accusations over the shelling.", {("India", "Pakistan"), ("Pakistan", "India")}),
    # the blame put on someone
    ("Iraq blamed the bombing on al-Qaeda.", {("Iraq", "al-Qaeda")}),
    # the subject of a relative clause is the noun it modifies
    ("Chile, which accused Peru of violating the treaty, recalled its ambassador.", {("Chile", "Peru")}),
    ("Kenya issued a statement accusing Somalia of violating its airspace.", {("Kenya", "Somalia")}),
    # designation: responsible, illegal, a terrorist, described as an extremist
    ("Turkey held Israel responsible for the deaths.", {("Turkey", "Israel")}),
    ("Egypt called Ethiopia's filling of the dam illegal.", {("Egypt", "Ethiopia")}),
    ("Germany has called Hamas a terrorist organisation.", {("Germany", "Hamas")}),
    (
        "Abu Bakar, who is described by the United States Department of the Treasury as an extremist, was arrested.",
        {("US Treasury", "Abu Bakar")},
    ),
    # reported speech: a wrong done by a named doer, a wrong named with its author
    ("Volodymyr Zelensky said Russian troops had shelled the hospital.", {("Volodymyr Zelensky", "Russia")}),
    ("Nikol Pashinyan said Azerbaijani aggression had to end.", {("Nikol Pashinyan", "Azerbaijan")}),
    ("Turkey said Greece was to blame for the fire.", {("Turkey", "Greece")}),
    ("Turkey said Greek forces carried out the attack.", {("Turkey", "Greece")}),
    ("The United Nations confirmed reports that al-Shabaab had killed twelve aid workers.", {("United Nations", "al-Shabaab")}),
    ("Russian forces have killed hundreds of civilians, according to Ukraine.", {("Ukraine", "Russia")}),
    ("China condemned the US decision to sell arms to Taiwan.", {("China", "United States")}),
    ("Ukraine says Russia shelled the plant", {("Ukraine", "Russia")}),
    # a title the parser took for the subject's head stands for the person named in it, not the
    # state that modifies it
    ("UK Ambassador to Kenya Jane Marriott accused Russia of violating the treaty.", {("Jane Marriott", "Russia")}),
    # an act, a conduct or a government called wrong by its adjective, in what an actor says
    ("Foreign Minister Penny Wong said Australia would resist Russia's illegal annexation of Crimea.", {("Penny Wong", "Russia")}),
    ("Foreign Minister Penny Wong said Australia would increase the pressure on Nicolas Maduro's brutal regime.", {("Penny Wong", "Nicolas Maduro")}),
    # a wrong said of an act whose author is named; a statement's paragraph that ends the line
    ("Foreign Minister Penny Wong said Russia's annexation of Crimea is illegal.", {("Penny Wong", "Russia")}),
    ("Foreign Minister Penny Wong said Russia's referendum was a sham.", {("Penny Wong", "Russia")}),
    (
        "Foreign Minister Penny Wong said: Australia has worked with its partners. This shows that "
        "Bashar al-Assad's war on ISIL is a sham.\n\nAustralia will keep up the pressure.",
        {("Penny Wong", "Bashar al-Assad")},
    ),
    # complicity: a verb of support whose object names a wrong
    ("Foreign Minister Penny Wong said Iran funds terrorism.", {("Penny Wong", "Iran")}),
    (
        "Foreign Minister Penny Wong said Russia supports Bashar al-Assad's brutal regime.",
        {("Penny Wong", "Russia"), ("Penny Wong", "Bashar al-Assad")},
    ),
    # a wrongdoer listed with others of the kind, whatever the verb says of them
    ("Foreign Minister Penny Wong said Vladimir Putin and other war criminals must be held to account.", {("Penny Wong", "Vladimir Putin")}),
    (
        "Foreign Minister Penny Wong said:\n\nWe will ensure that Omar al-Bashir and other perpetrators of war crimes face justice.",
        {("Penny Wong", "Omar al-Bashir")},
    ),
    # a definite description of an organisation's kind: the one of that kind named before
    ("Kenya banned the airline Jambo Air on Monday. Uganda said the airline had violated the sanctions.", {("Uganda", "Jambo Air")}),
    ("The Wagner Group arrived in Mali. France said the group had killed civilians in Moura.", {("France", "Wagner Group")}),
    # phrasal verbs of criticism: the object of their preposition, or the author of its conduct
    ("Kenyan President William Ruto lashed out at Russia over the arms shipments.", {("William Ruto", "Russia")}),
    ("Germany hit out at Hungary and Poland on Monday.", {("Germany", "Hungary"), ("Germany", "Poland")}),
    ("Chancellor Olaf Scholz took aim at Hungary in a speech.", {("Olaf Scholz", "Hungary")}),
    ("Foreign Minister Sergei Lavrov spoke out against Israel's policies in Gaza.", {("Sergei Lavrov", "Israel")}),
    # an accusation whose accuser the noun names was made, even when the accused rejects it
    ("Uganda rejected Kenya's accusation that Uganda had armed the rebels.", {("Kenya", "Uganda")}),
    ("Uganda dismissed accusations by Kenya that Uganda had armed the rebels.", {("Kenya", "Uganda")}),
    # who rejects an accusation naming no other target is its target
    ("Uganda rejected Kenya's accusations.", {("Kenya", "Uganda")}),
    ("Uganda rejected Kenya's accusations against Rwanda.", {("Kenya", "Rwanda")}),
    # a statement after a colon, running over its paragraph, and a quotation left open
    (
        "The foreign minister, Penny Wong, said:\n\nThe report makes grim reading. "
        "Hundreds of civilians have been killed at the hands of the Taliban.",
        {("Penny Wong", "Taliban")},
    ),
    # a one-word name is a person as the author of a wrong: "at the hands of X", "X's brutality"
    (
        "The minister, Penny Wong, said:\n\nHundreds of civilians have been killed at the hands of Mugabe and the Taliban.",
        {("Penny Wong", "Mugabe"), ("Penny Wong", "Taliban")},
    ),
    (
        "The minister, Penny Wong, said:\n\nThe people of Zimbabwe have suffered from Mugabe's brutality for years.",
        {("Penny Wong", "Mugabe")},
    ),
    (
        'Colombian President Gustavo Petro said on Monday, "We want peace. Sadly, Ecuador has violated the border. We will respond."',
        {("Gustavo Petro", "Ecuador")},
    ),
]

NOTHING = [
    # no author of the condemned act, or a place where the author would be
    "Japan condemned the attack.",
    "Japan condemned the Kyiv attack.",
    "Germany condemned the attack on Israeli soldiers.",
    "France condemned the killing of Russian journalists.",
    # future, refused, hypothetical condemnation
    "Japan said it would condemn the attack by Russia.",
    "Japan refused to condemn Russia.",
    "Japan may criticise China's decision.",
    # warnings, concern, regret, demands and calls are not accusations
    "Japan warned China against any provocation in the strait.",
    "Japan expressed concern over China's military build-up.",
    "Japan regretted China's refusal to talk.",
    "Japan called on China to stop the exercises.",
    "Japan called for a boycott of Chinese goods.",
    "Japan called on China to stop the violations.",
    "Japan described the meeting as a violation of protocol.",
    "The Kremlin confirmed that Vladimir Putin had met Xi Jinping.",
    # a plain report of violence, by nobody named
    "Serb forces killed three ethnic Albanians, officials said.",
    # an accusation denied, or made by nobody named
    "Russia denied accusations that it had shelled the plant.",
    "Critics accused Japan of stalling the talks.",
    "Turkey faced accusations of torture.",
    # a phrasal verb of criticism negated or in the future, or aimed at someone's critics
    "Chancellor Olaf Scholz did not lash out at Hungary.",
    "Chancellor Olaf Scholz will take aim at Hungary in his speech.",
    "Chancellor Olaf Scholz lashed out at Hungary's critics.",
    # an accusation refused, or rejected with no accuser named
    "Kenya refused to make accusations against Uganda.",
    "Uganda rejected the accusation that it had armed the rebels.",
    # a protest in the street is not an official complaint
    "Thousands of Kurds began a hunger strike to protest against Sweden's decision.",
    # a statement whose narrative tells of the speaker's own side, or of plans
    "The minister, Penny Wong, said:\n\nAustralia has launched a review. We will support the Ukrainian army.",
    # praise and a designation that names no wrong
    "The United States welcomed the Russian decision to withdraw.",
    "Emmanuel Macron described Olaf Scholz as a great partner.",
    "Turkey said Greece wanted to blame Cyprus for the fire.",
    "The minister, Penny Wong, said:\n\nThe coalition has carried out 800 strikes against the Taliban.",
    # a state's report of what its own forces did
    "Israel said its forces killed three militants.",
    # a definite description when two organisations of its kind were named before
    "Kenya banned the airline Jambo Air on Monday, and Uganda banned the airline Skyward Air. Tanzania said the airline had violated the sanctions.",
    # an act named without a word that makes it a wrong, and a wrong adjective on a thing
    "Foreign Minister Penny Wong said Russia's annexation of Crimea was discussed.",
    "Foreign Minister Penny Wong said Australia would return Russia's illegal weapons.",
    # a wrong predicate negated, or said of no one's act; a victim of a wrong
    "Foreign Minister Penny Wong said Russia's annexation of Crimea was not illegal.",
    "Foreign Minister Penny Wong said the strike was illegal.",
    "Foreign Minister Penny Wong said Ukraine was a victim of aggression.",
    # support for what is no wrong, and negated support
    "Foreign Minister Penny Wong said Germany supported the operation.",
    "Foreign Minister Penny Wong said Australia supports the fight against terrorism.",
    "Foreign Minister Penny Wong said Iran does not fund terrorism.",
    # an actor listed with others of a kind that is no wrongdoer
    "Foreign Minister Penny Wong said Vladimir Putin and other leaders must be held to account.",
    # a headline's passive without "was": the subject is the victim
    "Kenya says Raila Odinga poisoned with arsenic",
    "Germany says Boris Nemtsov poisoned with Novichok",
    # negated wrongdoing in reported speech, a wrong reported by nobody named
    "Sergei Lavrov said Russia had not violated the truce.",
    "According to officials, Serb forces killed three ethnic Albanians.",
]


def _accusations(edges, text):
    return {(source, target) for source, kind, target in edges(text) if kind == "ACCUSES"}


@pytest.mark.parametrize(("text", "expected"), ACCUSES)
def test_accuses_reads_who_accuses_whom(edges, text, expected):
    assert _accusations(edges, text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_accuses_reads_nothing_from_near_misses(edges, text):
    assert _accusations(edges, text) == set()
