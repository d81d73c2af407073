"""Attributions read from the dependency parse: a cue, who it is said by, and what.

An attribution is a reporting verb (a lemma of `CUE_LEMMAS` or of the core list below)
with a subject, or the phrase "according to X". Its content is the verb's clausal
complement ("said *that the talks had failed*"), or the rest of the sentence around an
"according to" phrase or before a trailing "..., officials said". Quoted passages next to
the attribution are linked later, by the stage, from character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
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
# Nouns of saying that carry what was said in a "that" clause ("a vow by Medvedev that ...").
NOUN_CUES = frozenset(
    "claim vow pledge promise warning statement assertion suggestion allegation accusation "
    "insistence admission announcement assurance argument belief".split()
)
_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
_CONTENT_DEPS = ("ccomp", "xcomp")
_SPEAKER_SKIP = frozenset(("relcl", "appos", "acl", "punct", "advcl", "cc", "conj", "parataxis", "case"))
_CLAUSE_SKIP = frozenset(("ccomp", "xcomp", "parataxis", "conj", "punct", "advcl", "cc", "mark"))
_INHERITS_SUBJECT = frozenset(("conj", "advcl", "xcomp"))
_MARKS = frozenset("\"“”'‘’")
_CALL_PREPOSITIONS = frozenset(("for", "on"))
Quoted = Callable[[int], bool]  # whether a char offset lies inside a quoted passage


def _nowhere(_offset: int) -> bool:
    return False


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


def _across_break(first: Token, second: Token) -> bool:
    """Whether a paragraph break lies between two tokens (a dateline is no subject)."""
    low, high = sorted((first.i, second.i))
    # Token by token: Doc.text joins the whole document on every call.
    return any("\n" in token.text_with_ws for token in first.doc[low:high])


def _own_subject(verb: Token, quoted: Quoted) -> Token | None:
    """The verb's subject nearest to it, in its paragraph; one inside a quotation (a title
    the parse took for the subject) gives way to the phrase right before the verb."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and not _across_break(c, verb)]
    if not subjects:
        return None
    subject = min(subjects, key=lambda child: abs(child.i - verb.i))
    if quoted(subject.idx) and not quoted(verb.idx):
        return _phrase_before(verb, quoted)
    return subject


def _phrase_before(verb: Token, quoted: Quoted) -> Token | None:
    """ "..., Flynn, a top surrogate, said": the name heading the phrase before the verb."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].is_punct and verb.doc[index].text not in _MARKS:
        index -= 1
    if index < 0 or verb.doc[index].pos_ not in ("PROPN", "NOUN", "PRON") or quoted(verb.doc[index].idx):
        return None
    token = verb.doc[index]
    while token.dep_ == "appos" and not quoted(token.head.idx) and token.head.i < token.i:
        token = token.head
    return token


def _subject(verb: Token, quoted: Quoted = _nowhere) -> Token | None:
    """The verb's subject, or the subject it shares with the clause it hangs from."""
    for _ in range(3):
        subject = _own_subject(verb, quoted)
        if subject is not None:
            return subject
        shares = verb.dep_ == "conj" or (verb.dep_ in _INHERITS_SUBJECT and verb.tag_ == "VBG")
        if not shares or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def speaker_tokens(head: Token) -> list[Token]:
    """The speaker phrase as a name: the head and its modifiers, without clauses, appositions
    or anything across a paragraph break (a dateline or heading the parse attached)."""
    kept = [head]
    stack = [child for child in head.children if child.dep_ not in _SPEAKER_SKIP]
    while stack:
        token = stack.pop()
        if "\n" in token.text or _across_break(token, head):
            continue
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


