"""The event coder: who did what to whom, coded in PLOVER and CAMEO, with evidence.

One pass over the sentences. A word becomes a trigger when the verb dictionary (built from
the CAMEO verb patterns) or the core lists know it: a verb with the words of its phrase, or
an event noun ("talks", "sanctions", "a vow"). A trigger that completes another trigger's
clause ("pushing Russia to *agree*") is folded into it. The clause's framing then changes
the event: refusal and negation turn cooperation into REJECT, intent and the future turn it
into AGREE (PLOVER manual), an act another party "must" do, as reported by a speaker, is
the speaker's REQUEST; denials and conditions are kept but marked. Actors and recipients
come from the parse (subject, object, the clause a verb governs, the speaker of a
statement, a group's place) and are resolved only through `communique.parties`; an event
needs a political actor (a country, organisation or official). A two-sided event with no
named counterpart takes the actor's latest one in the article ('after the talks'). A
hostile act with no named doer ('was arrested in Lebanon') takes the country where the verb
says it happened as its actor; before that, a passive's 'by' phrase the parse hung elsewhere
('accused of ..., by officials'), or the doer of the act it was done by ('killed in a Russian
attack') is its actor, and an event noun with no doer takes the two sides it is 'between'. The
same event stated twice in an article becomes one event with two evidence spans. A
sentence states one or two events: its main-clause event comes first, and secondary ones (a
relative, participial or purpose clause, an event noun in an adjunct phrase, a verb coded
only by its dictionary block's default) give way when a firmer main event is there. An act
made conditional on another's ('will withdraw unless ...') is a threat of it, as is a
future boycott. A concession a speaker says will be made is an intent to yield (AGREE);
widening a restriction ('extended the curfew') imposes it, narrowing it eases it; raising
or lowering what a party has ('strengthened its forces', 'reduced food supplies', 'ended
mediation') is the event of that kind, and a predicative adjective of stance ('critical of',
'supportive of') is the act it states. A document a party issues states its act ('issued a
declaration demanding ...'); an act prevented or only considered did not happen; a complaint
made to a third party is aimed at the party it is about. The act a party decides or votes on
is the event, not the decision ('decided to expel'), as is the act a law or document it
passes states ('passed a law banning ...'); calling for the punishment of a party
('sanctions against Iran') rallies opposition against it; receiving observers or
peacekeepers lets them in, peacekeepers arriving are their sender's aid, staff sent to
investigate carry out an investigation, people driven from their homes are expelled, and
closing the media (or ordering it closed) restricts freedoms; a demonstration's stated aim
('in support of', 'to protest') decides whether it backs or protests. The act a party allows
another to do is its concession ('allowed the opposition to hold a rally'); a decided act done
to someone stands without a named party; a participle of state tagged an adjective ('is
committed to') is coded as its verb; staff withdrawn with no doer named are withdrawn by the
body they serve. A neighbour named only to place
a border is no recipient, and a subject the parse took into a fronted phrase ('With the
signing ..., *the government* agreed') is the subject. 'The two
countries', 'both sides' name the last two parties of distinct countries named before; a
pronoun subject resolved to no country stands for the speaker of its statement. `Event.rule`
says which word, pattern and framing produced it.

This module is the stage and its orchestration: `EventStage`, `make_stage`, `code_sentence`
(which ranks a sentence's events by salience) and the building of an `Event`. The parts live
beside it:

- `events_triggers`: finding the triggers, the hit rules that code them, and folding;
- `events_framing`: negation, modality and the reframing they bring (`reframe`);
- `events_parties`: actors and recipients, and PLOVER's conventions on sides (`complete_dyad`);
- `events_merge`: carried counterparts, merged restatements and unique ids;
- `events_roles`, `events_verbs`, `events_lexicon`, `events_senses`: the parse roles, the
  verb dictionary, the word lists and the verb-sense rules they use.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from communique import ontology
from communique.ids import record_id
from communique.model import ArticleDoc, Event, Mention, Party, Place
from communique.stages import events_roles as roles
from communique.stages.events_framing import _Coding, _overridden_promises, _overrides, reframe
from communique.stages.events_merge import _unique_ids, carry_recipients, merge_duplicates
from communique.stages.events_parties import complete_dyad, event_parties
from communique.stages.events_triggers import (
    _NEEDS_RECIPIENT,
    _folded_into,
    _stance_hit,
    _Trigger,
    decisions_carried_out,
    find_triggers,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from communique.config import Settings

# Names kept importable from here for callers and tests.
__all__ = [
    "EventStage",
    "_stance_hit",
    "carry_recipients",
    "code_sentence",
    "complete_dyad",
    "find_triggers",
    "make_stage",
    "merge_duplicates",
    "reframe",
]


def _salience(trigger: _Trigger) -> tuple[int, int, int, int]:
    """Order of a sentence's events: main clause before subordinate, firm evidence before a
    dictionary default, then the shallower and earlier word."""
    weak = int(trigger.rule.startswith(_NEEDS_RECIPIENT))
    return int(roles.subordinate(trigger.token, trigger.nominal)), weak, _depth(trigger.token), trigger.token.i


def _depth(token: Token) -> int:
    """Distance from the sentence root: the main clause's event comes first."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


