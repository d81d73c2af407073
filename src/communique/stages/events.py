"""The event coder: who did what to whom, coded in PLOVER and CAMEO, with evidence.

One pass over the sentences. A word becomes a trigger when the verb dictionary (built from
the CAMEO verb patterns) or the core lists know it: a verb with the words of its phrase, or
an event noun ("talks", "sanctions", "a vow"). A trigger that completes another trigger's
clause ("pushing Russia to *agree*") is folded into it. The clause's framing then changes
the event: refusal and negation turn cooperation into REJECT, intent and the future turn it
into AGREE (PLOVER manual), denials and conditions are kept but marked. Actors and
recipients come from the parse and are resolved only through `communique.parties`; an
event needs a political actor (a country, organisation or official). The same event stated
twice in an article becomes one event with two evidence spans. `Event.rule` says which
word, pattern and framing produced it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import ontology
from communique.ids import record_id
from communique.model import ArticleDoc, Event, Mention, Party, Place
from communique.parties import party_at
from communique.stages import events_roles as roles
from communique.stages.events_lexicon import COOPERATIVE, MATERIAL_CONFLICT, REPORTING
from communique.stages.events_verbs import noun_code, verb_code

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from communique.config import Settings

# Folding: a trigger whose governor is a trigger of these types is that trigger's content.
_FOLDING_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT"})
_REJECT_FOR_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
_AGREE_FOR_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT_FOR_ROOT = {"15": "130", "16": "1312", "17": "137", "18": "138", "19": "138", "20": "138"}


# A verb coded only by its synonym block's default code says little by itself: like a
# dictionary coder, such an event needs both a source and a target.
_NEEDS_RECIPIENT = ("verb-dictionary:",)


def _depth(token: Token) -> int:
    """Distance from the sentence root: the main clause's event comes first."""
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


@dataclass(frozen=True, slots=True)
class _Trigger:
    token: Token
    code: str
    rule: str
    nominal: bool


@dataclass(frozen=True, slots=True)
class _Coding:
    code: str
    negated: bool
    modality: str
    rule: str


class EventStage:
    """The pipeline stage that codes events; runs after entities, dates and quotes."""

    name = "events"

    def __call__(self, doc: ArticleDoc, parsed: object) -> ArticleDoc:
        events: list[Event] = []
        for sent in parsed.sents:  # type: ignore[attr-defined]
            events.extend(code_sentence(doc, sent))
        return dataclasses.replace(doc, events=_unique_ids(merge_duplicates(events)))


def make_stage(settings: Settings | None = None) -> EventStage:  # noqa: ARG001 (no options yet)
    """The factory the pipeline calls."""
    return EventStage()


def find_triggers(sent: Span) -> dict[int, _Trigger]:
    """Every word of the sentence that the lexicons code, by token index."""
    found: dict[int, _Trigger] = {}
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            hit = verb_code(roles.verb_key(token), roles.phrase_words(token))
            nominal = False
        elif token.pos_ == "NOUN":
            hit = noun_code(token.lemma_.lower())
            nominal = True
        else:
            continue
        if hit is not None and hit[0] is not None and ontology.plover(hit[0]) is not None:
            found[token.i] = _Trigger(token, hit[0], hit[1], nominal)
    return found


def _folded_into(trigger: _Trigger, triggers: dict[int, _Trigger]) -> bool:
    gov = roles.governor(trigger.token)
    if gov is None or gov.i not in triggers:
        return False
    head = triggers[gov.i]
    kind = ontology.plover(head.code)
    return trigger.nominal or (kind is not None and kind.type in _FOLDING_TYPES)


def reframe(trigger: _Trigger) -> _Coding:
    """The trigger's code after negation and modality: 'never extradite' -> REJECT."""
    negated, cue = roles.framing(trigger.token)
    code, rule = trigger.code, trigger.rule
    kind = ontology.plover(code).type  # type: ignore[union-attr]
    root = code[:2]
    if (negated or cue == "refused") and kind in COOPERATIVE:
        refined = f"12{int(root) - 5}{code[2:3]}" if root in ("06", "07") else ""
        code = refined if ontology.plover(refined) else _REJECT_FOR_ROOT.get(root, "120")
        return _Coding(code, True, "asserted", f"{rule}+refusal")
    if cue == "refused":
        return _Coding("120", True, "asserted", f"{rule}+refusal")
    if negated or cue == "denied":
        return _Coding(code, True if negated else False, "denied", f"{rule}+denial")
    if cue == "hypothetical":
        return _Coding(code, False, "hypothetical", f"{rule}+condition")
    if cue == "future" and root in _AGREE_FOR_ROOT:
        return _Coding(_AGREE_FOR_ROOT[root], False, "future", f"{rule}+intent")
    if cue == "future" and kind in MATERIAL_CONFLICT:
        return _Coding(_THREAT_FOR_ROOT.get(root, "130"), False, "future", f"{rule}+intent")
    return _Coding(code, False, cue or "asserted", rule)


def code_sentence(doc: ArticleDoc, sent: Span) -> list[Event]:
    """The events of one sentence."""
    triggers = find_triggers(sent)
    codings = {i: reframe(trigger) for i, trigger in triggers.items()}
    dropped = _overridden_promises(triggers, codings)
    events = []
    for i, trigger in sorted(triggers.items(), key=lambda item: (_depth(item[1].token), item[0])):
        if i in dropped or (_folded_into(trigger, triggers) and not _overrides(trigger, triggers, codings)):
            continue
        actors, recipients = _parties(doc, trigger, triggers)
        if not actors or (not recipients and trigger.rule.startswith(_NEEDS_RECIPIENT)):
            continue
        event = _build_event(doc, sent, trigger, codings[i], actors, recipients)
        if event is not None:
            events.append(event)
    return events


