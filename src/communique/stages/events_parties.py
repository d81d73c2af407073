"""The parties of an event: its actors and recipients, resolved through `communique.parties`.

Actors and recipients come from the parse (subject, object, the clause a verb governs, the
speaker of a statement, a group's place); an event needs a political actor (a country,
organisation or official). A hostile act with no named doer ('was arrested in Lebanon')
takes the country where the verb says it happened as its actor. 'The two countries', 'both
sides' name the last two parties of distinct countries named before; a pronoun subject
resolved to no country stands for the speaker of its statement. `complete_dyad` applies
PLOVER's conventions on sides (joint meetings, recipients named in the statement, acts at
home).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from communique import ontology
from communique.model import ArticleDoc, Entity, Mention, Party
from communique.parties import mention_at, party_at, party_from
from communique.stages import events_roles as roles
from communique.stages.events_lexicon import REPORTING
from communique.stages.events_triggers import _NEEDS_RECIPIENT, _OBLIGATION, _folded_into, _Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.stages.events_framing import _Coding

# Types whose events have two sides: without a named counterpart, the article's is carried over.
_RECIPROCAL = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
# Meetings, calls and negotiations have no host: the counterpart is a second actor (PLOVER).
_JOINT_CONSULT = frozenset({"040", "041", "044", "046"})
# Acts on one's own forces or office: without a named counterpart, no one is their recipient.
_SELF_DIRECTED = frozenset({"RETREAT", "MOBILIZE"})
# Material acts: without a named recipient, the place where they happen is the recipient.
_PLACED = frozenset({"PROTEST", "ASSAULT", "COERCE", "AID", "MOBILIZE", "SANCTION", "RETREAT", "CONCEDE"})
# Acts whose doer often goes unnamed ('was arrested in ...', 'a bomb killed ...').
_UNNAMED_DOER = frozenset({"ASSAULT", "COERCE", "ACCUSE", "SANCTION"})
# Prepositions by which a group is named after its place or body ('rebels in the Ivory Coast').
_MEMBERSHIP_PREPS = frozenset({"of", "in", "from", "throughout", "across", "inside"})


def event_parties(
    doc: ArticleDoc, trigger: _Trigger, triggers: dict[int, _Trigger]
) -> tuple[list[Party], list[Party], str]:
    """(actors, recipients, rule note) of a trigger: its roles from the parse, else, in turn,
    the two sides an event noun names with 'between', a passive's stray 'by' phrase, the doer
    of the act it was done by, the country where a hostile act happened; a complaint made to
    a third party is aimed at the party it is about. The note names the fallback used."""
    actors, recipients = _parties(doc, trigger, triggers)
    note = ""
    if not actors:
        actors, sides = _sides_between(doc, trigger)
        recipients, note = (sides, "+sides-between") if actors else (recipients, "")
    for name, doers in _DOER_FALLBACKS:
        if not actors:
            actors = doers(doc, trigger)
            recipients, note = (_without_actors(recipients, actors), name) if actors else (recipients, note)
    grievance = [p for p in _grievance_recipients(doc, trigger, actors) if p.country]
    if grievance:
        recipients, note = grievance, note + "+grievance-recipient"
    return actors, recipients, note


def _parties(doc: ArticleDoc, trigger: _Trigger, triggers: dict[int, _Trigger]) -> tuple[list[Party], list[Party]]:
    """(actors, recipients) of a trigger, from its own roles first, then from the clauses around it."""
    token = trigger.token
    if trigger.rule.startswith(_OBLIGATION):  # the speaker demands; the obliged party is asked
        actors = _resolve(doc, roles.speaker(token), group=True)
        return actors, _without_actors(_resolve(doc, roles.subjects(token), group=True), actors)
    actor_tokens, recipient_tokens = _role_tokens(trigger, triggers)
    actors = _speaker_for_pronoun(doc, token, actor_tokens, _resolve(doc, actor_tokens, group=True))
    if not actors and token.lemma_.lower() not in REPORTING and not roles.bare_passive(token):
        actors = _resolve(doc, roles.speaker(token)) or _resolve(doc, roles.governing_subjects(token), group=True)
    recipients = _resolve(doc, recipient_tokens, deep=True)
    if not recipients:
        recipients = _resolve(doc, roles.clause_recipients(token), deep=True)
    if not recipients and trigger.nominal:
        recipients = _resolve(doc, roles.topic_objects(token), deep=True)
    if not recipients and _happens_at_a_place(trigger):
        recipients = _resolve(doc, roles.destinations(token))
    return actors, _without_actors(recipients, actors)


def _speaker_for_pronoun(doc: ArticleDoc, token: Token, actor_tokens: list[Token], actors: list[Party]) -> list[Party]:
    """'Militants said they attempted ...', 'Nato said it would ...': a pronoun subject of a
    speaker's statement that resolves to no country stands for the speaker, when the speaker
    is a party of a country and of the pronoun's number."""
    if len(actor_tokens) != 1 or actor_tokens[0].tag_ != "PRP" or any(a.country for a in actors):
        return actors
    said = roles.speaker(token)
    if not said or not roles.same_number(actor_tokens[0], said):
        return actors
    return [p for p in _resolve(doc, said, group=True) if p.country] or actors


