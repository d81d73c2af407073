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
says it happened as its actor. The
same event stated twice in an article becomes one event with two evidence spans. A
sentence states one or two events: its main-clause event comes first, and secondary ones (a
relative, participial or purpose clause, an event noun in an adjunct phrase, a verb coded
only by its dictionary block's default) give way when a firmer main event is there. An act
made conditional on another's ('will withdraw unless ...') is a threat of it, as is a
future boycott. A concession a speaker says will be made is an intent to yield (AGREE);
widening a restriction ('extended the curfew') imposes it, narrowing it eases it; raising
or lowering what a party has ('strengthened its forces', 'reduced food supplies', 'ended
mediation') is the event of that kind, and a predicative adjective of stance ('critical of',
'supportive of') is the act it states. 'The two
countries', 'both sides' name the last two parties of distinct countries named before; a
pronoun subject resolved to no country stands for the speaker of its statement. `Event.rule`
says which word, pattern and framing produced it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import ontology
from communique.ids import record_id
from communique.model import ArticleDoc, Entity, Event, Mention, Party, Place
from communique.parties import mention_at, party_at, party_from
from communique.stages import events_roles as roles
from communique.stages.events_lexicon import (
    ACCEDING_VERBS,
    ARMED_NOUNS,
    COOPERATIVE,
    EASING,
    INTENT_ADJECTIVES,
    LIGHT_VERBS,
    LOWERING,
    MATERIAL_CONFLICT,
    MOBILIZING_VERBS,
    QUANTITIES,
    RAISING,
    REPORTING,
    RESTRICTIONS,
    STANCE_ADJECTIVES,
    TIGHTENING,
)
from communique.stages.events_senses import DECLARED, sense_hit
from communique.stages.events_verbs import noun_code, verb_code

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from communique.config import Settings

# Folding: a trigger whose governor is a trigger of these types is that trigger's content.
_FOLDING_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT"})
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
# An act someone else says a party must do is a demand of that kind (CAMEO 10 subcodes).
_REQUEST_FOR_ROOT = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "02": "100", "03": "100"}
_OBLIGATION = "obligation:"
_REJECT_FOR_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
_AGREE_FOR_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033"}
# A concession a party states it will make is an expressed intent to yield (CAMEO 035, AGREE).
_STATED_YIELD = {"081": "0351", "084": "0353", "087": "0356"}
_BOYCOTTS = frozenset({"1242"})
_THREAT_FOR_ROOT = {"15": "130", "16": "1312", "17": "137", "18": "138", "19": "138", "20": "138"}


# A verb coded only by its synonym block's default code says little by itself: like a
# dictionary coder, such an event needs both a source and a target.
_NEEDS_RECIPIENT = ("verb-dictionary:",)


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
    kind: str | None = None  # the PLOVER type, when the framing decides it rather than the code


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


def find_triggers(sent: Span) -> dict[int, _Trigger]:
    """Every word of the sentence that the lexicons code, by token index."""
    found: dict[int, _Trigger] = {}
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            hit = verb_code(roles.verb_key(token), roles.phrase_words(token), roles.particles(token))
            nominal = False
        elif token.pos_ == "NOUN":
            hit = noun_code(token.lemma_.lower())
            nominal = True
        elif token.pos_ == "ADJ" and token.lower_ in INTENT_ADJECTIVES:
            hit, nominal = _intent_hit(token), False
        elif token.pos_ == "ADJ" and token.lower_ in STANCE_ADJECTIVES:
            hit, nominal = _stance_hit(token), False
        else:
            continue
        if token.pos_ == "VERB":
            hit = sense_hit(token, roles.verb_key(token)) or hit
        if token.pos_ == "VERB" and roles.verb_key(token) in LIGHT_VERBS:
            hit = _light_verb_hit(token) or hit
        if token.pos_ == "VERB" and roles.verb_key(token) in TIGHTENING | EASING:
            hit = _restriction_hit(token) or hit
        if token.pos_ == "VERB" and roles.verb_key(token) in RAISING | LOWERING:
            hit = _quantity_hit(token) or hit
        if token.pos_ == "VERB" and roles.verb_key(token) in MOBILIZING_VERBS:
            hit = _civilian_mobilization_hit(token) or hit
        if token.pos_ == "VERB" and roles.verb_key(token) in ACCEDING_VERBS:
            hit = _acceded_hit(token) or hit
        if token.pos_ == "VERB" and roles.asks_to_act(token):
            hit = _request_hit(token, hit)
        if token.pos_ in ("VERB", "AUX") and roles.obliged(token) and roles.speaker(token):
            hit = _obligation_hit(token, hit)
        if hit is not None and hit[0] is not None and ontology.plover(hit[0]) is not None:
            found[token.i] = _Trigger(token, hit[0], hit[1], nominal)
    return found


