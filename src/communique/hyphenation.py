"""Words broken across a line end in the source ("de- manded", "with- draw", "cease- fire").

Text taken from PDFs and printed wire copy keeps the hyphen and space of a word broken at a
line end. Left alone, the parse reads "de-" and "manded" as two unknown words, and the event
in them is lost. `rejoin_broken_words` runs first in the spaCy pipeline and makes each such
pair one token whose NORM is the whole word, so the tagger and parser see "demanded"; after
the lemmatizer, `lemmatize_rejoined` gives that token the lemma of the whole word ("demand").
The characters of the text are not changed, so every offset still points into the article.

A hyphen before "and", "or", "to" or "nor" is a suspended compound, not a break ("pre- and
post-war"); a capitalised second part starts a name ("anti- Kremlin" is left as it is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

REJOIN = "communique_rejoin_broken_words"
RELEMMATIZE = "communique_lemmatize_rejoined"
SUSPENDED = frozenset({"and", "or", "to", "nor"})


def broken_at(doc: Doc, i: int) -> bool:
    """Whether tokens i and i+1 are the two halves of a word broken at a line end."""
    first, second = doc[i], doc[i + 1]
    stem = first.text[:-1]
    return (
        first.text.endswith("-") and stem.isalpha() and bool(first.whitespace_)
        and second.is_alpha and second.is_lower and second.lower_ not in SUSPENDED
    )  # fmt: skip


def whole_word(token: Token | Span) -> str:
    """The word a rejoined token (or the span of its halves) stands for: "de- manded" -> "demanded"."""
    first, _, second = token.text.partition("-")
    return (first + second.strip()).lower()


def is_rejoined(token: Token) -> bool:
    return "-" in token.text and " " in token.text and token.norm_ == whole_word(token)


def rejoin_broken_words(doc: Doc) -> Doc:
    """Merge the halves of each broken word into one token, its NORM the whole word."""
    spans, i = [], 0
    while i < len(doc) - 1:
        if broken_at(doc, i):
            spans.append(doc[i : i + 2])
            i += 2
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span, attrs={"NORM": whole_word(span)})
    return doc


class LemmatizeRejoined:
    """Give each rejoined token the lemma of its whole word, by the pipeline's own lemmatizer."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Doc

        lemmatizer = self.nlp.get_pipe("lemmatizer")
        for token in doc:
            if is_rejoined(token):
                alone = Doc(self.nlp.vocab, words=[whole_word(token)], pos=[token.pos_])
                token.lemma_ = lemmatizer.rule_lemmatize(alone[0])[0]  # type: ignore[attr-defined]
        return doc


def add_rejoining(nlp: Language) -> None:
    """Put `rejoin_broken_words` first in a spaCy pipeline and its lemma fix after the lemmatizer."""
    from spacy.language import Language

    if REJOIN in nlp.pipe_names:
        return
    if not Language.has_factory(REJOIN):
        Language.component(REJOIN, func=rejoin_broken_words)
    if not Language.has_factory(RELEMMATIZE):
        Language.factory(RELEMMATIZE, func=lambda nlp, name: LemmatizeRejoined(nlp))
    nlp.add_pipe(REJOIN, first=True)
    if "lemmatizer" in nlp.pipe_names and hasattr(nlp.get_pipe("lemmatizer"), "rule_lemmatize"):
        nlp.add_pipe(RELEMMATIZE, after="lemmatizer")
