"""Words broken across a line end are read as whole words, with the text unchanged."""

from __future__ import annotations

from communique.model import Article
from communique.pipeline import Pipeline


def test_broken_words_are_parsed_whole_and_offsets_stay_in_the_text():
    text = "Kofi Annan announced that he will with- draw weapons inspectors from Iraq."
    parsed = Pipeline().nlp(text)
    withdraw = next(t for t in parsed if t.text == "with- draw")
    assert (withdraw.norm_, withdraw.lemma_, withdraw.pos_) == ("withdraw", "withdraw", "VERB")
    assert parsed.text == text


def test_suspended_hyphens_and_names_are_left_alone():
    parsed = Pipeline().nlp("Pre- and post-war talks. The anti- Kremlin rally.")
    assert all(" " not in token.text for token in parsed)


def test_event_in_a_broken_word_is_coded():
    text = "The United Nations de- manded that Iraq allow aid workers in."
    doc = Pipeline().analyze(Article(id="a1", text=text))
    request = next(e for e in doc.events if e.type == "REQUEST")
    assert text[request.evidence[0].start : request.evidence[0].end] == request.evidence[0].text
