"""Property tests of `Pipeline.analyze` on arbitrary text: it returns an ArticleDoc whose
offsets point into the text, or refuses with an ArticleError; and the bounds that keep the
work on one article linear (size, punctuation runs, sentence length) hold.

Case counts: `pytest tests/reliability/test_fuzz_analyze.py --hypothesis-show-statistics`.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import ArticleError
from communique.model import Article
from communique.validate import MAX_PUNCTUATION_RUN, MAX_SENTENCE_TOKENS

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = ("The minister of France said on Monday that the United States would send troops to Iraq , "
         "and Putin told reporters in Moscow : \" We will not accept sanctions . \" 3 million dollars").split()
PIECES = st.one_of(st.sampled_from(WORDS), st.text(max_size=8), st.sampled_from(
    ["\u200b", "\u202e", "\u2067", "\ufeff", "\n\n", "\t", "“", "”", "«", "»", "\u0000", "\U0001f1eb\U0001f1f7"]))
NEWSY = st.lists(PIECES, max_size=120).map(" ".join)


def check_outcome(pipeline, text):
    try:
        doc = pipeline.analyze(Article(id="fuzz", text=text))
    except ArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    for record in [*doc.events, *doc.quotes, *doc.amounts]:
        assert 0 <= record.start <= record.end <= len(text)
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    return doc


@FUZZ
@given(text=st.text(max_size=600))
def test_analyze_arbitrary_unicode(pipeline, text):
    check_outcome(pipeline, text)


@FUZZ
@given(text=NEWSY)
def test_analyze_english_mixed_with_junk(pipeline, text):
    check_outcome(pipeline, text)


@pytest.mark.parametrize("run", ['"', "(", ").", "—", "!?", "\u0301"])
def test_long_punctuation_runs_are_refused_before_the_tokenizer(pipeline, run):
    text = "The minister of France met the envoy of Germany on Monday. " + run * 50_000
    if run == "\u0301":  # combining marks are word characters: harmless to the tokenizer
        check_outcome(pipeline, text)
        return
    with pytest.raises(ArticleError, match="punctuation characters in a row"):
        pipeline.analyze(Article(id="run", text=text))


def test_a_short_punctuation_run_is_prose(pipeline):
    check_outcome(pipeline, "The minister of France met the envoy of Germany. " + "=" * MAX_PUNCTUATION_RUN)


def test_a_run_on_sentence_reaches_the_parser_in_bounded_pieces(pipeline):
    clause = "the minister of France met the president of Germany in Berlin and they discussed trade and "
    parsed = pipeline.nlp(clause * 200)
    assert max(len(sentence) for sentence in parsed.sents) <= MAX_SENTENCE_TOKENS


def test_ordinary_sentences_are_left_to_the_parser(pipeline):
    text = "The minister of France met the envoy of Germany. They talked about trade on Monday."
    assert [s.text for s in pipeline.nlp(text).sents] == [
        "The minister of France met the envoy of Germany.", "They talked about trade on Monday."]


def test_an_article_over_the_size_limit_is_refused_unparsed(pipeline, monkeypatch):
    class NoParser:
        def __call__(self, text):
            raise AssertionError("the parser saw an article over the size limit")

        def pipe(self, texts):
            assert not list(texts), "the parser saw an article over the size limit"
            return iter(())

    monkeypatch.setattr(pipeline, "nlp", NoParser())
    text = "The minister met the envoy. " * (pipeline.settings.max_chars // 28 + 1)
    with pytest.raises(ArticleError, match="too long"):
        pipeline.analyze(Article(id="big", text=text))
    (failure,) = pipeline.pipe([Article(id="big", text=text)])
    assert "too long" in failure.reason


def test_an_unclosed_quote_at_the_start_is_analysed(pipeline):
    check_outcome(pipeline, "\u201c The The The The")
