"""Attributions read from the dependency parse: a cue, who it is said by, and what.

An attribution is a reporting verb (a lemma of `CUE_LEMMAS` or of the core list below)
with a subject, or the phrase "according to X". Its content is the verb's clausal
complement ("said *that the talks had failed*"), or the rest of the sentence around an
"according to" phrase or before a trailing "..., officials said". Quoted passages next to
the attribution are linked later, by the stage, from character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.stages.quotes_cues import CUE_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs of saying and believing that any reader of English news would name, whether or not
# the train file used them often enough to pass the lexicon's threshold.
CORE_CUES = frozenset(
    "say tell add believe think claim state insist explain warn argue note write ask reply "
    "answer announce declare hint suggest hope vow promise acknowledge admit deny confirm "
    "predict report stress urge reiterate complain contend maintain assert".split()
)
CUES = CUE_LEMMAS | CORE_CUES
_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
_CONTENT_DEPS = ("ccomp", "xcomp")
_SPEAKER_SKIP = frozenset(("relcl", "appos", "acl", "punct", "advcl", "cc", "conj", "parataxis"))
_CLAUSE_SKIP = frozenset(("ccomp", "xcomp", "parataxis", "conj", "punct", "advcl", "cc", "mark"))
_INHERITS_SUBJECT = frozenset(("conj", "advcl", "xcomp"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One cue with its speaker and, when the parse gives it, its content (char offsets)."""

    cue: str
    cue_start: int
    cue_end: int
    speaker_start: int
    speaker_end: int
    speaker_head: int  # char offset of the speaker's head word
    clause_start: int  # the attribution clause (speaker and cue), without its content
    clause_end: int
    content: tuple[int, int] | None


def _char_span(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda tok: tok.i)
    last = max(tokens, key=lambda tok: tok.i)
    return first.idx, last.idx + len(last.text)


def _trim(parsed: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Char span of tokens first..last (inclusive) without edge punctuation and spaces."""
    while first <= last and (parsed[first].is_punct and parsed[first].text not in "\"“'‘"
                             or parsed[first].is_space):
        first += 1
    while last >= first and (parsed[last].is_punct and parsed[last].text not in "\"”'’"
                             or parsed[last].is_space):
        last -= 1
    if first > last:
        return None
    return parsed[first].idx, parsed[last].idx + len(parsed[last].text)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the clause it hangs from."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child
        shares = verb.dep_ == "conj" or (verb.dep_ in _INHERITS_SUBJECT and verb.tag_ == "VBG")
        if not shares or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def speaker_tokens(head: Token) -> list[Token]:
    """The speaker phrase as a name: the head and its modifiers, without clauses or appositions."""
    kept = [head]
    stack = [child for child in head.children if child.dep_ not in _SPEAKER_SKIP]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(child for child in token.children if child.dep_ not in _SPEAKER_SKIP)
    return kept


def _clause_tokens(verb: Token, speaker: list[Token]) -> list[Token]:
    kept = [verb, *speaker]
    for child in verb.children:
        if child.dep_ not in _CLAUSE_SKIP and child.dep_ not in _SUBJECTS:
            kept.extend(child.subtree)
    return kept


def _glued_start(token: Token) -> int:
    """The first token of the word `token` begins, for words the tokenizer split ("co-operation")."""
    index = token.i
    while index > 0 and not token.doc[index - 1].whitespace_ and (
        token.doc[index - 1].text.isalnum() or token.doc[index - 1].text in "-‐"
    ):
        index -= 1
    return index


def _complement(verb: Token) -> tuple[int, int] | None:
    for dep in _CONTENT_DEPS:
        for child in verb.children:
            if child.dep_ == dep:
                return _trim(verb.doc, _glued_start(child.left_edge), child.right_edge.i)
    return None


def _preceding_content(verb: Token, sent: Span, clause_first: int) -> tuple[int, int] | None:
    """For a trailing cue ("..., officials said."): the sentence before the clause."""
    if verb.dep_ not in ("ccomp", "parataxis", "ROOT") or clause_first <= sent.start + 2:
        return None
    return _trim(verb.doc, sent.start, clause_first - 1)


def _verb_attribution(verb: Token) -> Attribution | None:
    subject = _subject(verb)
    if subject is None:
        return None
    speaker = speaker_tokens(subject)
    own_subject = subject.head.i == verb.i
    clause = _clause_tokens(verb, speaker if own_subject else [])
    clause_start, clause_end = _char_span(clause)
    content = _complement(verb)
    if content is None and own_subject:
        content = _preceding_content(verb, verb.sent, min(tok.i for tok in clause))
    speaker_start, speaker_end = _char_span(speaker)
    return Attribution(
        verb.text, verb.idx, verb.idx + len(verb.text), speaker_start, speaker_end,
        subject.idx, clause_start, clause_end, content,
    )


def _according_to(token: Token) -> Attribution | None:
    """ "According to X, ..." or "..., according to X": the rest of the sentence is content."""
    to = next((child for child in token.children if child.lower_ == "to"), None)
    source = to and next((child for child in to.children if child.dep_ == "pobj"), None)
    if source is None:
        return None
    speaker = speaker_tokens(source)
    sent = token.sent
    first, last = token.left_edge.i, token.right_edge.i
    before = _trim(token.doc, sent.start, first - 1) if first > sent.start else None
    after = _trim(token.doc, last + 1, sent.end - 1) if last + 1 < sent.end else None
    content = before if before and (after is None or before[1] - before[0] > after[1] - after[0]) else after
    speaker_start, speaker_end = _char_span(speaker)
    clause_start, clause_end = _char_span(list(token.subtree))
    return Attribution(
        "according to", token.idx, to.idx + len(to.text), speaker_start, speaker_end,
        source.idx, clause_start, clause_end, content,
    )


def find_attributions(parsed: Doc) -> list[Attribution]:
    """Every attribution of the article, in text order."""
    found: list[Attribution] = []
    for token in parsed:
        if token.lower_ == "according":
            attribution = _according_to(token)
        elif token.pos_ == "VERB" and token.lemma_.lower() in CUES:
            attribution = _verb_attribution(token)
        else:
            continue
        if attribution is not None:
            found.append(attribution)
    return found


def colon_attribution(colon: Token) -> Attribution | None:
    """The clause a colon closes, as the attribution of the passage after it.

    "he added:", "the statement reads:" or a bare name ("Republican pollster Daron Shaw:"):
    the colon hangs from the clause's verb or noun, whose subject (or itself) speaks.
    """
    head = colon.head
    if head.i >= colon.i:
        return None
    if head.pos_ in ("VERB", "AUX"):
        subject = _subject(head)
    elif head.pos_ in ("PROPN", "NOUN") and colon.i - head.sent.start <= 8:
        subject = head
    else:
        return None
    if subject is None:
        return None
    speaker = speaker_tokens(subject)
    speaker_start, speaker_end = _char_span(speaker)
    cue_start = head.idx if subject is not head else colon.idx
    return Attribution(
        colon.doc.text[cue_start : colon.idx + 1], cue_start, colon.idx + 1, speaker_start,
        speaker_end, subject.idx, min(speaker_start, cue_start), colon.idx + 1, None,
    )
