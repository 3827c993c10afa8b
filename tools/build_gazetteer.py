#!/usr/bin/env python3
"""Build ``data/gazetteer/states.yaml`` from pycountry, countryinfo and the curated overrides.

The runtime (``kg/gazetteer.py``) reads only the generated, committed ``states.yaml``;
this script and its two packages are needed only to regenerate it.

Sources, in the order they are merged:

- ``pycountry`` (ISO 3166): codes, the ISO short name, the common name, the official name.
  Former states (``former_states`` in the curated file: the Soviet Union, East Germany,
  North Vietnam...) take their code and official name from ISO 3166-3
  (``pycountry.historic_countries``), whose alpha-3 codes never clash with a current
  ISO 3166-1 code (checked here); a former state ISO 3166-3 does not list (South Vietnam
  left before 1974) gets a user-assigned X.. code in the curated file.
- ``countryinfo``: an English short name, English official names (the alternative
  spellings that contain a state-form word such as "Republic" or "Kingdom"; native-language
  spellings are left out), the demonym and the capital.
- ``data/gazetteer/states_curated.yaml``: which states are covered (UN members, observers,
  others), the canonical short name a Western newspaper uses, extra aliases, demonyms,
  capitals and seats of power, and ``drop`` lists that remove wrong or ambiguous package
  values.  Its ``note`` fields become comments in the output.

Run it after editing ``states_curated.yaml`` or upgrading either package::

    .venv/bin/python tools/build_gazetteer.py           # rewrite data/gazetteer/states.yaml
    .venv/bin/python tools/build_gazetteer.py --check   # exit 1 if states.yaml is out of date

It stops with a list of problems, and writes nothing, when one surface form would name
two states, since the runtime could not tell which was meant.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
import yaml
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
CURATED = GAZETTEER_DIR / "states_curated.yaml"
OUTPUT = GAZETTEER_DIR / "states.yaml"

FIELDS = ("official_names", "aliases", "demonyms", "capitals", "seats")
# An alternative spelling from countryinfo counts as an English official name only if it
# has one of these words; that keeps "Republic of Korea" and leaves out "Shqipëria".
STATE_FORM = re.compile(
    r"\b(Republic|Kingdom|Federation|Commonwealth|Union|Principality|Sultanate|State|States"
    r"|Emirates|Duchy|Confederation)\b"
)
# Demonym endings whose plural, formed with "s", names the people ("Ukrainians", "Israelis",
# "Cypriots", "Greeks", "New Zealanders"); other plurals ("Czechs", "Britons") are curated.
PLURAL_WITH_S = ("an", "i", "ot", "ek", "er")


def fold(text: str) -> str:
    """Casefolded, accent-free form used to compare surface forms ("Türkiye" == "turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def prose_name(text: str | None) -> str | None:
    """The name as it can appear in running text, or None for index forms like "Korea, Republic of"."""
    if not text or "," in text or "(" in text:
        return None
    text = " ".join(text.split())
    return text[4:] if text.lower().startswith("the ") else text


def package_facts(iso3: str) -> dict[str, list[str]]:
    """Names, demonyms and capital of one state as pycountry and countryinfo give them."""
    facts: dict[str, list[str]] = {"names": [], **{f: [] for f in FIELDS}}
    country = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if country is not None:
        for attr in ("common_name", "name"):
            facts["names"].append(prose_name(getattr(country, attr, None)))
        facts["official_names"].append(prose_name(getattr(country, "official_name", None)))
    try:
        info = CountryInfo(iso3).info()
    except CountryNotFoundError:
        info = {}
    facts["names"].append(prose_name(info.get("name")))
    facts["official_names"] += [
        prose_name(s) for s in info.get("altSpellings", []) if STATE_FORM.search(s)
    ]
    facts["demonyms"] += [d.strip() for d in (info.get("demonym") or "").split(",")]
    capital = info.get("capital")
    facts["capitals"] += capital if isinstance(capital, list) else [capital]
    return {k: [v for v in values if v] for k, values in facts.items()}


def plural(demonym: str) -> str | None:
    """The plural that names the people ("Ukrainian" -> "Ukrainians"), where "s" forms it."""
    return demonym + "s" if demonym.endswith(PLURAL_WITH_S) else None


def build_state(iso3: str, curated: dict) -> dict:
    """One states.yaml entry: package facts merged with the curated override for ``iso3``."""
    facts = package_facts(iso3)
    name = curated.get("name") or (facts["names"] or [None])[0]
    if not name:
        raise SystemExit(f"{CURATED}: {iso3}: no package knows this code; give it a name")
    dropped = {fold(s) for s in curated.get("drop", [])}
    entry: dict = {"iso3": iso3, "name": name}
    seen = {fold(name)}

    def add(field: str, values: list[str]) -> None:
        for value in values:
            value = " ".join(value.split())
            if fold(value) not in seen and fold(value) not in dropped:
                seen.add(fold(value))
                entry.setdefault(field, []).append(value)

    add("official_names", curated.get("official_names", []) + facts["official_names"])
    add("aliases", curated.get("aliases", []) + facts["names"])
    demonyms = curated.get("demonyms", []) + facts["demonyms"]
    add("demonyms", demonyms + [p for p in map(plural, demonyms) if p])
    # A capital that is also the state's name ("Singapore", "Monaco") is left to the name.
    add("capitals", curated.get("capitals", []) + facts["capitals"])
    add("seats", curated.get("seats", []))
    return {k: entry[k] for k in ("iso3", "name", *FIELDS) if k in entry}


def collisions(states: list[dict]) -> list[str]:
    """Surface forms that would name two different states."""
    owner: dict[str, str] = {}
    problems = []
    for state in states:
        for field in ("name", *FIELDS):
            values = state.get(field, [])
            for value in [values] if isinstance(values, str) else values:
                other = owner.setdefault(fold(value), state["iso3"])
                if other != state["iso3"]:
                    problems.append(f"{value!r} names both {other} and {state['iso3']}")
    return problems


def render(states: list[dict], notes: dict[str, str]) -> str:
    """The YAML text of states.yaml: a header, then one block per state with its note as a comment."""
    versions = ", ".join(
        f"{p} {importlib.metadata.version(p)}" for p in ("pycountry", "countryinfo")
    )
    lines = [
        "# GENERATED by tools/build_gazetteer.py -- do not edit; edit states_curated.yaml and rerun.",
        f"# Sources: {versions}, data/gazetteer/states_curated.yaml.",
        "#",
        "# One entry per state: iso3 (ISO 3166 alpha-3; X.. codes are user-assigned: XKX Kosovo,",
        "# XNC Northern Cyprus, XSV South Vietnam; former states have their ISO 3166-3 code:",
        "# SUN Soviet Union, DDR East Germany, VDR North Vietnam...),",
        "# name (canonical short English name), official_names, aliases,",
        "# demonyms (adjectives and plurals naming the people), capitals, seats (seats of power",
        "# used as metonyms: Kremlin, White House). Every list is optional.",
        "states:",
    ]
    for state in states:
        lines += [f"  # {line}".rstrip() for line in notes.get(state["iso3"], "").splitlines()]
        block = yaml.safe_dump([state], allow_unicode=True, sort_keys=False, width=100)
        lines += ["  " + line if line else line for line in block.splitlines()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if states.yaml is stale")
    args = parser.parse_args(argv)

    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    overrides = curated.get("states", {})
    codes = curated["un_members"] + curated["un_observers"] + curated["others"] + curated["former_states"]
    clashes = sorted(
        c for c in curated["former_states"] if pycountry.countries.get(alpha_3=c) is not None
    )
    if clashes:
        raise SystemExit(f"{CURATED}: former states with a current ISO 3166-1 code: {clashes}")
    unknown = sorted(set(overrides) - set(codes))
    if unknown:
        raise SystemExit(f"{CURATED}: overrides for states not listed as covered: {unknown}")
    states = [build_state(iso3, overrides.get(iso3, {})) for iso3 in sorted(codes)]
    problems = collisions(states)
    if problems:
        raise SystemExit(f"{CURATED}: ambiguous names, add them to a 'drop' list:\n  "
                         + "\n  ".join(problems))
    notes = {iso3: o["note"].strip() for iso3, o in overrides.items() if o.get("note")}
    text = render(states, notes)

    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT}: out of date; run tools/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {len(states)} states")
    return 0


if __name__ == "__main__":
    sys.exit(main())
