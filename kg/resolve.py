"""Resolution: one canonical id and name per real actor.

Within an article (:class:`ArticleResolver`):

- a State is its ISO alpha-3 code whatever names it: name, demonym, capital
  or seat of power acting as metonym ("the Kremlin said" -> ``state:RUS``);
- a known organisation is its gazetteer key (``org:nato``), any other
  organisation the slug of its name; an acronym given in brackets after a
  name is an alias of it ("Syrian Democratic Forces (SDF)");
- a Delegation is its party's (``delegation:RUS``, named "Russia delegation");
- a person named by surname only joins the fullest name the article uses
  ("Zelenskyy" -> "Volodymyr Zelenskyy").

Every actor records ``how`` its name was resolved, so a user can see why two
names became one node.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, slug
from kg.models import Label
from kg.nlp.actors import ActorSpan

APOSTROPHES = ("'s", "’s", "'", "’")


def clean_name(text: str) -> str:
    """A surface form without a leading article, possessive ending or extra spaces."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the|The)\s+", "", text)
    for ending in APOSTROPHES:
        if text.endswith(ending):
            text = text[: -len(ending)].rstrip()
    return text


@dataclass
class ResolvedActor:
    """The canonical form of one actor in one article."""

    key: str
    label: Label
    name: str
    aliases: set[str] = field(default_factory=set)
    iso3: str | None = None
    how: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        data = {
            "label": self.label.value,
            "name": self.name,
            "aliases": sorted(self.aliases - {self.name}),
            "how": sorted(self.how),
        }
        if self.iso3:
            data["iso3"] = self.iso3
        return data


