"""Quoted passages found from the quotation marks alone, in one pass over the text.

News conventions handled here:

- curly (“ ”), straight (") and doubled-apostrophe ('') marks, and low-9 („) openers;
  a mark's role comes from its glyph and, for the ambiguous ones, from the characters
  around it;
- a quote that runs over paragraphs: the paragraph ends without a closing mark and the
  next one opens with a mark, so the passage goes on;
- a stray opening mark (the paragraph ends and the next does not reopen) ends its passage
  at the end of its paragraph.

Single quotes (‘ ’) are left alone: they nest inside double quotes or are apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|[\"“”„«»]|\n[ \t\r\xa0\n]*")
_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_AMBIGUOUS = frozenset(('"', "''"))
MARK_CHARS = frozenset("\"“”„«»")


@dataclass(frozen=True, slots=True)
class Passage:
    """A quoted passage: [start, end) covers the marks; `inner_*` the words inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraphs: int = 1  # how many paragraphs it runs over


def _space_or_edge(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or text[index].isspace() or text[index] in "([{—–-"


def _can_open(text: str, mark: str, start: int, end: int) -> bool:
    if mark in _OPENERS:
        return True
    # An ambiguous or closing glyph opens when it stands before a word, after a space.
    return _space_or_edge(text, start - 1) and not _space_or_edge(text, end)


def _can_close(text: str, mark: str, start: int, end: int) -> bool:
    if mark in _CLOSERS or mark in _AMBIGUOUS:
        return not _space_or_edge(text, start - 1) or _space_or_edge(text, end)
    # An opening glyph closes when it follows a word and stands before a space or the end.
    return not _space_or_edge(text, start - 1) and (end >= len(text) or not text[end].isalnum())


def _trimmed_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


class _Scanner:
    """The state of one left-to-right pass: whether a passage is open, and since where."""

    def __init__(self, text: str):
        self.text = text
        self.open_at: int | None = None
        self.paragraphs = 1
        self.skip_until = -1
        self.found: list[Passage] = []

    def emit(self, end: int, inner_end: int) -> None:
        start = self.open_at
        if start is not None and inner_end > start + 1:
            inner_start = start + (2 if self.text.startswith("''", start) else 1)
            self.found.append(Passage(start, end, inner_start, inner_end, self.paragraphs))
        self.open_at = None
        self.paragraphs = 1

    def on_break(self, match: re.Match[str]) -> None:
        if self.open_at is None:
            return
        reopen = _MARK.match(self.text, match.end())
        if reopen and reopen.group() not in ("\n",) and not reopen.group().startswith("\n"):
            if _can_open(self.text, reopen.group(), reopen.start(), reopen.end()):
                self.paragraphs += 1
                self.skip_until = reopen.end()
                return
        end = _trimmed_end(self.text, match.start())
        self.emit(end, end)

    def on_mark(self, match: re.Match[str]) -> None:
        mark, start, end = match.group(), match.start(), match.end()
        if start < self.skip_until:
            return
        if self.open_at is None:
            if _can_open(self.text, mark, start, end):
                self.open_at = start
        elif _can_close(self.text, mark, start, end):
            self.emit(end, start)
        elif _can_open(self.text, mark, start, end):
            self.open_at = start  # the earlier mark was stray


def find_passages(text: str) -> list[Passage]:
    """Every passage between quotation marks, in text order."""
    scanner = _Scanner(text)
    for match in _MARK.finditer(text):
        if match.group().startswith("\n"):
            scanner.on_break(match)
        else:
            scanner.on_mark(match)
    if scanner.open_at is not None:
        end = _trimmed_end(text, len(text))
        scanner.emit(end, end)
    return scanner.found


def paragraph_starts(text: str) -> list[int]:
    """The offset where each paragraph (a run of text between line breaks) begins."""
    return [0] + [m.end() for m in re.finditer(r"\n[ \t\r\xa0\n]*", text)]