def _scene_country(doc: ArticleDoc, trigger: _Trigger) -> list[Party]:
    """The country where an act with no named doer happens, as its actor (the event data
    convention for unattributed acts): 'was arrested in Lebanon', 'killed outside the Iraqi
    city of Basra'. Only a place the verb's own phrase names counts."""
    kind = ontology.plover(trigger.code)
    if kind is None or kind.type not in _UNNAMED_DOER or not roles.unnamed_agent(trigger.token):
        return []
    for word in roles.scene(trigger.token):
        found = mention_at(doc, word.idx, word.idx + len(word))
        if found is None or not ontology.is_iso3(found[0].country):
            continue
        if found[0].kind in ("PLACE", "COUNTRY") or _describes_a_place(doc, word):
            return [Party(name=found[0].country, text="", country=found[0].country)]  # type: ignore[arg-type]
    return []


def _stray_agent(doc: ArticleDoc, trigger: _Trigger) -> list[Party]:
    """The doer a passive verb names in a 'by' phrase the parse attached elsewhere ('was
    accused of ..., by government officials')."""
    if trigger.nominal:
        return []
    return _resolve(doc, roles.stray_agents(trigger.token), group=True)


def _means_actor(doc: ArticleDoc, trigger: _Trigger) -> list[Party]:
    """The doer of the act by which a passive verb's act was done: 'three soldiers were
    killed in a Kurdish rebel attack' (the attack's doer killed them)."""
    if trigger.nominal:
        return []
    return _resolve(doc, roles.means_doers(trigger.token), group=True)


def _sides_between(doc: ArticleDoc, trigger: _Trigger) -> tuple[list[Party], list[Party]]:
    """(actor, recipients) of an event noun that names no doer but the two sides between
    which it happens: 'a ceasefire between Israel and Hamas took effect', 'clashes between
    Indian and Chinese troops'. The first side named is the actor (a meeting's sides are
    then joined as its actors by `complete_dyad`)."""
    if not trigger.nominal and trigger.token.dep_ not in ("nsubj", "nsubjpass"):  # a gerund: '*Fighting* between'
        return [], []
    sides = _resolve(doc, roles.with_conjuncts(roles.between(trigger.token)), deep=True, group=True)
    if len({p.country for p in sides}) < 2:
        return [], []
    return sides[:1], [p for p in sides[1:] if p.country != sides[0].country]


def _grievance_recipients(doc: ArticleDoc, trigger: _Trigger, actors: list[Party]) -> list[Party]:
    """The party a complaint made to a third party is about (PLOVER's target of an
    accusation or protest is the accused, not the addressee): 'Lebanon complained to the UN
    over Israeli air raids' is aimed at Israel."""
    kind = ontology.plover(trigger.code)
    if trigger.nominal or kind is None or kind.type not in ("ACCUSE", "PROTEST"):
        return []
    return _without_actors(_resolve(doc, roles.grievances(trigger.token), deep=True), actors)


# Where a passive or unattributed act's doer is looked for, in turn, with the rule note of each.
def _staff_sender(doc: ArticleDoc, trigger: _Trigger) -> list[Party]:
    """'Eighty UN peacekeepers were shipped out of the enclave': international staff withdrawn
    with no doer named are withdrawn by the body they serve (CAMEO 1661-1663)."""
    if ":international-staff" not in trigger.rule or not roles.unnamed_agent(trigger.token):
        return []
    staff = [c for c in trigger.token.children if c.dep_ == "nsubjpass"]
    return [p for p in _resolve(doc, staff, group=True) if p.sector == "IGO" or p.country]


