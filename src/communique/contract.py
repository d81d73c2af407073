"""The public JSON contract of `communique analyze`: ArticleDoc -> plain dicts and back.

Field names follow DESIGN.md; fields beyond it (`dates`, `place`, `unit`, `rule`, ...) are
additions the contract allows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from communique.model import (
    Amount,
    ArticleDoc,
    DateMention,
    Entity,
    Event,
    Mention,
    Party,
    Place,
    Quote,
    ReadFailure,
)

JSON = dict[str, Any]


def doc_to_dict(doc: ArticleDoc) -> JSON:
    """One article as the contract's object."""
    article = doc.article
    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "date": _iso(article.date),
            "url": article.url,
            "source": article.source,
            "words": doc.words,
        },
        "entities": [entity_to_dict(e) for e in doc.entities],
        "events": [event_to_dict(e) for e in doc.events],
        "quotes": [quote_to_dict(q) for q in doc.quotes],
        "amounts": [amount_to_dict(a) for a in doc.amounts],
        "dates": [date_to_dict(d) for d in doc.dates],
    }


def failure_to_dict(failure: ReadFailure) -> JSON:
    """The object printed in place of an article that could not be analysed."""
    return {
        "article": {"id": failure.article_id, "origin": failure.origin, "record": failure.record},
        "error": failure.reason,
    }


def party_to_dict(party: Party) -> JSON:
    return dataclasses.asdict(party)


def place_to_dict(place: Place | None) -> JSON | None:
    return None if place is None else dataclasses.asdict(place)


def mention_to_dict(mention: Mention) -> JSON:
    return {"start": mention.start, "end": mention.end, "text": mention.text}


def entity_to_dict(entity: Entity) -> JSON:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "country": entity.country,
        "sector": entity.sector,
        "role": entity.role,
        "place": place_to_dict(entity.place),
        "mentions": [mention_to_dict(m) for m in entity.mentions],
    }


def event_to_dict(event: Event) -> JSON:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": event.context,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "actor": [party_to_dict(p) for p in event.actor],
        "recipient": [party_to_dict(p) for p in event.recipient],
        "negated": event.negated,
        "modality": event.modality,
        "date": _iso(event.date),
        "place": place_to_dict(event.place),
        "text": event.text,
        "start": event.start,
        "end": event.end,
        "rule": event.rule,
        "evidence": [mention_to_dict(m) for m in event.evidence],
    }


def quote_to_dict(quote: Quote) -> JSON:
    return {
        "id": quote.id,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": None if quote.speaker is None else party_to_dict(quote.speaker),
        "events": list(quote.events),
    }


def amount_to_dict(amount: Amount) -> JSON:
    return dataclasses.asdict(amount)


def date_to_dict(date: DateMention) -> JSON:
    return {**dataclasses.asdict(date), "value": _iso(date.value)}


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()
