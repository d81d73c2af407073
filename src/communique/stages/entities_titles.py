"""Titles of office: the title before a name ("President Dimitri Medvedev") and titled
references ("the Prime Minister", "the president of Armenia")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.kb import KnowledgeBase, key_words
from communique.kb.titles import TITLES, office_key
from communique.stages.entities_context import context_country
from communique.stages.entities_drafts import DETERMINERS, Draft, Reader, actor_draft

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


def titled_reference(kb: KnowledgeBase, words: list[str]) -> tuple[tuple[str, str] | None, str | None]:
    """The title and country of words that name an office: 'PRIME MINISTER', 'RUSSIAN PRESIDENT'
    -> (title, country); (None, None) when they are no title."""
    words = [w for w in words if w not in DETERMINERS]
    country = kb.country_keys.get(words[0]) if len(words) > 1 else None
    title = TITLES.get(" ".join(words[1:] if country else words))
    return (title, country) if title is not None else (None, None)


def read_titled(reader: Reader, chunk: Span) -> None:
    """'the Prime Minister', 'the Armenian president', 'the president of Armenia'.

    The article's holder of that office (of that country, when one is named); else, for an office
    one person holds at a time, its holder on the article's day in the country named, or else the
    context's (see entities_context.context_country): "the Russian president" in 2011 is
    Medvedev; else the office stands for that country's sector: "Government of Armenia".
    """
    title, country = titled_reference(reader.kb, key_words(chunk.text))
    if title is None:
        return
    country = country or _of_country(reader, chunk)
    office = office_key(title[1])
    matches = [
        d for d in reader.drafts.values()
        if d.kind == "PERSON" and d.role and office_key(d.role) == office and (country is None or d.country == country)
    ]
    if matches:
        reader.add(max(matches, key=lambda d: len(d.mentions)), chunk.start, chunk.end)
        return
    country = country or context_country(reader, chunk.start, chunk.end)
    holder = reader.kb.office_holder(country, title[1], reader.date)
    if holder is not None:
        reader.add(actor_draft(holder, reader.date), chunk.start, chunk.end)
    elif country in reader.kb.countries:
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
