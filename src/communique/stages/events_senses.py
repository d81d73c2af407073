"""Verb senses that the verb's object or preposition decides, where the verb alone misleads.

The verb dictionary codes a verb by its commonest political sense; these rules look at
what the verb takes and name the event that phrase states:

- sending arms or weapons is military aid (CAMEO 072, PLOVER AID), not a deployment;
- sending or handing over medicine, food or relief goods is humanitarian aid (CAMEO 073);
- sending or dispatching inspectors or investigators opens an investigation (CAMEO 090);
- declaring or announcing a ceasefire is the declaration PLOVER files under CONCEDE
  ("declarations (but not implementations) of ceasefires"); observing one stays RETREAT;
- giving someone a welcome, or welcoming them to a place, hosts a visit (CAMEO 043);
- returning somewhere for talks is the talks (CONSULT), not a return (RETREAT);
- blocking roads, bridges or crossings is a protest (CAMEO 144, "obstruct passage,
  block") when civilians or an opposition do it; done by others it keeps the verb's
  own coding (coercion);
- issuing or making a call, appeal or reminder is a request (CAMEO 100);
- seizing, capturing or retaking a village, town or other territory occupies it (CAMEO 192),
  not the confiscation of property; taken by force it is, by PLOVER's definitions, a use of
  military force (ASSAULT), as COERCE covers coercion 'falling short of violence'.

Each rule returns (CAMEO code, rule name) or None; `DEFINED` maps the rule-name prefixes whose
events PLOVER types by its definitions rather than by the code to that type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.stages.events_verbs import noun_code

if TYPE_CHECKING:
    from spacy.tokens import Token

GIVING = frozenset({
    "send", "ship", "supply", "deliver", "provide", "give", "airlift", "dispatch", "hand over", "hand", "fly",
})  # fmt: skip
ARMS = frozenset({"arm", "arms", "weapon", "weaponry", "ammunition", "munition", "missile", "rifle", "tank"})
RELIEF = frozenset({"medicine", "food", "relief", "blanket", "tent", "vaccine", "medication", "drug", "grain"})
SENDING = frozenset({"send", "dispatch", "despatch", "deploy"})
INVESTIGATORS = frozenset({"inspector", "investigator", "detective", "examiner", "auditor"})
DECLARING = frozenset({"declare", "announce", "proclaim", "order"})
CEASEFIRES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
WELCOMES = frozenset({"welcome", "reception"})
BLOCKING = frozenset({"block", "blockade", "obstruct", "barricade", "occupy"})
PASSAGES = frozenset({
    "road", "highway", "bridge", "street", "crossing", "railway", "rail", "border", "route",
    "motorway", "intersection", "junction", "entrance", "access", "traffic", "port", "airport",
})  # fmt: skip
CIVILIANS = frozenset({
    "protester", "protestor", "demonstrator", "activist", "student", "worker", "farmer",
    "villager", "resident", "driver", "trucker", "crowd", "opposition", "supporter",
    "striker", "miner", "union", "youth", "people", "citizen", "taxi", "teacher",
})  # fmt: skip
ISSUED = {"call": "100", "appeal": "100", "reminder": "100", "plea": "100", "request": "100"}
ISSUING = frozenset({"issue", "make", "send", "renew", "repeat", "reiterate", "launch"})
DECLARED = "verb-declared:"
SEIZED = "verb-seized:"
DEFINED = {DECLARED: "CONCEDE", SEIZED: "ASSAULT"}
SEIZING = frozenset({
    "seize", "capture", "recapture", "retake", "retook", "take", "overrun", "overran", "occupy", "take over",
})  # fmt: skip
TERRITORY = frozenset({
    "village", "town", "city", "territory", "province", "region", "district", "hill", "island", "base",
    "outpost", "garrison", "stronghold", "enclave", "capital", "airfield", "post", "peninsula", "valley",
})  # fmt: skip


def sense_hit(token: Token, key: str) -> tuple[str, str] | None:
    """The event the verb's phrase states, when its object or preposition decides it."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    lemmas = {_lemma(o) for o in objects} | {_lemma(c) for o in objects for c in o.children if c.dep_ == "compound"}
    lemmas |= {_lemma(g) for o in objects for p in _preposition(o, "of") for g in p.children}  # '700 kg of medicine'
    if key in GIVING and lemmas & ARMS:
        return "072", f"verb-sense:{key}:arms"
    if key in GIVING and lemmas & RELIEF:
        return "073", f"verb-sense:{key}:relief"
    if key in SENDING and lemmas & INVESTIGATORS:
        return "090", f"verb-sense:{key}:investigators"
    if key in DECLARING and lemmas & CEASEFIRES:
        return "0871", f"{DECLARED}{key}"
    if key in ("give", "extend", "accord") and lemmas & WELCOMES:
        return "043", f"verb-sense:{key}:welcome"
    if key == "welcome" and objects and _preposition(token, "to"):
        return "043", "verb-sense:welcome:to"
    if key == "return" and _for_talks(token):
        return "040", "verb-sense:return:talks"
    if key in BLOCKING and lemmas & PASSAGES:
        return _blocking(token, key)
    if key in SEIZING and lemmas & TERRITORY:
        return "192", f"{SEIZED}{key}:territory"
    if key in ISSUING:
        found = next((ISSUED[w] for w in lemmas if w in ISSUED), None)
        return None if found is None else (found, f"verb-sense:{key}:call")
    return None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _preposition(token: Token, word: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == "prep" and c.lower_ == word]


def _for_talks(token: Token) -> bool:
    """'returned to Geneva for talks': the purpose of the return is a consultation."""
    preps = _preposition(token, "for")
    preps += [p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "prep" and p.lower_ == "for"]
    for prep in preps:
        for noun in prep.children:
            hit = noun_code(_lemma(noun)) if noun.dep_ == "pobj" else None
            if hit is not None and hit[0][:2] == "04":
                return True
    return False


def _blocking(token: Token, key: str) -> tuple[str, str] | None:
    """Blocking passage is a protest when civilians or an opposition block; by others it
    keeps the verb's own coding (coercion)."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    head = token.head if token.dep_ in ("conj", "xcomp", "advcl") else None
    if not doers and head is not None:
        doers = [c for c in head.children if c.dep_ == "nsubj"]
    if any(_lemma(d) in CIVILIANS or any(_lemma(c) in CIVILIANS for c in d.children) for d in doers):
        return "144", f"verb-sense:{key}:passage-protest"
    return None
