"""The quotes stage: who said what, with the speaker resolved to an actor.

Three readings meet here, each made in one pass:

- the quoted passages, from the quotation marks (`quotes_marks`);
- the attributions, from the parse: a reporting verb with its subject and complement, or
  "according to X" (`quotes_attribution`);
- the speakers, from the entities the entity stage resolved (`quotes_speakers`).

A passage right before or after an attribution clause ("...," said Medvedev / he added:
"...") is a direct quote of that speaker. A complement that holds a passage is a mixed
quote (He believed Britain had a "working relationship ..."), one that holds none an
indirect quote. A passage with no attribution is introduced by a colon clause ("he added:") or signed
off by a name after a dash ("...” ― Sonya Herridge"); otherwise it continues the last
speaker of its paragraph, or, when it opens a paragraph, the speaker the previous
paragraph was about.

`link_quotes_to_events` runs after the events stage: a quote lists the events whose
evidence lies in its content or its attribution sentence.

Offsets of a direct quote cover its quotation marks, as printed.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.ids import record_id
from communique.model import ArticleDoc, Event, Quote
from communique.stages.quotes_attribution import Attribution, colon_attribution, find_attributions
from communique.stages.quotes_marks import Passage, find_passages, paragraph_starts
from communique.stages.quotes_speakers import SpeakerFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.config import Settings

# Between a passage and the attribution after it: spaces, a comma or a dash, one line.
_GAP_AFTER = re.compile(r"[ \t\xa0]*[,—–-]?[ \t\xa0]*")
# Between an attribution and the passage after it: a colon (the passage may start a new
# paragraph), a comma, or nothing.
_GAP_BEFORE = re.compile(r"[ \t\xa0]*:\s*|[ \t\xa0]*,?[ \t\xa0]*")
_OPEN_ENDED = frozenset(",?!—–-…")
MIN_UNATTRIBUTED_WORDS = 4  # shorter unattributed passages are titles or scare quotes
# A sign-off closing the passage's line: "...” ― Sonya Herridge" (a name of a few words).
_SIGNOFF = re.compile(
    r"[ \t\xa0]*(?:--|[―—–-])[ \t\xa0]*([A-Z][^\n\"“”:;!?]{1,60}?)[ \t\xa0.,]*(?:\n|$)"
)
MAX_SIGNOFF_WORDS = 6

SpeakerSpan = tuple[int, int, int]  # start, end, head


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: SpeakerSpan | None


def _speaker_span(attribution: Attribution) -> SpeakerSpan:
    return attribution.speaker_start, attribution.speaker_end, attribution.speaker_head


class _Passages:
    """Passages with lookups by offset and which of them an attribution has claimed."""

    def __init__(self, passages: list[Passage]):
        self.items = passages
        self.starts = [p.start for p in passages]
        self.ends = [p.end for p in passages]
        self.claimed = [False] * len(passages)

    def containing(self, offset: int) -> int | None:
        index = bisect_right(self.starts, offset) - 1
        return index if index >= 0 and self.items[index].end > offset else None

    def quoted(self, offset: int) -> bool:
        return self.containing(offset) is not None

    def ending_before(self, offset: int) -> int | None:
        index = bisect_right(self.ends, offset) - 1
        return index if index >= 0 else None

    def starting_after(self, offset: int) -> int | None:
        index = bisect_left(self.starts, offset)
        return index if index < len(self.items) else None

    def overlapping(self, start: int, end: int) -> range:
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


def _linked_passages(text: str, attribution: Attribution, passages: _Passages) -> list[int]:
    """Passages the attribution clause introduces or closes, next to it in the text."""
    linked: list[int] = []
    before = passages.ending_before(attribution.clause_start)
    if before is not None and not passages.claimed[before]:
        passage = passages.items[before]
        gap = text[passage.end : attribution.clause_start]
        if _GAP_AFTER.fullmatch(gap) and (
            "," in gap
            or text[passage.inner_end - 1 : passage.inner_end] in _OPEN_ENDED
            or text[attribution.clause_start : attribution.clause_start + 1].islower()
        ):
            linked.append(before)
    after = passages.starting_after(attribution.clause_end)
    if after is not None and not passages.claimed[after]:
        gap = text[attribution.clause_end : passages.items[after].start]
        if _GAP_BEFORE.fullmatch(gap):
            linked.append(after)
    return linked


def _content_draft(attribution: Attribution, passages: _Passages) -> _Draft | None:
    """The indirect or mixed quote of an attribution's complement."""
    if attribution.content is None:
        return None
    start, end = attribution.content
    kind = "indirect"
    for index in passages.overlapping(start, end):
        passage = passages.items[index]
        passages.claimed[index] = True
        start, end, kind = min(start, passage.start), max(end, passage.end), "mixed"
    return _Draft(start, end, kind, attribution.cue, _speaker_span(attribution))


