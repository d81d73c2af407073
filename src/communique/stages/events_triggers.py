"""The triggers of the event coder: the words of a sentence that say an event happened.

A word becomes a trigger when the verb dictionary (built from the CAMEO verb patterns) or the
core lists know it: a verb with the words of its phrase, or an event noun ("talks",
"sanctions", "a vow"). What a verb takes can decide its code: the event noun of a light verb
('imposed sanctions'), a restriction widened or narrowed ('extended the curfew'), what a party
has raised or lowered ('strengthened its forces'), civilians mobilised, a demand accepted, a
verb of asking, an act a speaker says another "must" do, an intent or a stance stated by an
adjective ('willing to', 'critical of'). A trigger that completes another trigger's clause
("pushing Russia to *agree*") is folded into it (`_folded_into`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from communique import ontology
from communique.stages import events_roles as roles
from communique.stages.events_lexicon import (
    ACCEDING_VERBS,
    ARMED_NOUNS,
    BACKING_NOUNS,
    DECIDING,
    EASING,
    INTENT_ADJECTIVES,
    LIGHT_VERBS,
    LOWERING,
    MOBILIZING_VERBS,
    PERMITTING,
    PROTESTING_VERBS,
    PUNISHMENTS,
    QUANTITIES,
    RAISING,
    RESTRICTIONS,
    SOLICITING,
    STANCE_ADJECTIVES,
    STATE_ONLY,
    STATIVE_ADJECTIVES,
    STATIVE_PARTICIPLES,
    TIGHTENING,
)
from communique.stages.events_senses import SILENCED, noun_sense, sense_hit
from communique.stages.events_verbs import noun_code, verb_code

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Folding: a trigger whose governor is a trigger of these types is that trigger's content.
_FOLDING_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT"})
# An act someone else says a party must do is a demand of that kind (CAMEO 10 subcodes).
_REQUEST_FOR_ROOT = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "02": "100", "03": "100"}
_OBLIGATION = "obligation:"
# Asking others to back a third party rallies support for it (CAMEO 053); to condemn, oppose
# or isolate it rallies opposition against it (CAMEO 113).
_RALLIED = {
    "support": "053", "back": "053", "endorse": "053", "condemn": "113", "denounce": "113",
    "oppose": "113", "isolate": "113", "shun": "113",
}  # fmt: skip
# ... and to unite, rally or rise *against* one rallies opposition against it.
_UNITING = frozenset({"unite", "mobilize", "mobilise", "rally", "rise", "stand", "join", "band"})


# A verb coded only by its synonym block's default code says little by itself: like a
# dictionary coder, such an event needs both a source and a target.
_NEEDS_RECIPIENT = ("verb-dictionary:",)


@dataclass(frozen=True, slots=True)
class _Trigger:
    token: Token
    code: str
    rule: str
    nominal: bool


def find_triggers(sent: Span) -> dict[int, _Trigger]:
    """Every word of the sentence that the lexicons code, by token index."""
    found: dict[int, _Trigger] = {}
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            hit, nominal = _verb_hit(token), False
        elif token.pos_ == "NOUN":
            hit, nominal = noun_sense(token), True
        elif token.pos_ == "ADJ" and token.lower_ in INTENT_ADJECTIVES:
            hit, nominal = _intent_hit(token), False
        elif token.pos_ == "ADJ" and token.lower_ in STANCE_ADJECTIVES:
            hit, nominal = _stance_hit(token), False
        elif token.pos_ == "ADJ" and token.norm_.lower() in STATIVE_ADJECTIVES:
            hit, nominal = _stative_adjective_hit(token), False
        else:
            continue
        if token.pos_ in ("VERB", "AUX") and roles.obliged(token) and roles.speaker(token):
            hit = _obligation_hit(token, hit)
        hit = _demonstration_aim(token, hit)
        if hit is not None and hit[0] is not None and ontology.plover(hit[0]) is not None:
            found[token.i] = _Trigger(token, hit[0], hit[1], nominal)
    return _mark_permissions(_mark_carried_acts(found))


def _mark_permissions(found: dict[int, _Trigger]) -> dict[int, _Trigger]:
    """A permission whose allowed act is coded records '+permitted-act': the act is folded
    into it (`_permitted_act`)."""
    for trigger in list(found.values()):
        head = found.get(trigger.token.head.i)
        if head is not None and head is not trigger and _permitted_act(trigger, head):
            found[head.token.i] = replace(head, rule=f"{head.rule}+permitted-act")
    return found


def _demonstration_aim(token: Token, hit: tuple[str | None, str] | None) -> tuple[str | None, str] | None:
    """A demonstration's stated aim decides its kind: 'rallied *in support of* the president'
    backs him (CAMEO 051, SUPPORT), not a protest; 'converged for a rally *to protest* the law'
    protests (CAMEO 141), whatever support the dictionary gives the rally."""
    if hit is None or hit[0] is None or hit[0][:2] not in ("05", "14"):
        return hit
    words = [token, *(c for c in token.children if c.dep_ == "dobj")]
    words += [token.head] if token.dep_ == "dobj" else []  # 'staged a rally in support of ...'
    words += [g for p in token.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    aims = [c for w in words for c in w.children]
    if hit[0][:2] == "14" and any(_backing(c) for c in aims):
        return "051", f"{hit[1]}+in-support"
    if hit[0][:2] == "05" and any(_protesting(c) for c in aims):
        return "141", f"{hit[1]}+to-protest"
    return hit


def _backing(word: Token) -> bool:
    """'in support of', 'in solidarity with'."""
    return word.dep_ == "prep" and word.lower_ == "in" and any(g.lemma_.lower() in BACKING_NOUNS for g in word.children)


def _protesting(word: Token) -> bool:
    """'to protest', 'to denounce' as an aim."""
    return (
        word.pos_ == "VERB" and word.lemma_.lower() in PROTESTING_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)
    )


def _mark_carried_acts(found: dict[int, _Trigger]) -> dict[int, _Trigger]:
    """'The cabinet decided to expel the envoy': the act decided on is the event, taken, not
    merely intended; it records '+decided', and the decision (AGREE) gives way to it when it
    is coded (`decisions_carried_out`). So does the act a document or law states, which
    records '+issued' ('passed a law banning ...')."""
    for trigger in list(found.values()):
        for act in decided_acts(trigger, found):
            found[act.i] = replace(found[act.i], rule=f"{found[act.i].rule}+decided")
        for act in _issued_contents(trigger, found):
            found[act.i] = replace(found[act.i], rule=f"{found[act.i].rule}+issued")
    return found


def decided_acts(trigger: _Trigger, triggers: dict[int, _Trigger]) -> list[Token]:
    """The coded acts a verb of deciding takes ('decided *to expel*'), if it is one."""
    if trigger.nominal or roles.verb_key(trigger.token) not in DECIDING:
        return []
    return [c for c in trigger.token.children if c.dep_ == "xcomp" and c.i in triggers]


def decisions_carried_out(triggers: dict[int, _Trigger], coded: set[int]) -> set[int]:
    """The decisions whose decided act is itself coded as an event, and the issuing of a
    document or law whose content is ('passed a law *banning* ...'): they give way to it."""
    return {
        i for i, t in triggers.items()
        if any(act.i in coded for act in (*decided_acts(t, triggers), *_issued_contents(t, triggers)))
    }


def _issued_contents(trigger: _Trigger, triggers: dict[int, _Trigger]) -> list[Token]:
    """The coded acts a document or law the trigger issues or passes states (not a verb coded
    only by its dictionary block's default: the issuing says more)."""
    if trigger.nominal:
        return []
    documents = [c for c in trigger.token.children if c.dep_ == "dobj"]
    return [
        c for d in documents for c in d.children
        if c.i in triggers and roles.statement_content(c) and not triggers[c.i].rule.startswith(_NEEDS_RECIPIENT)
    ]


def _verb_hit(token: Token) -> tuple[str | None, str] | None:
    """A verb's coding: the dictionary's, refined by what the verb takes (its sense, the event
    noun of a light verb, a restriction or quantity raised or lowered, civilians mobilised,
    a demand acceded to, a party asked to act)."""
    key = roles.verb_key(token)
    hit = verb_code(key, roles.phrase_words(token), roles.particles(token))
    if token.pos_ != "VERB":
        return hit
    hit = sense_hit(token, key) or hit
    if key in LIGHT_VERBS:
        hit = _light_verb_hit(token) or hit
    if key in TIGHTENING or key in EASING:
        hit = _restriction_hit(token) or hit
    if key in RAISING or key in LOWERING:
        hit = _quantity_hit(token) or hit
    if key in MOBILIZING_VERBS:
        hit = _civilian_mobilization_hit(token) or hit
    if key in ACCEDING_VERBS:
        hit = _acceded_hit(token) or hit
    if key in SOLICITING:
        hit = _punishment_sought_hit(token) or hit
    if roles.asks_to_act(token):
        hit = _request_hit(token, hit)
    return hit


def _punishment_sought_hit(token: Token) -> tuple[str, str] | None:
    """'called for sanctions against Iran', 'urged a boycott of Israeli goods': seeking the
    punishment of a named party solicits others against it (CAMEO 113, rally opposition)."""
    sought = [c for c in token.children if c.dep_ == "dobj"]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        sought += [g for g in prep.children if g.dep_ == "pobj"]
    for noun in sought:
        if noun.lemma_.lower() in PUNISHMENTS and _targeted(noun):
            return "113", f"verb-rally:{roles.verb_key(token)}:{noun.lemma_.lower()}"
    return None


def _targeted(noun: Token) -> bool:
    """Whether an act of punishment names its target: 'sanctions *against* / *on* Iran'."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "of")]
    return any(g.dep_ == "pobj" for p in preps for g in p.children)


def _light_verb_hit(token: Token) -> tuple[str, str] | None:
    """'imposed sanctions', 'mounted an invasion', 'undertook a mediation mission', 'launched
    artillery and rocket fire': the event noun the verb takes (a noun coordinated with it, or
    compounded into it) says what the event is; the verb only carries it out."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN":
            compounds = [c for c in child.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            for word in (child, *child.conjuncts, *compounds):
                hit = noun_sense(word)
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
    lifted', 'declared a state of siege': widening a restriction on a population imposes it (COERCE), narrowing it eases
    it (CONCEDE), whatever the verb means elsewhere."""
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = [child, *(c for c in child.children if c.dep_ in ("compound", "amod"))]
        words += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        for word in words:
            codes = RESTRICTIONS.get(word.lemma_.lower())
            if word.lemma_.lower() in STATE_ONLY and child.lemma_.lower() != "state":
                continue
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


def _stative_adjective_hit(adjective: Token) -> tuple[str | None, str] | None:
    """'Vietnam is *committed to* opening up the economy': a participle of state the parser
    tagged an adjective, with the preposition its verb takes, is coded as that verb."""
    verb = STATIVE_ADJECTIVES[adjective.norm_.lower()]
    if adjective.dep_ not in ("acomp", "ROOT", "oprd", "xcomp"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == STATIVE_PARTICIPLES[verb] for c in adjective.children):
        return None
    hit = verb_code(verb, roles.phrase_words(adjective), roles.particles(adjective))
    return None if hit is None else (hit[0], f"stative-adjective:{adjective.norm_.lower()}+{hit[1]}")


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
    whatever other sense the dictionary gives the verb alone; asking others to support or
    to condemn a third party rallies support or opposition (`_rallying_hit`); an order that
    silences the media restricts freedoms (CAMEO 1721)."""
    rallied = _rallying_hit(token)
    if rallied is not None:
        return rallied
    if hit is not None and hit[1].startswith(SILENCED):  # 'ordered the paper to close'
        return hit
    if hit is not None and hit[0] is not None and ontology.plover(hit[0]) is not None:
        if ontology.plover(hit[0]).type == "REQUEST":  # type: ignore[union-attr]
            return hit
    return "100", f"verb-request:{roles.verb_key(token)}"


def _rallying_hit(token: Token) -> tuple[str, str] | None:
    """'urged the EC to support the PLO' rallies support for the PLO (CAMEO 053, SUPPORT);
    'urged Arabs to condemn Israel', 'to unite against Israel' rallies opposition against it
    (CAMEO 113, ACCUSE): the CAMEO codes of encouraging others to back or oppose a third party."""
    for act in (c for c in roles.asked_acts(token) if c.pos_ == "VERB"):
        for verb in (act, *act.conjuncts):
            code = _RALLIED.get(roles.verb_key(verb)) if verb is act else None
            if code is None and verb.lemma_.lower() in _UNITING and _against(verb):
                code = "113"  # 'called on Arabs to unite against Israel'
            if code is not None:
                return code, f"verb-rally:{roles.verb_key(token)}:{roles.verb_key(verb)}"
    return None


def _against(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children)


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


def _permitted_act(trigger: _Trigger, head: _Trigger) -> bool:
    """'allowed the opposition to hold a rally': the act allowed is the content of the
    permission, a concession (CAMEO 08) of the party who allows it."""
    return (
        not trigger.nominal
        and trigger.token.dep_ in ("xcomp", "ccomp")
        and head.token.lemma_.lower() in PERMITTING
        and head.code[:2] == "08"
    )


def _folded_into(trigger: _Trigger, triggers: dict[int, _Trigger]) -> bool:
    gov = roles.governor(trigger.token)
    if gov is None or gov.i not in triggers:
        return False
    head = triggers[gov.i]
    if trigger.token in decided_acts(head, triggers):  # 'decided to expel': the act is the event
        return False
    if head.rule.startswith(SILENCED):  # 'ordered the paper to suspend publication'
        return True
    if _permitted_act(trigger, head):  # 'allowed the opposition to hold a rally'
        return True
    if head.rule.startswith(_NEEDS_RECIPIENT):  # 'arrived on a visit': the noun says more
        return False
    kind = ontology.plover(head.code)
    return trigger.nominal or (kind is not None and kind.type in _FOLDING_TYPES)
