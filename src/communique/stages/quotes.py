"""The quotes stage: who said what, with the speaker resolved to an actor.

Three readings meet here, each made in one pass:

- the quoted passages, from the quotation marks (`quotes_marks`);
- the attributions, from the parse: a reporting verb with its subject and complement, or
  "according to X" (`quotes_attribution`);
- the speakers, from the entities the entity stage resolved (`quotes_speakers`).

A passage right before or after an attribution clause ("...," said Medvedev / he added:
"...") is a direct quote of that speaker. A complement that holds a passage is a mixed
quote (He believed Britain had a "working relationship ..."), one that holds none an
indirect quote. A passage with no attribution continues the last speaker of its
paragraph, or, when it opens a paragraph, the speaker the previous paragraph was about.

Offsets of a direct quote cover its quotation marks, as printed.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.ids import record_id
from communique.model import ArticleDoc, Quote
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
        if offset == self.starts[paragraph] and heard_in == paragraph - 1:
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


def _unattributed_drafts(
    text: str, parsed: Doc, passages: _Passages, paragraphs: _Paragraphs
) -> list[_Draft]:
    drafts: list[_Draft] = []
    for index, passage in enumerate(passages.items):
        if passages.claimed[index]:
            continue
        if len(text[passage.inner_start : passage.inner_end].split()) < MIN_UNATTRIBUTED_WORDS:
            continue
        introduced = _colon_intro(text, passage, parsed)
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
        a for a in find_attributions(parsed) if passages.containing(a.cue_start) is None
    ]
    drafts = _attributed_drafts(text, attributions, passages)
    paragraphs = _Paragraphs(text, drafts, attributions)
    drafts += _unattributed_drafts(text, parsed, passages, paragraphs)
    speakers = SpeakerFinder(doc, parsed)
    unique = {(d.start, d.end): d for d in sorted(drafts, key=lambda d: (d.start, d.end))}
    return tuple(_quote(doc, draft, speakers) for draft in unique.values())


class QuoteStage:
    """Pipeline stage adding `doc.quotes`."""

    name = "quotes"

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:
        return dataclasses.replace(doc, quotes=extract_quotes(doc, parsed))


def make_stage(settings: Settings) -> QuoteStage:  # noqa: ARG001 (the factory signature)
    """The quotes stage; it needs no settings beyond the parse it is given."""
    return QuoteStage()
