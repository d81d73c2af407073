"""Entities being assembled while an article is read, and their merging.

`Draft` is one entity under construction; `Reader` holds an article's state (drafts by name,
claimed tokens, people in order) and merges every mention of a same-named draft into one.
`actor_draft` makes a draft from a knowledge-base actor, `to_entity` the finished entity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.ids import record_id
from communique.kb import Actor, KnowledgeBase, key_words
from communique.model import Entity, Mention, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
DETERMINERS = frozenset({"THE", "A", "AN", "ONE", "SOME", "SEVERAL", "TWO", "THREE", "MANY"})
NO_CONTEXT = frozenset({"IGO", "NGO", "IMG", "UNK", "JNK", "NON"})  # sectors that take no context country


@dataclass(slots=True)
class Draft:
    """An entity being assembled while the article is read."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    place: Place | None = None
    source: str = "ner"
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Reader:
    """Per-article state: drafts by name, claimed tokens, person mentions in order."""

    kb: KnowledgeBase
    parsed: Doc
    date: dt.date | None
    drafts: dict[str, Draft] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    surnames: dict[str, str] = field(default_factory=dict)  # SURNAME -> draft name
    people: list[tuple[int, str, bool]] = field(default_factory=list)  # (token, draft, main subject)
    pending: list[tuple[int, int, str, str | None]] = field(default_factory=list)  # groups awaiting a country
    titled: list[Draft] = field(default_factory=list)  # unknown titled people awaiting a country

    def add(self, draft: Draft, start_token: int, end_token: int) -> Draft:
        """Record a mention of `draft` over tokens [start, end); merge with a same-named draft."""
        span = self.parsed[start_token:end_token]
        mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
        kept = self.drafts.setdefault(draft.name, draft)
        kept.mentions.append(mention)
        self.claimed.update(range(start_token, end_token))
        if kept.kind == "PERSON":
            head = span.root
            self.people.append((start_token, kept.name, head.dep_ in SUBJECTS and head.head.dep_ == "ROOT"))
            words = key_words(kept.name)
            if len(words) > 1:
                self.surnames.setdefault(words[-1], kept.name)
        return kept

    def free(self, start: int, end: int) -> bool:
        return not self.claimed.intersection(range(start, end))


def actor_draft(actor: Actor, date: dt.date | None) -> Draft:
    country, sector, role = actor.at(date)
    kind = actor.kind if actor.kind in ("PERSON", "ORG") else "ORG"
    return Draft(actor.name, kind, country, sector, role, source="kb")


def to_entity(article_id: str, draft: Draft) -> Entity:
    mentions = tuple(sorted(set(draft.mentions), key=lambda m: (m.start, m.end)))
    return Entity(
        id=record_id(article_id, "entity", draft.name), name=draft.name, kind=draft.kind,
        mentions=mentions, country=draft.country, sector=draft.sector, role=draft.role,
        place=draft.place, source=draft.source,
    )