def _attributed_drafts(text: str, attributions: list[Attribution], passages: _Passages) -> list[_Draft]:
    drafts: list[_Draft] = []
    for attribution in attributions:
        if passages.containing(attribution.cue_start) is not None:
            continue  # a cue inside a quotation belongs to the quoted speaker's words
        linked = _linked_passages(text, attribution, passages)
        for index in linked:
            passages.claimed[index] = True
            passage = passages.items[index]
            drafts.append(
                _Draft(passage.start, passage.end, "direct", attribution.cue, _speaker_span(attribution))
            )
        if not linked:
            draft = _content_draft(attribution, passages)
            if draft is not None:
                drafts.append(draft)
    return drafts


class _Paragraphs:
    """Which paragraph an offset is in, and who was heard where (in text order)."""

    def __init__(self, text: str, drafts: list[_Draft], attributions: list[Attribution]):
        self.starts = paragraph_starts(text)
        heard = [(a.cue_start, _speaker_span(a)) for a in attributions]
        heard += [(d.start, d.speaker) for d in drafts if d.speaker is not None]
        heard.sort(key=lambda item: item[0])
        self.offsets = [offset for offset, _ in heard]
        self.speakers = [speaker for _, speaker in heard]

    def index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def hear(self, offset: int, speaker: SpeakerSpan) -> None:
        position = bisect_right(self.offsets, offset)
        self.offsets.insert(position, offset)
        self.speakers.insert(position, speaker)

    def speaker_before(self, offset: int) -> SpeakerSpan | None:
        """The last speaker earlier in the offset's paragraph, else the next one in it; for
        a passage that opens its paragraph, else the last speaker of the paragraph before."""
        position = bisect_left(self.offsets, offset)
        paragraph = self.index(offset)
        heard_in = self.index(self.offsets[position - 1]) if position > 0 else -1
        if heard_in == paragraph:
            return self.speakers[position - 1]
        if position < len(self.offsets) and self.index(self.offsets[position]) == paragraph:
            return self.speakers[position]  # "...". "...," he said: the paragraph's own speaker
        if position > 0 and offset == self.starts[paragraph] and heard_in == paragraph - 1:
            return self.speakers[position - 1]
        return None


def _colon_intro(text: str, passage: Passage, parsed: Doc) -> Attribution | None:
    """The attribution of a passage that follows a colon ("he added: ...")."""
    before = passage.start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if before < 0 or text[before] != ":":
        return None
    colon = parsed.char_span(before, before + 1)
    return None if colon is None else colon_attribution(colon.root)


def _signoff(text: str, passage: Passage, parsed: Doc) -> Attribution | None:
    """The name signing off a passage after a dash, at the end of its line."""
    match = _SIGNOFF.match(text, passage.end)
    if match is None or len(match.group(1).split()) > MAX_SIGNOFF_WORDS:
        return None
    start, end = match.span(1)
    name = parsed.char_span(start, end, alignment_mode="expand")
    if name is None or not any(token.pos_ == "PROPN" for token in name):
        return None
    dash = match.start(1) - 1
    return Attribution(
        text[passage.end : start].strip(), dash, dash + 1, start, end, name.root.idx,
        passage.end, end, None,
    )


def _introduction(text: str, passage: Passage, parsed: Doc) -> Attribution | None:
    return _colon_intro(text, passage, parsed) or _signoff(text, passage, parsed)


