"""Finding the few tokens a rule looks at without walking every token of the Doc.

``for token in doc`` makes a Python ``Token`` for every word of the article, and most
rules only look at a few: the proper nouns, the words the model tagged PERSON, the
brackets. :func:`positions` finds those in the Doc's attribute arrays (one C call)::

    for i in positions(doc, POS, "PROPN"):
        token = doc[i]
"""
from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc


def positions(doc: Doc, attr: int, *values: str) -> list[int]:
    """The indices, in order, of the tokens whose ``attr`` (an id of ``spacy.attrs``: POS,
    ENT_TYPE, ORTH, TAG, ...) is one of ``values`` ("PROPN", "PERSON", "(")."""
    column = doc.to_array(attr)
    wanted = numpy.array([doc.vocab.strings[value] for value in values], dtype=column.dtype)
    return numpy.isin(column, wanted).nonzero()[0].tolist()


def lemma_positions(doc: Doc, lemmas: Collection[str], among: list[int] | None = None) -> list[int]:
    """The indices, in order, of the tokens (of those at the indices ``among``, or all) whose
    lemma, lower-cased, is one of ``lemmas`` (lower-case words): each distinct lemma is
    looked at once."""
    indices = numpy.arange(len(doc)) if among is None else numpy.array(among, dtype=int)
    distinct, at = numpy.unique(doc.to_array(LEMMA)[indices], return_inverse=True)
    strings = doc.vocab.strings
    wanted = numpy.array([strings[lemma].lower() in lemmas for lemma in distinct.tolist()], dtype=bool)
    return indices[wanted[at]].tolist()


def runs(indices: Iterable[int]) -> Iterator[list[int]]:
    """Ascending ``indices`` in runs of consecutive ones: [3, 4, 7] -> [3, 4], [7]."""
    for _, run in itertools.groupby(enumerate(indices), key=lambda pair: pair[1] - pair[0]):
        yield [i for _, i in run]
