"""The pipeline's plumbing: kg_paragraphs marks exactly the words after a blank line; the
tokens the rules look at, found from the Doc's arrays, are the ones a walk over every token
would find."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from spacy.attrs import ENT_TYPE, ORTH, POS

from kg.nlp import paragraphs
from kg.nlp.tokens import lemma_positions, positions, runs

# Words and every kind of white space, line breaks that are not "\n" among them.
PIECES = ["Talks", "resumed", ".", "(", ")", " ", "  ", "\n", "\n\n", " \n ", "\n \n", "\t", "\r\n", "\u2028", "\u00a0"]


def after_blank_lines(doc) -> list[int]:
    """The definition: a word whose previous token's text and trailing space hold two line breaks."""
    return [t.i for t in doc[1:] if doc[t.i - 1].text_with_ws.count("\n") >= 2 and not t.is_space]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@example("Headline\n\nThe text under it.")
@example("Headline\n \n  \nThe text under it.")
@example("Headline\r\n\r\nThe text.\u2028Not a blank line.")
def test_paragraphs_marks_the_words_after_blank_lines_and_no_others(nlp, text):
    expected = after_blank_lines(nlp.make_doc(text))
    doc = paragraphs(nlp.make_doc(text))
    assert [t.i for t in doc[1:] if t.is_sent_start] == expected  # the first word always starts one


def test_paragraphs_a_headline_does_not_run_into_the_text_under_it(nlp):
    doc = nlp("Russia and Ukraine resume talks\n\nDelegations met in Istanbul on Monday.")
    assert [s.text.strip() for s in doc.sents] == ["Russia and Ukraine resume talks", "Delegations met in Istanbul on Monday."]


# Trigger words of every kind of rule, words that are spaCy symbols ("mark", "case", "person") and others.
EVENT_WORDS = ["Talks", "talks", "met", "Meets", "mediated", "ACCUSED", "accusations", "lashed", "out", "at", "negotiated",
               "condemned", "blamed", "mark", "case", "person", "Russia", "Ukraine", "the", "in", "Geneva", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(EVENT_WORDS), max_size=30).map(" ".join))
def test_event_rules_are_tried_on_every_token_that_may_trigger_one(nlp, text):
    component = nlp.get_pipe("kg_event_relations")
    doc = nlp(text)
    may_trigger = [t.i for t in doc if any((t.pos_, w) in component.rules_by_word for w in (t.lemma_.lower(), t.lower_))]
    assert set(may_trigger) <= set(component._trigger_positions(doc))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(EVENT_WORDS), max_size=30).map(" ".join))
def test_positions_are_the_tokens_with_the_attribute(nlp, text):
    doc = nlp(text)
    assert positions(doc, POS, "PROPN", "VERB") == [t.i for t in doc if t.pos_ in ("PROPN", "VERB")]
    assert positions(doc, ENT_TYPE, "GPE") == [t.i for t in doc if t.ent_type_ == "GPE"]
    assert positions(doc, ORTH, "mark", ",") == [t.i for t in doc if t.text in ("mark", ",")]  # a symbol, a word
    assert positions(doc, ORTH) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(EVENT_WORDS), max_size=30).map(" ".join))
def test_lemma_positions_are_the_tokens_with_the_lemma(nlp, text):
    doc = nlp(text)
    lemmas = {"talk", "meet", "accuse", "mark", "person", "russia"}
    assert lemma_positions(doc, lemmas) == [t.i for t in doc if t.lemma_.lower() in lemmas]
    verbs = [t.i for t in doc if t.pos_ == "VERB"]
    assert lemma_positions(doc, lemmas, among=verbs) == [i for i in verbs if doc[i].lemma_.lower() in lemmas]
    assert lemma_positions(doc, lemmas, among=[]) == []


def test_runs_groups_consecutive_indices():
    assert list(runs([3, 4, 7, 9, 10, 11])) == [[3, 4], [7], [9, 10, 11]]
    assert list(runs([])) == []