def _unattributed_drafts(
    text: str, parsed: Doc, passages: _Passages, paragraphs: _Paragraphs
) -> list[_Draft]:
    drafts: list[_Draft] = []
    for index, passage in enumerate(passages.items):
        if passages.claimed[index]:
            continue
        if len(text[passage.inner_start : passage.inner_end].split()) < MIN_UNATTRIBUTED_WORDS:
            continue
        introduced = _introduction(text, passage, parsed)
        if introduced is not None:
            speaker, cue = _speaker_span(introduced), introduced.cue
        else:
            speaker, cue = paragraphs.speaker_before(passage.start), None
        drafts.append(_Draft(passage.start, passage.end, "direct", cue, speaker))
        if speaker is not None:
            paragraphs.hear(passage.start, speaker)
    return drafts


def _quote(doc: ArticleDoc, draft: _Draft, speakers: SpeakerFinder) -> Quote:
    text = doc.article.text
    party = mention = None
    if draft.speaker is not None:
        party, mention = speakers.party(*draft.speaker)
    return Quote(
        id=record_id(doc.article.id, "quote", draft.start, draft.end),
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        kind=draft.kind,
        cue=draft.cue,
        speaker=party,
        speaker_mention=mention,
    )


def extract_quotes(doc: ArticleDoc, parsed: Doc) -> tuple[Quote, ...]:
    """Every direct, mixed and indirect quote of the article, in text order."""
    text = doc.article.text
    passages = _Passages(find_passages(text))
    attributions = [
        a for a in find_attributions(parsed, passages.quoted) if not passages.quoted(a.cue_start)
    ]
    drafts = _attributed_drafts(text, attributions, passages)
    paragraphs = _Paragraphs(text, drafts, attributions)
    drafts += _unattributed_drafts(text, parsed, passages, paragraphs)
    speakers = SpeakerFinder(doc, parsed)
    unique = {(d.start, d.end): d for d in sorted(drafts, key=lambda d: (d.start, d.end))}
    return tuple(_quote(doc, draft, speakers) for draft in unique.values())


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or, across marks, the paragraph stretch) around [start, end)."""
    before = max(text.rfind(stop, 0, start) for stop in (". ", "? ", "! ", "\n"))
    after = [i for i in (text.find(stop, end) for stop in (". ", "? ", "! ", "\n")) if i >= 0]
    return before + 1, min(after, default=len(text))


def _evidence_spans(event: Event) -> list[tuple[int, int]]:
    spans = [(mention.start, mention.end) for mention in event.evidence]
    return spans or [(event.start, event.end)]


def _quote_spans(text: str, quote: Quote) -> list[tuple[int, int]]:
    """The quote's content and its attribution sentence: the sentences the content starts
    and ends in, and the speaker's when it is written in the same paragraph."""
    spans = [(quote.start, quote.end), _sentence_bounds(text, quote.start, quote.start)]
    spans.append(_sentence_bounds(text, quote.end - 1, quote.end))
    mention = quote.speaker_mention
    if mention is not None:
        gap = text[mention.end : quote.start] + text[quote.end : mention.start]
        if "\n" not in gap:
            spans.append(_sentence_bounds(text, mention.start, mention.end))
    return spans


def _overlaps(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    return any(min(a[1], b[1]) > max(a[0], b[0]) for a in first for b in second)


def link_quotes_to_events(doc: ArticleDoc) -> ArticleDoc:
    """Fill `Quote.events` with the ids of the events whose evidence overlaps the quote's
    content or its attribution sentence; run it after the events stage."""
    if not doc.quotes or not doc.events:
        return doc
    text = doc.article.text
    evidence = [(event.id, _evidence_spans(event)) for event in doc.events]
    linked = []
    for quote in doc.quotes:
        spans = _quote_spans(text, quote)
        ids = tuple(dict.fromkeys(event_id for event_id, marks in evidence if _overlaps(spans, marks)))
        linked.append(dataclasses.replace(quote, events=ids))
    return dataclasses.replace(doc, quotes=tuple(linked))


class QuoteStage:
    """Pipeline stage adding `doc.quotes`."""

    name = "quotes"

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:
        return dataclasses.replace(doc, quotes=extract_quotes(doc, parsed))


def make_stage(settings: Settings) -> QuoteStage:  # noqa: ARG001 (the factory signature)
    """The quotes stage; it needs no settings beyond the parse it is given."""
    return QuoteStage()
