"""The output folder of `kg ingest --out OUT`, and the per-article records in it.

``OUT/graph.json`` and ``OUT/graph.graphml`` are the graph (:data:`GRAPH_JSON`,
:data:`GRAPH_GRAPHML`; :func:`read_graph` reads it back for the commands that
work on an output folder). ``OUT/graph.lbdb`` is the embedded Cypher store that
`kg query` builds from them (:data:`EMBEDDED_STORE`, :mod:`kg.sinks.embedded`).

``OUT/extractions/<hash>.json`` holds one article's extraction (its actors,
mentions and relations with evidence), named by a hash of the article's text.
Each record also stores the pipeline fingerprint (kg's version and code, the
model, the gazetteer and lexicon files), so a changed pipeline re-reads an
article instead of trusting an old record. The graph is built from the records
of one pipeline only (:meth:`ExtractionStore.records` sorts them), so a later
run skips every article it has already read, and a run that was interrupted
picks up where it stopped.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from kg.models import Article, Evidence, Extraction
from kg.sinks import atomic_output
from kg.sinks.jsonfile import read_json

__all__ = ["EMBEDDED_STORE", "GRAPH_GRAPHML", "GRAPH_JSON", "RECORDS_DIR", "ExtractionStore", "StoredRecords",
           "fingerprint", "read_graph", "read_records", "stored_articles", "text_hash"]

RECORDS_DIR = "extractions"
GRAPH_JSON = "graph.json"
GRAPH_GRAPHML = "graph.graphml"
EMBEDDED_STORE = "graph.lbdb"  # the embedded Cypher store (kg.sinks.embedded), with graph.lbdb.json beside it


def read_graph(out_dir: str | Path) -> nx.MultiDiGraph:
    """The graph that `kg ingest` wrote into ``out_dir``.

    Raises FileNotFoundError or ValueError with a message naming the file.
    """
    path = Path(out_dir) / GRAPH_JSON
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file (run `kg ingest --out {out_dir}` first)")
    try:
        return read_json(path)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a kg graph ({type(exc).__name__}: {exc})") from None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fingerprint(parts: Iterable[str | Path]) -> str:
    """A short hash of strings and file contents: what the records depend on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(Path(part).read_bytes() if isinstance(part, Path) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


class ExtractionStore:
    """Read and write extraction records under ``out_dir/extractions``."""

    def __init__(self, out_dir: str | Path, pipeline_fingerprint: str) -> None:
        self.dir = Path(out_dir) / RECORDS_DIR
        self.fingerprint = pipeline_fingerprint

    def path(self, article: Article) -> Path:
        return self.dir / f"{text_hash(article.text)}.json"

    def get(self, article: Article) -> Extraction | None:
        """The stored extraction of this text by this pipeline, relabelled with this article's id."""
        path = self.path(article)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if record.get("pipeline") != self.fingerprint:
            return None
        extraction = Extraction.from_dict(record["extraction"])
        if extraction.article != article:
            extraction = _relabel(extraction, article)
        return extraction

    def put(self, extraction: Extraction) -> Path:
        """Store ``extraction`` as made by this store's pipeline; returns the record's path."""
        record = {"pipeline": self.fingerprint, "extraction": extraction.to_dict()}
        payload = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        path = self.path(extraction.article)
        with atomic_output(path) as handle:
            handle.write(payload)
        return path

    def records(self, article_ids: set[str] | None = None) -> StoredRecords:
        """The record that stands for each article id (or each of ``article_ids``), sorted by
        the pipeline that made it. When an article was edited, the record written last wins."""
        latest: dict[str, tuple[float, Path, bool]] = {}
        for path in sorted(self.dir.glob("*.json")) if self.dir.is_dir() else []:
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                article_id = record["extraction"]["article"]["id"]
            except (OSError, ValueError, KeyError):
                continue
            if article_ids is not None and article_id not in article_ids:
                continue
            mtime = path.stat().st_mtime
            if article_id not in latest or mtime > latest[article_id][0]:
                latest[article_id] = (mtime, path, record.get("pipeline") == self.fingerprint)
        current = {article_id: path for article_id, (_, path, ours) in sorted(latest.items()) if ours}
        other = {article_id: path for article_id, (_, path, ours) in sorted(latest.items()) if not ours}
        return StoredRecords(current=current, other_pipeline=other)

    def load(self, article_ids: set[str] | None = None, any_pipeline: bool = False) -> Iterator[Extraction]:
        """The stored extraction of each article id (or of each of ``article_ids``), by id.

        Only the records this store's pipeline made, the ones a graph may be built from;
        with ``any_pipeline``, every article's latest record (enough for its metadata).
        """
        records = self.records(article_ids)
        paths = dict(sorted({**records.current, **records.other_pipeline}.items())) if any_pipeline else records.current
        yield from read_records(paths)


@dataclass(frozen=True)
class StoredRecords:
    """The latest record of each article id in a store, as {article id: path}, sorted by id:
    ``current`` if the store's pipeline made it, ``other_pipeline`` if another did (an older
    kg, another model or gazetteer: its article must be read again before it counts)."""

    current: Mapping[str, Path]
    other_pipeline: Mapping[str, Path]


def read_records(paths: Mapping[str, Path]) -> Iterator[Extraction]:
    """The extractions of records ``{article id: path}`` (from :class:`StoredRecords`), in that order."""
    for path in paths.values():
        record = json.loads(path.read_text(encoding="utf-8"))
        yield Extraction.from_dict(record["extraction"])


def stored_articles(out_dir: str | Path) -> Iterator[Article]:
    """The articles of the extraction records in ``out_dir`` (id, title, date, url), by id."""
    # Every record counts, whatever pipeline made it: only its article is read.
    for extraction in ExtractionStore(out_dir, pipeline_fingerprint="").load(any_pipeline=True):
        yield extraction.article


def _relabel(extraction: Extraction, article: Article) -> Extraction:
    """The same text under another id or metadata: every field kept, the evidence of its
    relations, titles and events given the new article's id and date."""

    def moved(evidence: Evidence) -> Evidence:
        return replace(evidence, article=article.id, date=article.date)

    return replace(
        extraction,
        article=article,
        relations=[replace(r, evidence=moved(r.evidence)) for r in extraction.relations],
        titles=[replace(t, evidence=moved(t.evidence)) for t in extraction.titles],
        events=[replace(e, evidence=moved(e.evidence)) for e in extraction.events],
    )
