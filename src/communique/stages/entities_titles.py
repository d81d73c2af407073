"""Titles of office: the title before a name ("President Dimitri Medvedev") and titled
references ("the Prime Minister", "the president of Armenia")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.kb import key_words
from communique.kb.titles import TITLES
from communique.stages.entities_context import context_country
from communique.stages.entities_drafts import DETERMINERS, Draft, Reader

if TYPE_CHECKING:
    from spacy.tokens import Span


def title_before(reader: Reader, start: int) -> tuple[tuple[str, str] | None, str | None]:
    """The title of office just before token `start` and the country named before it."""
    tokens = reader.parsed
    for size in (4, 3, 2, 1):
        first = start - size
        if first < 0 or not tokens[first].is_alpha:
            continue
        key = " ".join(key_words(tokens[first:start].text))
        if key in TITLES:
            country = None
            if first > 0:
                country = reader.kb.country_keys.get(" ".join(key_words(tokens[first - 1].text)))
            return TITLES[key], country
    return None, None


def with_title(reader: Reader, ent: Span) -> tuple[int, int]:
    """Token range of the entity extended left over its title ("President Dimitri Medvedev")."""
    tokens = reader.parsed
    for size in (4, 3, 2, 1):
        first = ent.start - size
        if first >= 0 and tokens[first].is_alpha and reader.free(first, ent.start):
            if " ".join(key_words(tokens[first : ent.start].text)) in TITLES:
                return first, ent.end
    return ent.start, ent.end


def read_titled(reader: Reader, chunk: Span) -> None:
    """'the Prime Minister', 'the Armenian president', 'the president of Armenia'.

    The article's holder of that office (of that country, when one is named); with no such
    holder, the office stands for the sector of the country named, else of the context's
    country (see entities_context.context_country): "Government of Armenia".
    """
    words = [w for w in key_words(chunk.text) if w not in DETERMINERS]
    country = reader.kb.country_keys.get(words[0]) if len(words) > 1 else None
    title = TITLES.get(" ".join(words[1:] if country else words))
    if title is None:
        return
    country = country or _of_country(reader, chunk)
    matches = [
        d for d in reader.drafts.values()
        if d.kind == "PERSON" and d.role == title[1] and (country is None or d.country == country)
    ]
    if matches:
        best = max(matches, key=lambda d: len(d.mentions))
        reader.add(best, chunk.start, chunk.end)
    else:
        country = country or context_country(reader, chunk.start, chunk.end)
        if country in reader.kb.countries:
            sector, role = title
            draft = Draft(reader.kb.group_name(country, sector), "GROUP", country, sector, role, source="context")
            reader.add(draft, chunk.start, chunk.end)


def _of_country(reader: Reader, chunk: Span) -> str | None:
    """The country of "<title> of <country>" right after a chunk ("the president of Armenia")."""
    for prep in chunk.root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == chunk.end:
            for obj in prep.children:
                words = key_words(reader.parsed[obj.left_edge.i : obj.i + 1].text)
                key = " ".join(w for w in words if w != "THE")
                if obj.dep_ == "pobj" and key in reader.kb.country_keys:
                    return reader.kb.country_keys[key]
    return None
