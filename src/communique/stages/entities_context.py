"""What the article around a mention tells: context countries, pronouns and gender.

- A group noun naming no country ("students", "Islamic fundamentalists", "ethnic Turks") takes
  the country of the first place or country named in its sentence, else, when the sentence names
  no actor with a country, the article's dominant country (the one its mentions name most); such
  entities have `source` "context". With no place or country in the sentence, the first group or
  organisation the sentence places by its own words gives the country ("Egyptian police
  dispersed Moslem fundamentalist demonstrators" -> EGY, "the Sri Lankan army holds Tamil
  refugees" -> LKA).
  An unknown person with a title and no country ("President Omar El Bashir") is placed the same
  way, from the first country-bearing mention of their sentence other than a person's.
- "it"/"its" and "they"/"their"/"them" refer to the nearest country, organisation or group
  mentioned before them in the same or the previous sentence.
- "he"/"she" take the last person (main subjects first) whose gender, read from a given name
  or a title ("Queen", "Mr"), does not contradict the pronoun.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from communique.kb.normalize import key_words
from communique.stages.entities_drafts import Draft

if TYPE_CHECKING:
    from communique.stages.entities_drafts import Reader

THING_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
TRANSNATIONAL = frozenset({"IGO", "NGO"})
PLACE_KINDS = frozenset({"COUNTRY", "PLACE"})


def sentence_country(reader: Reader, start: int, end: int, avoid: str | None = None) -> str | None:
    """The country of the first place or country named in the sentence of tokens [start, end)."""
    sent = reader.parsed[start].sent
    first: tuple[int, str] | None = None
    for draft in reader.drafts.values():
        if draft.kind not in PLACE_KINDS or not draft.country or draft.country == avoid:
            continue
        for mention in draft.mentions:
            inside = sent.start_char <= mention.start < sent.end_char
            outside_group = not reader.parsed[start].idx <= mention.start < reader.parsed[end - 1].idx + 1
            if inside and outside_group and (first is None or mention.start < first[0]):
                first = (mention.start, draft.country)
    return None if first is None else first[1]


def context_country(reader: Reader, start: int, end: int) -> str | None:
    """The country of a reference naming none ("the prime minister" with no holder in the
    article): the first place or country of its sentence, else the article's dominant one."""
    return sentence_country(reader, start, end) or dominant_country(reader)


def dominant_country(reader: Reader) -> str | None:
    """The country the article's mentions name most often (ties: the first named)."""
    counts: Counter[str] = Counter()
    for draft in reader.drafts.values():
        if draft.country and len(draft.country) == 3 and draft.sector not in TRANSNATIONAL:
            counts[draft.country] += len(draft.mentions)
    return counts.most_common(1)[0][0] if counts else None


def read_context_groups(reader: Reader) -> None:
    """Place the groups that named no country (or only an ethnic one) in their context."""
    dominant = dominant_country(reader)
    bodies, named = _placed_bodies(reader), _named_sentences(reader)
    for start, end, sector, ethnic in reader.pending:
        if not reader.free(start, end):
            continue
        country = sentence_country(reader, start, end, avoid=ethnic) or ethnic or _first_body(reader, bodies, start)
        if country is None and reader.parsed[start].sent.start not in named:
            country = dominant
        if country is None:
            continue
        draft = Draft(reader.kb.group_name(country, sector), "GROUP", country, sector, source="context")
        reader.add(draft, start, end)
    for person in reader.titled:
        person.country = _person_country(reader, person) or dominant
        person.source = "context" if person.country else person.source


def _placed_bodies(reader: Reader) -> list[tuple[int, str]]:
    """(start, country) of the mentions of groups and organisations that carry a country of
    their own, before any context guess is made."""
    found = []
    for draft in reader.drafts.values():
        placed = draft.country in reader.kb.countries and draft.sector not in TRANSNATIONAL
        if draft.kind in ("GROUP", "ORG") and placed:
            found.extend((m.start, draft.country) for m in draft.mentions)
    return sorted(found)


def _first_body(reader: Reader, bodies: list[tuple[int, str]], start: int) -> str | None:
    """The country of the first placed group or organisation in the sentence of token `start`."""
    sent = reader.parsed[start].sent
    return next((country for at, country in bodies if sent.start_char <= at < sent.end_char), None)


def _person_country(reader: Reader, person: Draft) -> str | None:
    """The first country named in the sentence of the person's first mention, by any non-person."""
    first = min(person.mentions, key=lambda m: m.start)
    sent = reader.parsed.char_span(first.start, first.end, alignment_mode="expand").sent
    best: tuple[int, str] | None = None
    for draft in reader.drafts.values():
        if draft.kind == "PERSON" or not draft.country or len(draft.country) != 3:
            continue
        for mention in draft.mentions:
            if sent.start_char <= mention.start < sent.end_char and (best is None or mention.start < best[0]):
                best = (mention.start, draft.country)
    return None if best is None else best[1]


def _named_sentences(reader: Reader) -> set[int]:
    """First tokens of the sentences that name someone with a country (then no article guess);
    taken before context guesses, so that one guess does not block the next."""
    found: set[int] = set()
    for draft in reader.drafts.values():
        if draft.country:
            for mention in draft.mentions:
                span = reader.parsed.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    found.add(span.sent.start)
    return found


def gender(reader: Reader, draft: Draft) -> str | None:
    """'m' or 'f' from the first known given name or title in the person's name or mentions."""
    names = reader.kb.given_names
    for text in (draft.name, *(m.text for m in draft.mentions)):
        for word in key_words(text)[:3]:
            if word in names:
                return names[word]
    return None


def read_thing_pronouns(reader: Reader) -> None:
    """'Syria says it is willing': 'it'/'they' -> the nearest country, organisation or group."""
    for token in reader.parsed:
        if token.lower_ not in THING_PRONOUNS or token.i in reader.claimed or token.dep_ == "expl":
            continue
        name = _thing_antecedent(reader, token)
        if name is not None:
            reader.add(reader.drafts[name], token.i, token.i + 1)


def _thing_antecedent(reader: Reader, token) -> str | None:
    """The draft of the last non-person mention before `token`, in its sentence or the one before."""
    sent = token.sent
    floor = reader.parsed[sent.start - 1].sent.start_char if sent.start > 0 else 0
    plural = token.lower_ != "it" and token.lower_ != "its"
    best: tuple[int, str] | None = None
    for draft in reader.drafts.values():
        if draft.kind == "PERSON" or (draft.kind == "PLACE" and draft.sector is None):
            continue
        if plural and draft.kind == "COUNTRY":
            continue  # "they" are people, not a country
        for mention in draft.mentions:
            if floor <= mention.start and mention.end <= token.idx and (best is None or mention.start > best[0]):
                best = (mention.start, draft.name)
    return None if best is None else best[1]
