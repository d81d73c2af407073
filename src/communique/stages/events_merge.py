"""The article-level passes over coded events: carried counterparts, merged restatements, ids.

A two-sided event with no named counterpart takes the actor's latest one in the article
('after the talks'). The same event stated twice in an article becomes one event with two
evidence spans. Two distinct events of one sentence and type get distinct ids.
"""

from __future__ import annotations

import dataclasses

from communique.ids import record_id
from communique.model import Event, Party
from communique.stages.events_parties import _RECIPROCAL


def _unique_ids(events: list[Event]) -> tuple[Event, ...]:
    """Two distinct events of one sentence and type get distinct ids (a counter is added)."""
    seen: set[str] = set()
    out = []
    for event in events:
        event_id, count = event.id, 1
        while event_id in seen:
            count += 1
            event_id = record_id(event.id, "event", count)
        seen.add(event_id)
        out.append(event if event_id == event.id else dataclasses.replace(event, id=event_id))
    return tuple(out)


def _dyad_key(event: Event) -> tuple[str, bool, str | None, frozenset[str | None]]:
    return event.type, event.negated, event.modality, frozenset(p.country for p in event.actor)


def carry_recipients(events: list[Event]) -> list[Event]:
    """A two-sided event without a named counterpart takes the actor's latest one in the article.

    'After the talks ...', 'officials signed trade deals': the article has already said
    with whom (the visit to Moscow), so the counterpart is carried over, and the rule says so.
    """
    partners: dict[str | None, tuple[Party, ...]] = {}
    out = []
    for event in events:
        countries = [p.country for p in event.actor]
        carried = next((partners[c][:1] for c in countries if c in partners), ())
        joint = len(set(countries)) > 1
        if not event.recipient and event.type in _RECIPROCAL and carried and not joint:
            event = dataclasses.replace(event, recipient=carried, rule=f"{event.rule}+carried-recipient")
        if event.recipient and not event.negated:
            partners.update((c, event.recipient) for c in countries)
            partners.update((p.country, event.actor) for p in event.recipient)
        elif joint and not event.negated:  # 'Britain and Russia held talks'
            partners.update((p.country, tuple(q for q in event.actor if q.country != p.country)) for p in event.actor)
        out.append(event)
    return out


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per (type, framing, actor countries) whose recipients agree; evidence joined.

    Recipients agree when one side's countries include the other's (a restatement often
    omits the recipient). The fuller event is kept.
    """
    kept: list[Event] = []
    for event in events:
        index = _same_event(kept, event)
        if index is None:
            kept.append(event)
            continue
        kept[index] = _joined(kept[index], event)
    return kept


def _same_event(kept: list[Event], event: Event) -> int | None:
    key = _dyad_key(event)
    mine = {p.country for p in event.recipient}
    for index, other in enumerate(kept):
        theirs = {p.country for p in other.recipient}
        if _dyad_key(other) == key and (mine <= theirs or theirs <= mine):
            return index
        if event.type == "CONSULT" and _same_meeting(other, event):
            return index
    return None


def _same_meeting(first: Event, second: Event) -> bool:
    """A visit and the meeting it holds are one consultation, written directed or joint:
    the same countries take part ('visited Moscow', 'a meeting with Putin')."""
    def sides(event: Event) -> frozenset[str | None]:
        return frozenset(p.country for p in (*event.actor, *event.recipient))

    return first.type == second.type and first.modality == second.modality and sides(first) == sides(second)


def _joined(first: Event, second: Event) -> Event:
    fuller = second if len(second.recipient) > len(first.recipient) else first
    evidence = tuple(sorted({*first.evidence, *second.evidence}, key=lambda m: m.start))
    return dataclasses.replace(fuller, evidence=evidence)