_DOER_FALLBACKS = (
    ("+stray-agent", _stray_agent), ("+means-actor", _means_actor), ("+staff-sender", _staff_sender),
    ("+scene-actor", _scene_country),
)  # fmt: skip


def _describes_a_place(doc: ArticleDoc, word: Token) -> bool:
    """'the *Iraqi* city': a national adjective on a noun that names no party itself (unlike
    'Chinese authorities', a group, not a place)."""
    head = word.head
    return word.dep_ == "amod" and head.pos_ == "NOUN" and party_at(doc, head.idx, head.idx + len(head)) is None


def complete_dyad(
    doc: ArticleDoc, token: Token, coding: _Coding, actors: list[Party], recipients: list[Party]
) -> tuple[list[Party], list[Party], str]:
    """(actors, recipients, rule note) once PLOVER's conventions on sides are applied.

    A meeting, call or negotiation is joint: its counterpart is a second actor, and no one
    is its recipient (only a visit has a host). Without a placed recipient, the party the
    statement names beside the actor is the recipient ('Albania denounced Serbia's
    suppression'); failing that, an act a national actor does at home is aimed at its own
    country ('police arrested protesters', 'students demonstrated'). A two-sided event
    keeps no recipient (its counterpart may be carried over from the article), nor does
    one whose actors are of several countries, nor a party's act on its own forces or
    office (a mobilisation, a retreat, a resignation).
    """
    kind = coding.kind or ontology.plover(coding.code).type  # type: ignore[union-attr]
    joint = kind == "CONSULT" and coding.code[:3] in _JOINT_CONSULT and not coding.rule.startswith(_NEEDS_RECIPIENT)
    if joint and coding.kind is None and recipients:
        return actors + [p for p in recipients if p not in actors], [], "+joint"
    if any(p.country for p in recipients) or len({a.country for a in actors}) > 1:
        return actors, recipients, ""
    named = _statement_parties(doc, token, actors)
    if named:
        return actors, named[:1], "+statement-recipient"
    home = [] if kind in _RECIPROCAL or kind in _SELF_DIRECTED else _domestic(actors, recipients)
    return actors, home or recipients, "+domestic-recipient" if home else ""


def _statement_parties(doc: ArticleDoc, token: Token, actors: list[Party]) -> list[Party]:
    """Political parties of other countries named in the trigger's statement, the nearest
    after the trigger first, then the nearest before it; a neighbour named only to place a
    border is not one."""
    scope = roles.statement_scope(token)
    sent, own = token.sent, {a.country for a in actors}
    ranked: list[tuple[int, int, Party]] = []
    for entity in doc.entities:
        for mention in entity.mentions:
            if not sent.start_char <= mention.start < sent.end_char:
                continue
            span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            party = party_from(entity, mention)
            if span is None or span.root.i not in scope or party.country in own or not party.country:
                continue
            if _beyond_a_border(span.root):
                continue
            if _is_political(party) and party not in (p for *_, p in ranked):
                ranked.append((span.root.i < token.i, abs(span.root.i - token.i), party))
    return [party for *_, party in sorted(ranked, key=lambda item: item[:2])]


_BORDERS = frozenset({"border", "frontier", "boundary", "borderline"})


def _beyond_a_border(word: Token) -> bool:
    """'villages near Macedonia's border *with Bulgaria*': a neighbour named only to place a
    border is a place, no party to the event."""
    prep = word.head if word.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "with" and prep.head.lemma_.lower() in _BORDERS


def _domestic(actors: list[Party], recipients: list[Party]) -> list[Party]:
    """The actor's own country as the recipient: the unplaced parties acted upon, else the
    country itself. Only a national actor has a home."""
    home = next((a.country for a in actors if ontology.is_iso3(a.country)), None)
    if home is None:
        return []
    unplaced = [dataclasses.replace(p, country=home) for p in recipients if p.country is None]
    return unplaced or [Party(name=home, text="", country=home)]


def _happens_at_a_place(trigger: _Trigger) -> bool:
    """A visit, or a material act, whose recipient is where it happens when no one else is
    named: 'arrived in Amman on a visit', 'demonstrated in Kirkuk', 'imposed a curfew in Haiti'."""
    kind = ontology.plover(trigger.code)
    return kind is not None and (kind.mode == "visit" or kind.type in _PLACED)


