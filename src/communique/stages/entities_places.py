"""Places: a town in its context's country, and a capital acting for its government."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from communique.kb import KnowledgeBase, key_words
from communique.model import Place
from communique.stages.entities_drafts import SUBJECTS, Draft, Reader

if TYPE_CHECKING:
    from spacy.tokens import Span

STATIVE = frozenset({"be", "have", "lie", "sit", "remain", "become", "look", "seem", "stand", "border"})  # places


def is_capital(kb: KnowledgeBase, place: list) -> bool:
    return kb.capitals.get(" ".join(key_words(place[0]))) == place[1]


def place_draft(reader: Reader, ent: Span, place: list) -> Draft:
    """A place; a capital that acts ("Washington warned") stands for its government."""
    name, country, lat, lon = _place_in_context(reader, ent, place)
    acting = ent.root.dep_ in SUBJECTS and ent.root.head.lemma_ not in STATIVE
    if acting and is_capital(reader.kb, place):
        return Draft(reader.kb.group_name(country, "GOV"), "ORG", country, "GOV", source="context")
    return Draft(name, "PLACE", country, place=Place(name=name, country=country, latitude=lat, longitude=lon))


def _place_in_context(reader: Reader, ent: Span, place: list) -> list:
    """A town name several countries share ("Tripoli"): the town of the first country its
    sentence names, else of the country the article names most, else the most populous."""
    others = reader.kb.homonyms.get(" ".join(key_words(place[0])))
    if not others:
        return place
    rows = {row[1]: row for row in (place, *others)}
    sent = ent.sent
    in_sentence = [c for c in _countries_named(reader, sent.start, sent.end, ent) if c in rows]
    if in_sentence:
        return rows[in_sentence[0]]
    in_article = Counter(c for c in _countries_named(reader, 0, len(reader.parsed), ent) if c in rows)
    return rows[in_article.most_common(1)[0][0]] if in_article else place


def _countries_named(reader: Reader, start: int, end: int, skip: Span) -> list[str]:
    """Countries named by the words (country names, demonyms) of tokens [start, end), in order."""
    keys, found = reader.kb.country_keys, []
    for token in reader.parsed[start:end]:
        if skip.start <= token.i < skip.end or not token.text[:1].isupper():
            continue
        pair = " ".join(key_words(reader.parsed[token.i : token.i + 2].text))
        code = keys.get(pair) or keys.get(" ".join(key_words(token.text)))
        if code:
            found.append(code)
    return found