class EventStage:
    """The pipeline stage that codes events; runs after entities, dates and quotes."""

    name = "events"

    def __call__(self, doc: ArticleDoc, parsed: object) -> ArticleDoc:
        events: list[Event] = []
        for sent in parsed.sents:  # type: ignore[attr-defined]
            events.extend(code_sentence(doc, sent))
        return dataclasses.replace(doc, events=_unique_ids(merge_duplicates(carry_recipients(events))))


def make_stage(settings: Settings | None = None) -> EventStage:  # noqa: ARG001 (no options yet)
    """The factory the pipeline calls."""
    return EventStage()


def code_sentence(doc: ArticleDoc, sent: Span) -> list[Event]:
    """The events of one sentence, the most salient first; secondary events give way."""
    triggers = find_triggers(sent)
    codings = {i: reframe(trigger) for i, trigger in triggers.items()}
    dropped = _overridden_promises(triggers, codings)
    ranked = []
    for i, trigger in triggers.items():
        if i in dropped or (_folded_into(trigger, triggers) and not _overrides(trigger, triggers, codings)):
            continue
        actors, recipients, found = event_parties(doc, trigger, triggers)
        if not actors or (not recipients and _needs_recipient(trigger)):
            continue
        actors, recipients, note = complete_dyad(doc, trigger.token, codings[i], actors, recipients)
        note = found + note
        coding = dataclasses.replace(codings[i], rule=codings[i].rule + note)
        event = _build_event(doc, sent, trigger, coding, actors, recipients)
        if event is not None:
            ranked.append((_salience(trigger), event))
    decided = decisions_carried_out(triggers, {rank[-1] for rank, _ in ranked})
    ranked = [(rank, event) for rank, event in ranked if rank[-1] not in decided]
    ranked.sort(key=lambda item: item[0])
    best = ranked[0][0][:2] if ranked else None
    return [event for rank, event in ranked if not _gives_way(rank, best)]


def _needs_recipient(trigger: _Trigger) -> bool:
    """A dictionary default needs a target, unless it is an act a party decided on and done to
    someone ('decided to allow a candidate to run'): the decision vouches for the act, which
    takes its place."""
    if not trigger.rule.startswith(_NEEDS_RECIPIENT):
        return False
    return not ("+decided" in trigger.rule and _done_to_someone(trigger.token))


def _done_to_someone(verb: Token) -> bool:
    """Whether the act names whom it is done to: an object, or the subject of the clause it
    governs ('allow *the candidate* to run')."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return any(c.dep_ == "dobj" for c in verb.children) or any(
        g.dep_ in ("nsubj", "nsubjpass") for c in clauses for g in c.children
    )


def _gives_way(rank: tuple[int, ...], best: tuple[int, ...] | None) -> bool:
    """A secondary event gives way to the sentence's main one: a subordinate clause or
    phrase to a main-clause event, a dictionary default to an event with firmer evidence."""
    return best is not None and (rank[0] > best[0] or rank[1] > best[1])


def _build_event(
    doc: ArticleDoc, sent: Span, trigger: _Trigger, coding: _Coding, actors: list[Party], recipients: list[Party]
) -> Event | None:
    kind = ontology.plover(coding.code)
    info = ontology.cameo(coding.code)
    if kind is None:
        return None
    if coding.kind is not None:
        kind = dataclasses.replace(kind, type=coding.kind)
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