def _role_tokens(trigger: _Trigger, triggers: dict[int, _Trigger]) -> tuple[list[Token], list[Token]]:
    token = trigger.token
    if trigger.nominal:
        actor_tokens, recipient_tokens = roles.noun_roles(token)
        host = roles.governor(token)
        if host is not None:
            actor_tokens = actor_tokens + roles.subjects(host)
            recipient_tokens = recipient_tokens + [t for t in roles.objects(host) if t.i != token.i]
        return actor_tokens, recipient_tokens
    actor_tokens, recipient_tokens = roles.subjects(token), roles.objects(token)
    for child in token.children:  # recipients named in a folded clause
        if child.i in triggers and _folded_into(triggers[child.i], triggers):
            recipient_tokens = recipient_tokens + (roles.clause_subjects(child) or roles.objects(child))
    return actor_tokens, recipient_tokens


def _resolve(doc: ArticleDoc, tokens: list[Token], *, deep: bool = False, group: bool = False) -> list[Party]:
    """The political parties behind the given words (deduplicated, in order).

    With `deep`, a word that names no party is looked into: 'criticisms about corruption
    in the Russian legal system' names Russia. With `group`, a group is named by its place
    or body ('rebels in the Ivory Coast').
    """
    parties: list[Party] = []
    for token in tokens:
        found = _parties_of(doc, token, 2 if group else 0)
        if not found and roles.collective(token):
            found = _named_before(doc, token)
        if not found and deep:
            found = [p for inner in roles.nested_nouns(token) for p in _parties_of(doc, inner)][:2]
        parties += [p for p in found if _is_political(p) and p not in parties]
    return parties


def _named_before(doc: ArticleDoc, token: Token) -> list[Party]:
    """'The two countries', 'both sides': the last two parties of distinct countries the
    article names before the word, in the order it named them."""
    found: list[Party] = []
    for mention, entity in _mentions_before(doc, token.idx):
        party = party_from(entity, mention)
        if ontology.is_iso3(party.country) and party.country not in {p.country for p in found}:
            found.append(party)
        if len(found) == 2:
            return found[::-1]
    return []


def _mentions_before(doc: ArticleDoc, offset: int) -> list[tuple[Mention, Entity]]:
    """The article's entity mentions that end before the offset, the latest first."""
    pairs = [(m, e) for e in doc.entities for m in e.mentions if m.end <= offset]
    return sorted(pairs, key=lambda pair: -pair[0].start)


def _parties_of(doc: ArticleDoc, token: Token, depth: int = 0) -> list[Party]:
    """The party a word names, else the parties its modifiers name.

    'British and Russian services' names both countries; with `depth`, a group named by
    where it is or what it belongs to takes that place's party: 'thousands of Iraqi Kurds',
    'students throughout Indonesia', 'a member of the Syrian parliament'.
    """
    named = party_at(doc, token.idx, token.idx + len(token))
    if named is not None and not _is_political(named):
        named = None  # 'a member of the Syrian parliament, Mohammed Mamoun': look further
    if named is not None and not _coordinated_modifiers(token):
        return [named]
    found: list[Party] = []
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "appos"):
            for item in (child, *child.conjuncts):
                party = _own_party(doc, item)
                if party is not None and _is_political(party) and party not in found:
                    found.append(party)
    if named is not None:
        return found or [named]
    if found or depth == 0 or token.pos_ not in ("NOUN", "PROPN", "NUM"):
        return found
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _MEMBERSHIP_PREPS:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += [p for p in _parties_of(doc, pobj, depth - 1) if p not in found]
    return found


def _coordinated_modifiers(token: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.conjuncts for c in token.children)


def _own_party(doc: ArticleDoc, token: Token) -> Party | None:
    """The party of one word; a coordinated adjective inside a longer name ('the British and
    *Russian* services') is read as the same word is named elsewhere in the article."""
    party = party_at(doc, token.idx, token.idx + len(token))
    if party is None or token.dep_ != "conj" or token.pos_ != "ADJ":
        return party
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.text == token.text and entity.country not in (None, party.country):
                return party_from(entity, mention)
    return party


def _is_political(party: Party) -> bool:
    return party.country is not None or party.sector is not None


def _without_actors(recipients: list[Party], actors: list[Party]) -> list[Party]:
    actor_ids = {p.entity for p in actors}
    kept = [p for p in recipients if p.entity not in actor_ids]
    actor_countries = {p.country for p in actors}
    foreign = [p for p in kept if p.country not in actor_countries]
    return foreign or kept