def _that_clause(noun: Token) -> Token | None:
    """The "that" clause a noun governs ("anger *that the talks failed*")."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(
            grand.dep_ == "mark" and grand.lower_ == "that" for grand in child.children
        ):
            return child
    return None


def _complement(verb: Token) -> tuple[int, int] | None:
    """The verb's clausal complement, or the "that" clause of its object ("expressed anger
    that ...", "voiced concern that ...")."""
    for dep in _CONTENT_DEPS:
        for child in verb.children:
            if child.dep_ == dep:
                return _trim(verb.doc, _glued_start(child.left_edge), child.right_edge.i)
    for child in verb.children:
        clause = _that_clause(child) if child.dep_ == "dobj" else None
        if clause is not None:
            return _trim(verb.doc, clause.left_edge.i, clause.right_edge.i)
    return None


def _preceding_content(verb: Token, sent: Span, clause_first: int) -> tuple[int, int] | None:
    """For a trailing cue ("..., officials said."): the sentence before the clause."""
    if verb.dep_ not in ("ccomp", "parataxis", "ROOT") or clause_first <= sent.start + 2:
        return None
    return _trim(verb.doc, sent.start, clause_first - 1)


def _cue_last(verb: Token) -> Token:
    """Where the cue ends: after its particle ("pointed out", "lashed out"), and after "for"
    or "on" for "call" ("called for talks", "called on Russia")."""
    last = verb
    for child in verb.children:
        if child.i != last.i + 1:
            continue
        if child.dep_ == "prt" or (
            child.dep_ == "prep" and child.lower_ in _CALL_PREPOSITIONS and verb.lemma_.lower() == "call"
        ):
            last = child
    return last


def _verb_attribution(verb: Token, quoted: Quoted) -> Attribution | None:
    subject = _subject(verb, quoted)
    if subject is None:
        return None
    speaker = speaker_tokens(subject)
    own_subject = subject.head.i == verb.i
    clause = _clause_tokens(verb, speaker if own_subject else [])
    clause_start, clause_end = _char_span(clause)
    last = _cue_last(verb)
    content = _complement(verb)
    if content is None and last.dep_ == "prep" and last.i < last.right_edge.i:
        content = _trim(verb.doc, last.i + 1, last.right_edge.i)  # "called for *tougher sanctions*"
    if content is None and own_subject:
        content = _preceding_content(verb, verb.sent, min(tok.i for tok in clause))
    speaker_start, speaker_end = _char_span(speaker)
    cue_end = last.idx + len(last.text)
    return Attribution(
        verb.doc[verb.i : last.i + 1].text, verb.idx, cue_end, speaker_start, speaker_end,
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


def _noun_attribution(noun: Token) -> Attribution | None:
    """ "a vow by Medvedev that ...", "Hague's claim that ...": a noun of saying, its "that"
    clause, and the speaker after "by" or in the possessive."""
    clause = _that_clause(noun)
    if clause is None:
        return None
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    source = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    source = source or next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None or source.pos_ not in ("PROPN", "NOUN"):
        return None
    speaker = speaker_tokens(source)
    speaker_start, speaker_end = _char_span(speaker)
    clause_start, clause_end = _char_span([noun, *speaker, *(by.subtree if by is not None else ())])
    content = _trim(noun.doc, clause.left_edge.i, clause.right_edge.i)
    return Attribution(
        noun.text, noun.idx, noun.idx + len(noun.text), speaker_start, speaker_end, source.idx,
        clause_start, clause_end, content,
    )


def find_attributions(parsed: Doc, quoted: Quoted = _nowhere) -> list[Attribution]:
    """Every attribution of the article, in text order; `quoted` tells quoted offsets."""
    found: list[Attribution] = []
    for token in parsed:
        if token.lower_ == "according":
            attribution = _according_to(token)
        elif token.pos_ == "VERB" and token.lemma_.lower() in CUES:
            attribution = _verb_attribution(token, quoted)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES:
            attribution = _noun_attribution(token)
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
    cue_token = head if subject is not head else colon
    cue_start = cue_token.idx
    return Attribution(
        colon.doc[cue_token.i : colon.i + 1].text, cue_start, colon.idx + 1, speaker_start,
        speaker_end, subject.idx, min(speaker_start, cue_start), colon.idx + 1, None,
    )