def _light_verb_hit(token: Token) -> tuple[str, str] | None:
    """'imposed sanctions', 'mounted an invasion', 'undertook a mediation mission': the event
    noun the verb takes (or the noun compounded into it) says what the event is; the verb
    only carries it out."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN":
            compounds = [c for c in child.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            for word in (child, *compounds):
                hit = noun_code(word.lemma_.lower())
                if hit is not None:
                    return hit[0], f"verb:{roles.verb_key(token)}+{hit[1]}"
    return None


def _civilian_mobilization_hit(token: Token) -> tuple[str, str] | None:
    """'mobilized pressure groups to support ...': mobilising civilians rallies support
    (CAMEO 053, SUPPORT); only forces mobilised are PLOVER MOBILIZE."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    if not objects or any(word.lemma_.lower() in ARMED_NOUNS for word in objects):
        return None
    return "053", f"verb-civilian:{roles.verb_key(token)}:{objects[0].lemma_.lower()}"


def _restriction_hit(token: Token) -> tuple[str, str] | None:
    """'extended the curfew', 'shortened the nightly curfew', 'the state of emergency was
    lifted': widening a restriction on a population imposes it (COERCE), narrowing it eases
    it (CONCEDE), whatever the verb means elsewhere."""
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = [child, *(c for c in child.children if c.dep_ in ("compound", "amod"))]
        words += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        for word in words:
            codes = RESTRICTIONS.get(word.lemma_.lower())
            if codes is not None:
                easing = roles.verb_key(token) in EASING
                return codes[easing], f"verb-restriction:{roles.verb_key(token)}:{word.lemma_.lower()}"
    return None


def _quantity_hit(token: Token) -> tuple[str, str] | None:
    """'strengthened its forces', 'reduced food supplies', 'ended mediation efforts': raising
    or lowering what a party has (forces, aid, mediation, talks) is the event of that kind,
    whatever the verb means elsewhere. The object or a noun it is made of counts."""
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = [child, *(c for c in child.children if c.dep_ == "compound")]
        words += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        for word in words:
            codes = QUANTITIES.get(word.lemma_.lower())
            code = None if codes is None else codes[roles.verb_key(token) in LOWERING]
            if code is not None:
                return code, f"verb-quantity:{roles.verb_key(token)}:{word.lemma_.lower()}"
    return None


def _stance_hit(adjective: Token) -> tuple[str, str] | None:
    """'is critical of Moscow', 'remained hostile to the plan': a predicative adjective of
    stance with the preposition naming its object is the act the stance states."""
    if adjective.dep_ not in ("acomp", "ROOT", "oprd", "xcomp"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("of", "to", "toward", "towards") for c in adjective.children):
        return None
    return STANCE_ADJECTIVES[adjective.lower_], f"stance:{adjective.lower_}"


def _acceded_hit(token: Token) -> tuple[str, str] | None:
    """'accepted demands from the rebels': to accept or meet a request is to accede to it
    (CAMEO 083, a concession), not to agree."""
    for child in token.children:
        hit = noun_code(child.lemma_.lower()) if child.dep_ == "dobj" else None
        if hit is not None and ontology.plover(hit[0]).type == "REQUEST":  # type: ignore[union-attr]
            return "083", f"verb:{roles.verb_key(token)}+{hit[1]}"
    return None


def _request_hit(token: Token, hit: tuple[str | None, str] | None) -> tuple[str | None, str] | None:
    """'pressured workers to cancel the strike', 'called on Arabs to unite': a verb of asking
    with someone and an act to do is a request (PLOVER: requests, demands and orders),
    whatever other sense the dictionary gives the verb alone."""
    if hit is not None and hit[0] is not None and ontology.plover(hit[0]) is not None:
        if ontology.plover(hit[0]).type == "REQUEST":  # type: ignore[union-attr]
            return hit
    return "100", f"verb-request:{roles.verb_key(token)}"


def _obligation_hit(token: Token, hit: tuple[str | None, str] | None) -> tuple[str, str]:
    """'Russia said Sudan must return the helicopter': the speaker demands the act (REQUEST),
    of the kind the act is (a demand to meet, to yield, to give aid ...)."""
    root = hit[0][:2] if hit is not None and hit[0] is not None else ""
    return _REQUEST_FOR_ROOT.get(root, "100"), f"{_OBLIGATION}{token.lemma_.lower()}"


def _intent_hit(adjective: Token) -> tuple[str, str] | None:
    """'willing to send troops': an intent to act whose act the lexicons do not code is AGREE.

    When the act is coded ('ready to withdraw'), the act is the trigger and its framing
    turns it into an intent.
    """
    for child in adjective.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            coded = verb_code(roles.verb_key(child), roles.phrase_words(child), roles.particles(child))
            if coded is None or coded[0] is None or ontology.plover(coded[0]) is None:
                return "030", f"intent:{adjective.lower_}"
    return None


def _folded_into(trigger: _Trigger, triggers: dict[int, _Trigger]) -> bool:
    gov = roles.governor(trigger.token)
    if gov is None or gov.i not in triggers:
        return False
    head = triggers[gov.i]
    if head.rule.startswith(_NEEDS_RECIPIENT):  # 'arrived on a visit': the noun says more
        return False
    kind = ontology.plover(head.code)
    return trigger.nominal or (kind is not None and kind.type in _FOLDING_TYPES)