class ArticleResolver:
    """Give every actor span of one article its canonical key.

    Call :meth:`prepare` with all the article's actor spans first (so that short
    names can find the full names used later in the text), then :meth:`key` for
    each span.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.actors: dict[str, ResolvedActor] = {}
        self._full_names: list[tuple[str, ...]] = []
        self._acronyms: dict[str, str] = {}

    def prepare(self, spans: list[ActorSpan]) -> None:
        mentions = [tuple(clean_name(a.text).split()) for a in spans if a.label == Label.PERSON]
        # a surname alone is the person the article names most in full, then first:
        # "Biden" is Joe Biden where Joe Biden is named more often than Hunter Biden
        counts = {n: mentions.count(n) for n in mentions if len(n) > 1}
        first = {n: mentions.index(n) for n in counts}
        self._full_names = sorted(counts, key=lambda n: (-len(n), -counts[n], first[n]))
        for actor in spans:
            if actor.label == Label.ORGANIZATION and actor.ref is None:
                acronym = _bracketed_acronym(actor)
                if acronym:
                    self._acronyms[acronym] = clean_name(actor.text)

    def key(self, actor: ActorSpan) -> str:
        """The canonical key of ``actor``; records its name, alias and resolution step."""
        surface = clean_name(actor.text)
        if actor.label == Label.STATE:
            state = self.gaz.states[actor.ref]
            return self._record(f"state:{state.iso3}", Label.STATE, state.name, surface, actor.kind, state.iso3)
        if actor.label == Label.DELEGATION:
            party_key = self.key(actor.party) if actor.party else None
            party = self.actors[party_key] if party_key else None
            ref = party_key.split(":", 1)[1] if party_key else slug(surface)
            name = f"{party.name if party else surface} delegation"
            # a delegation implied by a role ("Ukraine's chief negotiator") has no name of its own
            alias = surface if actor.kind != "implied" else name
            return self._record(f"delegation:{ref}", Label.DELEGATION, name, alias, "party")
        if actor.label == Label.ORGANIZATION:
            if actor.kind == "short name" and actor.party is not None:
                # "Mahan" after "Mahan Air": the organisation named in full
                key = self.key(actor.party)
                self.actors[key].aliases.add(surface)
                self.actors[key].how.add("short name")
                return key
            if actor.ref is not None:
                org = self.gaz.organizations[actor.ref]
                return self._record(f"org:{org.key}", Label.ORGANIZATION, org.name, surface, "gazetteer")
            known = self.gaz.organization(surface)
            if known is not None:
                return self._record(f"org:{known.key}", Label.ORGANIZATION, known.name, surface, "gazetteer")
            full = self._acronyms.get(surface)
            if full:
                return self._record(f"org:{slug(full)}", Label.ORGANIZATION, full, surface, "acronym")
            return self._record(f"org:{slug(surface)}", Label.ORGANIZATION, surface, surface, "name")
        full, how = self._person_full_name(surface)
        return self._record(f"person:{slug(full)}", Label.PERSON, full, surface, how)

    def _person_full_name(self, surface: str) -> tuple[str, str]:
        words = tuple(surface.split())
        for full in self._full_names:
            if len(full) > len(words) and full[-len(words) :] == words:
                return " ".join(full), "short name"
        return surface, "name"

    def _record(self, key: str, label: Label, name: str, surface: str, how: str, iso3: str | None = None) -> str:
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = ResolvedActor(key, label, name, iso3=iso3)
        actor.aliases.add(surface)
        actor.how.add(how)
        return key


def _bracketed_acronym(actor: ActorSpan) -> str | None:
    """ "Syrian Democratic Forces (SDF)" -> "SDF" """
    doc = actor.span.doc
    end = actor.span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
        return doc[end + 1].text
    return None


# --- across articles ----------------------------------------------------------------------

# How alike two spellings of a name part must be (rapidfuzz ratio, 0-100) to be one name:
# "Zelenskyy" / "Zelensky" / "Zelenskiy", "Andriy" / "Andrii".
SPELLING_SIMILARITY = 80


def person_identities(people: dict[str, tuple[str, int]]) -> dict[str, tuple[str, str]]:
    """Which person keys across articles are one person, and why.

    ``people`` maps each person key to (full name, number of articles). Two names are
    one person when they have the same number of words and every word is a spelling
    variant of the other's ("Volodymyr Zelenskyy" / "Volodymyr Zelensky"), or when one
    is a single surname that only one full name in the corpus ends with ("Erdoğan").
    People who share a surname and differ in given name stay apart ("Joe Biden",
    "Hunter Biden"). Returns ``{key: (canonical key, reason)}`` for every key that
    joins another; the canonical key is the variant named in most articles.
    """
    from rapidfuzz import fuzz, process

    def block(words: list[str]) -> tuple[int, str, str]:
        # variants share the number of words, the first letter and the start of the surname,
        # so only names in the same block are compared
        return len(words), words[0][:1], words[-1][:2]

    order = sorted(people, key=lambda k: (-people[k][1], -len(people[k][0]), k))
    canonical: dict[str, tuple[str, str]] = {}
    full = [k for k in order if len(people[k][0].split()) > 1]
    blocks: dict[tuple[int, str, str], list[tuple[str, str]]] = {}
    for key in full:
        slugged = slug(people[key][0])
        blocks.setdefault(block(slugged.split("-")), []).append((key, slugged))
    for members in blocks.values():
        names = [slugged for _, slugged in members]
        for i, (key, slugged) in enumerate(members):
            if key in canonical:
                continue
            words = slugged.split("-")
            # Names whose every word is a variant are variants as wholes (the ratio of the whole
            # is at least that of the worst word), so rapidfuzz's scan of the block, in C, finds
            # every candidate; the cut-off is a point lower so that rounding never loses one.
            for _, _, j in process.extract(slugged, names[i + 1 :], scorer=fuzz.ratio,
                                           processor=None, score_cutoff=SPELLING_SIMILARITY - 1, limit=None):
                other, other_slug = members[i + 1 + j]
                if other not in canonical and all(
                    fuzz.ratio(x, y) >= SPELLING_SIMILARITY for x, y in zip(words, other_slug.split("-"))
                ):
                    canonical[other] = (key, f"spelling variant of {people[key][0]}")
    by_surname: dict[str, set[str]] = {}
    for k in full:
        by_surname.setdefault(slug(people[k][0].split()[-1]), set()).add(canonical.get(k, (k, ""))[0])
    for key in order:
        words = people[key][0].split()
        if len(words) != 1 or key in canonical:
            continue
        owners = set(by_surname.get(slug(words[0]), ()))
        if len(owners) == 1:
            owner = owners.pop()
            canonical[key] = (owner, f"surname of {people[owner][0]}")
    return canonical
