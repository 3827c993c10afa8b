"""Finding the few tokens a rule looks at without walking every token of the Doc.

``for token in doc`` makes a Python ``Token`` for every word of the article, and most
rules only look at a few: the proper nouns, the words the model tagged PERSON, the
brackets. :func:`positions` finds those in the Doc's attribute arrays (one C call)::

    for i in positions(doc, POS, "PROPN"):
        token = doc[i]
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc


def positions(doc: Doc, attr: int, *values: str) -> list[int]:
    """The indices, in order, of the tokens whose ``attr`` (an id of ``spacy.attrs``: POS,
    ENT_TYPE, ORTH, TAG, ...) is one of ``values`` ("PROPN", "PERSON", "(")."""
    if not values:
        return []
    column = doc.to_array(attr)
    first, *others = (doc.vocab.strings[value] for value in values)
    found = column == first
    for other in others:
        found |= column == other
    return found.nonzero()[0].tolist()


def runs(indices: Iterable[int]) -> Iterator[list[int]]:
    """Ascending ``indices`` in runs of consecutive ones: [3, 4, 7] -> [3, 4], [7]."""
    for _, run in itertools.groupby(enumerate(indices), key=lambda pair: pair[1] - pair[0]):
        yield [i for _, i in run]
