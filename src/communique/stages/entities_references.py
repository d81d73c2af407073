"""References to people already named: bare surnames ("Hague said"), titled references
(see entities_titles) and the pronouns "he"/"she", resolved to their antecedent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.kb import key_words
from communique.stages.entities_context import gender
from communique.stages.entities_titles import read_titled

if TYPE_CHECKING:
    from communique.stages.entities_drafts import Reader

PRONOUNS = frozenset({"he", "she"})


def read_surnames(reader: Reader) -> None:
    """Bare surnames of people already named in full ('Hague said ...')."""
    if not reader.surnames:
        return
    for token in reader.parsed:
        if token.pos_ == "PROPN" and token.i not in reader.claimed:
            name = reader.surnames.get(" ".join(key_words(token.text)))
            if name is not None:
                reader.add(reader.drafts[name], token.i, token.i + 1)


def read_references(reader: Reader) -> None:
    """'The Prime Minister' -> the article's prime minister; 'he' -> the last main subject."""
    for chunk in reader.parsed.noun_chunks:
        if reader.free(chunk.start, chunk.end):
            read_titled(reader, chunk)
    reader.people.sort()
    for token in reader.parsed:
        if token.lower_ in PRONOUNS and token.i not in reader.claimed:
            name = antecedent(reader, token.i, "m" if token.lower_ == "he" else "f")
            if name is not None:
                reader.add(reader.drafts[name], token.i, token.i + 1)
                reader.people.sort()


def antecedent(reader: Reader, index: int, sex: str | None = None) -> str | None:
    """The person a pronoun at token `index` most likely means; a known other gender is skipped."""
    before = [
        (i, name, main) for i, name, main in reader.people
        if i < index and gender(reader, reader.drafts[name]) in (None, sex)
    ]
    if not before:
        return None
    mains = [name for _, name, main in before if main]
    return mains[-1] if mains else before[-1][1]
