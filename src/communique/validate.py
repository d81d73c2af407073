"""Checks that say why an article cannot be analysed, before any parsing is spent on it.

They also bound the work spaCy does on one article, so that no input can make it hang:
- `max_chars` (Settings) bounds the article's size, hence the parser's memory;
- a run of punctuation without a space is refused beyond `MAX_PUNCTUATION_RUN` characters:
  spaCy's tokenizer peels leading and trailing punctuation one character at a time, which is
  quadratic in the run's length (50,000 quote marks take minutes);
- `cap_sentences`, a pipeline component placed before the parser, starts a new sentence after
  `MAX_SENTENCE_TOKENS` tokens without a full stop, so neither the parser nor the stages (some
  of which are quadratic in a sentence's length) ever see a run-on "sentence" of a whole page.
With these bounds the time spent on an article grows linearly with its size; there is no
wall-clock limit per article, since articles are parsed in batches and a clock cannot stop
spaCy's compiled code cleanly in every runner (Dask runs tasks in threads).
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from communique.errors import ArticleError
from communique.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The most frequent English function words; running English prose is about a third these.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for on it with as by at he she they from his her their "
    "be are were has have had not but or an this which said will would who its been after "
    "we you i our more than also there about into".split()
)
# The most frequent function words of other languages written in the Latin script (German,
# French, Spanish, Italian, Portuguese, Dutch), none of them also an English word.
_FOREIGN_FUNCTION_WORDS = frozenset(
    "der die das und den dem des ist nicht mit sich auch ein eine einer zu auf für von wird "
    "le la les et des du est une dans pour qui que sur pas par avec au aux ce cette sont "
    "el los las y del en es por con para una su lo como pero más fue "
    "il di che della per non sono gli nel alla anche più "
    "os da do em um uma não com mais foi ao pelo pela "
    "de het een van ook niet voor zijn wordt naar maar bij dat heeft hebben".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_MIN_FUNCTION_WORD_SHARE = 0.12
# Scripts written without spaces (Chinese, Japanese, Thai) make few "words": judge by letters.
_MAX_NON_LATIN_SHARE = 0.5
_MIN_LETTERS_FOR_SCRIPT_CHECK = 40
MAX_PUNCTUATION_RUN = 100
MAX_SENTENCE_TOKENS = 150
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_PUNCTUATION_RUN + 1))
_SENTENCE_ENDS = frozenset(".!?;")
SENTENCE_CAP = "communique_sentence_cap"


def check_article(article: Article, *, max_chars: int) -> None:
    """Raise ArticleError with a one-line reason when the article cannot be analysed."""
    text = article.text
    if not text or not text.strip():
        raise ArticleError("empty article: no text")
    if len(text) > max_chars:
        msg = f"article too long: {len(text):,} characters, the limit is {max_chars:,}"
        raise ArticleError(msg)
    if _looks_binary(text):
        raise ArticleError("binary content: not text")
    run = _PUNCTUATION_RUN.search(text)
    if run is not None:
        msg = (
            f"not prose: {len(run.group()):,} punctuation characters in a row at character "
            f"{run.start():,}, the limit is {MAX_PUNCTUATION_RUN}"
        )
        raise ArticleError(msg)
    if not is_probably_english(text):
        raise ArticleError("not English: too few English words")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return "\x00" in sample or controls > len(sample) * 0.05 or sample.count("\ufffd") > len(sample) * 0.05


def is_probably_english(text: str) -> bool:
    """True unless the text is mostly another script, or has enough words of which too few
    are English function words and more are another language's (a sentence made mostly of
    names, "Arab League Secretary General Chadli Klibi undertook ...", is still English)."""
    sample = text[:20_000]
    if _non_latin_share(sample) > _MAX_NON_LATIN_SHARE:
        return False
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK:
        return True
    english = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words)
    foreign = sum(1 for w in words if w in _FOREIGN_FUNCTION_WORDS) / len(words)
    return english >= _MIN_FUNCTION_WORD_SHARE or foreign <= english


def _non_latin_share(text: str) -> float:
    """The share of letters outside the Latin script (0 when there are too few letters to say)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < _MIN_LETTERS_FOR_SCRIPT_CHECK:
        return 0.0
    return sum(1 for ch in letters if ord(ch) > 0x024F) / len(letters)  # noqa: PLR2004 (end of Latin Extended-B)


def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence after MAX_SENTENCE_TOKENS tokens with no full stop or line break.

    Runs before the parser, which respects sentence starts set before it; boundaries the
    text gives itself are left to the parser.
    """
    since_end = 0
    for token in doc:
        if since_end >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            since_end = 0
        since_end += 1
        if token.text in _SENTENCE_ENDS or "\n" in token.text:
            since_end = 0
    return doc


def add_sentence_cap(nlp: Language) -> None:
    """Put `cap_sentences` before the parser (or the sentence splitter) of a spaCy pipeline."""
    from spacy.language import Language

    if not Language.has_factory(SENTENCE_CAP):
        Language.component(SENTENCE_CAP, func=cap_sentences)
    if SENTENCE_CAP in nlp.pipe_names:
        return
    for splitter in ("parser", "senter", "sentencizer"):
        if splitter in nlp.pipe_names:
            nlp.add_pipe(SENTENCE_CAP, before=splitter)
            return