def _overrides(trigger: _Trigger, triggers: dict[int, _Trigger], codings: dict[int, _Coding]) -> bool:
    """A refusal inside a promise is the event: 'a vow that Russia would never extradite'."""
    gov = roles.governor(trigger.token)
    if gov is None or gov.i not in triggers or not codings[trigger.token.i].negated:
        return False
    return ontology.plover(codings[gov.i].code).type in ("AGREE", "SUPPORT")  # type: ignore[union-attr]


def _overridden_promises(triggers: dict[int, _Trigger], codings: dict[int, _Coding]) -> set[int]:
    return {
        roles.governor(t.token).i  # type: ignore[union-attr]
        for t in triggers.values()
        if _folded_into(t, triggers) and _overrides(t, triggers, codings)
    }


def _parties(doc: ArticleDoc, trigger: _Trigger, triggers: dict[int, _Trigger]) -> tuple[list[Party], list[Party]]:
    token = trigger.token
    if trigger.nominal:
        actor_tokens, recipient_tokens = roles.noun_roles(token)
        host = roles.governor(token)
        if host is not None and not _resolve(doc, actor_tokens):
            actor_tokens = actor_tokens + roles.subjects(host)
            recipient_tokens = recipient_tokens + [t for t in roles.objects(host) if t.i != token.i]
    else:
        actor_tokens, recipient_tokens = roles.subjects(token), roles.objects(token)
        for child in token.children:  # recipients named in a folded clause
            if child.i in triggers and _folded_into(triggers[child.i], triggers):
                recipient_tokens = recipient_tokens + roles.objects(child)
    actors = _resolve(doc, actor_tokens)
    if not actors and token.lemma_.lower() not in REPORTING:
        actors = _resolve(doc, roles.speaker(token))
    recipients = _resolve(doc, recipient_tokens, deep=True)
    return actors, _without_actors(recipients, actors)


def _resolve(doc: ArticleDoc, tokens: list[Token], *, deep: bool = False) -> list[Party]:
    """The political parties behind the given words (deduplicated, in order).

    With `deep`, a word that names no party is looked into: 'criticisms about corruption
    in the Russian legal system' names Russia.
    """
    parties: list[Party] = []
    for token in tokens:
        found = _parties_of(doc, token)
        if not found and deep:
            found = [p for inner in roles.nested_nouns(token) for p in _parties_of(doc, inner)][:2]
        parties += [p for p in found if _is_political(p) and p not in parties]
    return parties


def _parties_of(doc: ArticleDoc, token: Token) -> list[Party]:
    """The party a word names, else the parties its modifiers name ('British and Russian services')."""
    party = party_at(doc, token.idx, token.idx + len(token))
    if party is not None:
        return [party]
    found = []
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "appos"):
            for item in (child, *child.conjuncts):
                party = party_at(doc, item.idx, item.idx + len(item))
                if party is not None and party not in found:
                    found.append(party)
    return found


def _is_political(party: Party) -> bool:
    return party.country is not None or party.sector is not None


def _without_actors(recipients: list[Party], actors: list[Party]) -> list[Party]:
    actor_ids = {p.entity for p in actors}
    kept = [p for p in recipients if p.entity not in actor_ids]
    actor_countries = {p.country for p in actors}
    foreign = [p for p in kept if p.country not in actor_countries]
    return foreign or kept


def _build_event(
    doc: ArticleDoc, sent: Span, trigger: _Trigger, coding: _Coding, actors: list[Party], recipients: list[Party]
) -> Event | None:
    kind = ontology.plover(coding.code)
    info = ontology.cameo(coding.code)
    if kind is None:
        return None
    start, end = sent.start_char, sent.end_char
    return Event(
        id=record_id(doc.article.id, "event", kind.type, start, end),
        type=kind.type,
        cameo=coding.code,
        actor=tuple(actors),
        recipient=tuple(recipients),
        text=sent.text,
        start=start,
        end=end,
        mode=kind.mode,
        context=kind.context,
        goldstein=None if info is None else info.goldstein,
        quad_class=None if info is None else info.quad_class,
        negated=coding.negated,
        modality=coding.modality,
        date=_date_in(doc, start, end),
        place=_place_in(doc, start, end),
        rule=coding.rule,
        evidence=(Mention(start=start, end=end, text=sent.text),),
    )


def _date_in(doc: ArticleDoc, start: int, end: int):  # noqa: ANN202 (date | None)
    for mention in doc.dates:
        if start <= mention.start < end and mention.value is not None:
            return mention.value
    return doc.article.date


def _place_in(doc: ArticleDoc, start: int, end: int) -> Place | None:
    for entity in doc.entities:
        if entity.kind != "PLACE":
            continue
        if any(start <= m.start < end for m in entity.mentions):
            return entity.place or Place(name=entity.name, country=entity.country)
    return None


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
    return None


def _joined(first: Event, second: Event) -> Event:
    fuller = second if len(second.recipient) > len(first.recipient) else first
    evidence = tuple(sorted({*first.evidence, *second.evidence}, key=lambda m: m.start))
    return dataclasses.replace(fuller, evidence=evidence)