def reframe(trigger: _Trigger) -> _Coding:
    """The trigger's code after negation and modality: 'never extradite' -> REJECT."""
    negated, cue = roles.framing(trigger.token)
    code, rule = trigger.code, trigger.rule
    if rule.startswith(_OBLIGATION):
        return _Coding(code, negated, "asserted", rule)
    if rule.startswith(DECLARED) and not negated and cue in (None, "asserted"):  # PLOVER: a declared ceasefire
        return _Coding(code, False, "asserted", rule, kind="CONCEDE")
    kind = ontology.plover(code).type  # type: ignore[union-attr]
    root = code[:2]
    if (negated or cue == "refused") and kind in COOPERATIVE:
        refined = f"12{int(root) - 5}{code[2:3]}" if root in ("06", "07") else ""
        code = refined if ontology.plover(refined) else _REJECT_FOR_ROOT.get(root, "120")
        return _Coding(code, True, "asserted", f"{rule}+refusal")
    if cue == "refused":
        return _Coding("120", True, "asserted", f"{rule}+refusal")
    conditional = kind not in ("AGREE", "THREATEN") and roles.conditional_threat(trigger.token, kind in COOPERATIVE)
    if conditional and not negated:
        return _Coding(_THREAT_FOR_ROOT.get(root, "130"), False, "asserted", f"{rule}+conditional-threat")
    if negated or cue == "denied":
        return _Coding(code, True if negated else False, "denied", f"{rule}+denial")
    if cue == "hypothetical":
        return _Coding(code, False, "hypothetical", f"{rule}+condition")
    if cue == "future":
        return _future(trigger.token, code, rule, kind)
    return _Coding(code, False, cue or "asserted", rule)


def _future(token: Token, code: str, rule: str, kind: str) -> _Coding:
    """A promised or intended act: cooperation becomes AGREE, a material conflict a threat;
    a concession stays one unless a speaker states it (then it is an intent to yield)."""
    root = code[:2]
    if root == "08" and roles.speaker(token):  # 'said it would release'
        return _Coding(_STATED_YIELD.get(code[:3], "035"), False, "future", f"{rule}+stated-intent")
    if root == "08":  # PLOVER: future retreats and concessions are CONCEDE
        return _Coding(code, False, "future", f"{rule}+intent", kind="CONCEDE")
    if code in _BOYCOTTS:  # 'would boycott all contact': a threat to boycott
        return _Coding("1312", False, "future", f"{rule}+intent")
    if root in _AGREE_FOR_ROOT:
        return _Coding(_AGREE_FOR_ROOT[root], False, "future", f"{rule}+intent")
    if kind in MATERIAL_CONFLICT:
        return _Coding(_THREAT_FOR_ROOT.get(root, "130"), False, "future", f"{rule}+intent")
    return _Coding(code, False, "future", rule)


def code_sentence(doc: ArticleDoc, sent: Span) -> list[Event]:
    """The events of one sentence, the most salient first; secondary events give way."""
    triggers = find_triggers(sent)
    codings = {i: reframe(trigger) for i, trigger in triggers.items()}
    dropped = _overridden_promises(triggers, codings)
    ranked = []
    for i, trigger in triggers.items():
        if i in dropped or (_folded_into(trigger, triggers) and not _overrides(trigger, triggers, codings)):
            continue
        actors, recipients = _parties(doc, trigger, triggers)
        scene = [] if actors else _scene_country(doc, trigger)
        actors = actors or _without_actors(scene, recipients)
        if not actors or (not recipients and trigger.rule.startswith(_NEEDS_RECIPIENT)):
            continue
        actors, recipients, note = complete_dyad(doc, trigger.token, codings[i], actors, recipients)
        note = ("+scene-actor" if scene else "") + note
        coding = dataclasses.replace(codings[i], rule=codings[i].rule + note)
        event = _build_event(doc, sent, trigger, coding, actors, recipients)
        if event is not None:
            ranked.append((_salience(trigger), event))
    ranked.sort(key=lambda item: item[0])
    best = ranked[0][0][:2] if ranked else None
    return [event for rank, event in ranked if not _gives_way(rank, best)]


def _gives_way(rank: tuple[int, ...], best: tuple[int, ...] | None) -> bool:
    """A secondary event gives way to the sentence's main one: a subordinate clause or
    phrase to a main-clause event, a dictionary default to an event with firmer evidence."""
    return best is not None and (rank[0] > best[0] or rank[1] > best[1])


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
    after the trigger first, then the nearest before it."""
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
            if _is_political(party) and party not in (p for *_, p in ranked):
                ranked.append((span.root.i < token.i, abs(span.root.i - token.i), party))
    return [party for *_, party in sorted(ranked, key=lambda item: item[:2])]


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
            recipient_tokens = recipient_tokens + roles.objects(child)
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
