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
  military force (ASSAULT), as COERCE covers coercion 'falling short of violence';
- stopping work or downing tools is a strike (CAMEO 143), not the end of one; protesters
  suspending, ending or calling off their strike or protest ease their dissent (CAMEO 082);
- throwing stones or petrol bombs is a violent protest (CAMEO 145) when civilians throw them;
- letting or setting someone free releases them (CAMEO 0841);
- summoning an ambassador or envoy is a diplomatic rebuke (CAMEO 110, ACCUSE), not a meeting;
- violating, breaching or defying a ban, a law, an order or a curfew defies norms (CAMEO 128);
- preventing, banning or breaking up a demonstration, or dispersing demonstrators, represses
  it (CAMEO 170, COERCE), whatever the verb means elsewhere;
- releasing a statement, a report, a video or figures publishes it: no event by itself (the
  release of persons is CAMEO 0841);
- striking someone or something is an attack (CAMEO 190; by aircraft, CAMEO 195); only
  striking with no object ('workers struck') is a strike (CAMEO 143); striking a deal
  reaches an agreement (CAMEO 030, as 'reached a deal');
- withdrawing or pulling out peacekeepers, inspectors or observers, or aid workers (or
  sending them out of a place, with no destination) halts
  international involvement (CAMEO 1661-1663, SANCTION 'expel or withdraw'), not a retreat;
- sending or deploying peacekeepers provides peacekeeping (CAMEO 074, AID), not a
  deployment of one's forces;
- blocking or torpedoing a proposal, a resolution or a deal vetoes it (CAMEO 129, REJECT);
- granting or offering asylum or refugee status is humanitarian aid (CAMEO 075, grant asylum);
- closing or sealing a border or crossing restricts movement (CAMEO 191, COERCE); opening
  or reopening one allows access (CAMEO 0863, RETREAT);
- denying someone access, entry, a permit or a request refuses it (CAMEO 120, REJECT); only
  a statement denied is a denial.

Event nouns whose modifiers decide them (`noun_sense`): 'air strikes' are aerial attacks
(CAMEO 195), not labour strikes; 'artillery fire', 'rocket fire' fight with heavy weapons
(CAMEO 194); 'ethnic cleansing' is CAMEO 203.

Each rule returns (CAMEO code, rule name) or None; `DEFINED` maps the rule-name prefixes whose
events PLOVER types by its definitions rather than by the code to that type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.stages import events_roles as roles
from communique.stages.events_lexicon import ARMED_NOUNS
from communique.stages.events_verbs import noun_code

if TYPE_CHECKING:
    from spacy.tokens import Token

GIVING = frozenset({
    "send", "ship", "supply", "deliver", "provide", "give", "airlift", "dispatch", "hand over", "hand", "fly",
})  # fmt: skip
ARMS = frozenset({"arm", "arms", "weapon", "weaponry", "ammunition", "munition", "missile", "rifle", "tank"})
RELIEF = frozenset({"medicine", "food", "relief", "blanket", "tent", "vaccine", "medication", "drug", "grain"})
SENDING = frozenset({"send", "dispatch", "despatch", "deploy"})
# ... or anyone sent to investigate: an investigation carried out (CAMEO 090).
INVESTIGATING = frozenset({"investigate", "probe", "inspect", "examine", "look into", "assess"})
INVESTIGATORS = frozenset({"inspector", "investigator", "detective", "examiner", "auditor"})
# Receiving inspectors, observers or peacekeepers in one's territory (CAMEO 0862, 0861, RETREAT).
RECEIVING = frozenset({"receive", "admit", "accept", "host", "welcome", "let in", "allow in"})
OBSERVERS = INVESTIGATORS | {"observer", "monitor"}
# Peacekeepers arriving somewhere: their sender's peacekeeping there (CAMEO 074, AID).
ARRIVING = frozenset({"arrive", "land", "deploy"})
# Closing or silencing the media restricts political freedoms (CAMEO 1721: "restrictions on
# media ... are coded here"), whether done or ordered ('ordered the paper to suspend publication').
SILENCING = frozenset({
    "close", "shut", "shut down", "close down", "suspend", "ban", "censor", "silence", "halt", "stop", "block",
})  # fmt: skip
SILENCED = "verb-silenced:"  # an order that silences the media is the restriction, not a request
COMPELLING = frozenset({"order", "force", "compel", "instruct", "tell"})
MEDIA = frozenset({
    "newspaper", "daily", "weekly", "magazine", "radio", "television", "broadcaster", "broadcast", "website",
    "outlet", "media", "journal", "blog", "tabloid",
})  # fmt: skip
# ... and outlets named by what they broadcast: 'television stations', 'a radio channel'.
BROADCASTING = frozenset({"television", "tv", "radio", "news", "satellite"})
OUTLETS = frozenset({"station", "channel", "network", "service"})
DECLARING = frozenset({"declare", "announce", "proclaim", "order"})
CEASEFIRES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
WELCOMES = frozenset({"welcome", "reception"})
BLOCKING = frozenset({"block", "blockade", "obstruct", "barricade", "occupy"})
PASSAGES = frozenset({
    "road", "highway", "bridge", "street", "crossing", "railway", "rail", "border", "route",
    "motorway", "intersection", "junction", "entrance", "access", "traffic", "port", "airport",
    "transport",
})  # fmt: skip
# Armed challengers of a government: blocking passage is their dissent against it (CAMEO's
# own example of 1441: 'Rebels ... blocked transport into Abidjan'), not a state's blockade.
INSURGENTS = frozenset({"rebel", "insurgent", "guerrilla", "separatist"})
CIVILIANS = frozenset({
    "protester", "protestor", "demonstrator", "activist", "student", "worker", "farmer",
    "villager", "resident", "driver", "trucker", "crowd", "opposition", "supporter",
    "striker", "miner", "union", "youth", "people", "citizen", "taxi", "teacher",
})  # fmt: skip
STOPPING_WORK = frozenset({"stop", "down", "lay down", "halt", "abandon"})
WORK = frozenset({"work", "tool", "job"})
SUSPENDING = frozenset({"suspend", "end", "halt", "call off", "cancel", "postpone", "abandon", "stop", "resume"})
PROTEST_ACTIONS = frozenset({
    "strike", "protest", "demonstration", "boycott", "sit-in", "march", "rally", "walkout", "blockade", "work",
})  # fmt: skip
THROWING = frozenset({"throw", "hurl", "pelt", "lob"})
MISSILES_OF_CROWDS = frozenset({"stone", "rock", "brick", "bottle", "molotov", "firebomb", "cocktail"})
FREEING = frozenset({"let", "set"})
SUMMONING = frozenset({"summon"})
# Violating or defying a ban, a law or an order defies norms (CAMEO 128, REJECT); a truce
# violated is fighting, which the verb dictionary codes.
DEFYING = frozenset({"violate", "breach", "defy", "flout", "contravene", "disobey"})
NORMS = frozenset({
    "ban", "law", "curfew", "embargo", "order", "decree", "rule", "prohibition", "ruling", "regulation",
    "constitution",
})  # fmt: skip
ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "charge", "chargé", "emissary", "consul"})
MODIFIED_NOUNS = frozenset({"strike", "raid", "attack", "fire", "cleansing"})  # nouns whose modifiers decide them
AERIAL = frozenset({"air", "aerial", "missile", "drone", "rocket", "bomber"})
HEAVY_WEAPONS = frozenset({"artillery", "mortar", "rocket", "tank", "howitzer", "shell", "cannon"})
REPRESSING = frozenset({
    "prevent", "ban", "bar", "forbid", "prohibit", "break up", "disperse", "crush", "suppress",
    "thwart", "foil", "outlaw", "block",
})  # fmt: skip
PROTESTS = frozenset({
    "demonstration", "protest", "rally", "march", "gathering", "sit-in", "vigil", "demonstrator",
    "protester", "protestor", "crowd", "marcher",
})  # fmt: skip
DENYING = frozenset({"deny", "refuse", "withhold"})
GRANTS = frozenset({
    "access", "entry", "permission", "permit", "visa", "request", "application", "asylum", "bail",
    "allocation", "licence", "license", "approval", "clearance", "passage", "landing",
})  # fmt: skip
CLOSING = frozenset({"close", "shut", "seal", "seal off", "close off", "shut down"})
OPENING = frozenset({"open", "reopen", "re-open"})
FRONTIERS = frozenset({
    "border", "frontier", "crossing", "airspace", "checkpoint", "port", "airport", "bridge", "corridor",
})  # fmt: skip
PUBLISHED = frozenset({
    "statement", "report", "video", "footage", "figure", "data", "document", "result", "detail",
    "list", "communique", "photo", "photograph", "image", "picture", "recording", "tape", "transcript",
    "declaration", "text", "information", "finding", "study", "survey", "poll", "book", "film", "album",
})  # fmt: skip
AIRCRAFT = frozenset({
    "warplane", "jet", "aircraft", "plane", "drone", "helicopter", "gunship", "airplane",
})  # fmt: skip
# What one 'strikes' without attacking: 'struck a deal' (an agreement reached, as 'reached a
# deal'), 'struck a conciliatory note'.
STRUCK_DEALS = frozenset({"deal", "agreement", "accord", "pact", "bargain", "compromise"})
STRUCK_IDIOMS = STRUCK_DEALS | {"note", "tone", "chord", "balance", "pose"}
PEACEKEEPERS = frozenset({"peacekeeper", "peacekeeping", "peace-keeper", "peace-keeping", "peacekeepers"})
THWARTING = frozenset({"block", "obstruct", "stall", "torpedo", "scuttle", "derail", "stymie"})
PROPOSALS = frozenset({
    "proposal", "resolution", "bill", "motion", "deal", "agreement", "plan", "decision", "measure",
    "law", "bid", "statement", "declaration", "nomination", "appointment", "reform", "package", "accord",
})  # fmt: skip
WITHDRAWING = frozenset({"withdraw", "pull out", "pull back", "recall", "pull"})
INTERNATIONAL_STAFF = {  # what is withdrawn, with the CAMEO code of withdrawing it
    "peacekeeper": "1661", "peacekeeping": "1661", "inspector": "1662", "observer": "1662",
    "monitor": "1662", "investigator": "1662", "humanitarian": "1663", "aid": "1663", "relief": "1663",
}  # fmt: skip
ISSUED = {"call": "100", "appeal": "100", "reminder": "100", "plea": "100", "request": "100"}
ISSUING = frozenset({"issue", "make", "send", "renew", "repeat", "reiterate", "launch"})
# Driving a population from its homes or land is a mass expulsion (CAMEO 201), unlike
# expelling diplomats (166) or deporting individuals (174).
EXPELLING = frozenset({"force out", "drive out", "chase out", "push out", "expel", "evict", "uproot", "drive", "force"})
POPULATIONS = frozenset({
    "refugee", "resident", "civilian", "villager", "inhabitant", "family", "population", "peasant",
    "farmer", "tribesman", "minority", "household",
})  # fmt: skip
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


def sense_hit(token: Token, key: str) -> tuple[str | None, str] | None:
    """The event the verb's phrase states, when its object or preposition decides it (a code
    of None: the phrase states no event)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    lemmas = {_noun_lemma(o) for o in objects}
    lemmas |= {_lemma(c) for o in objects for c in o.children if c.dep_ == "compound"}
    lemmas |= {_lemma(g) for o in objects for p in _preposition(o, "of") for g in p.children}  # '700 kg of medicine'
    return _aid_and_presence_sense(token, key, objects, lemmas) or _pressure_and_protest_sense(
        token, key, objects, lemmas
    )


def _aid_and_presence_sense(token: Token, key: str, objects: list[Token], lemmas: set[str]) -> tuple[str, str] | None:
    """Giving, sending, receiving, withdrawing, expelling, declaring, welcoming: what is given or
    sent, who arrives or is let in decides the event."""
    if key in GIVING and lemmas & ARMS:
        return "072", f"verb-sense:{key}:arms"
    if key in GIVING and lemmas & RELIEF:
        return "073", f"verb-sense:{key}:relief"
    if key in WITHDRAWING or (key in SENDING | GIVING and _sent_away(token)):
        staff = next((INTERNATIONAL_STAFF[w] for w in _object_words(objects) if w in INTERNATIONAL_STAFF), None)
        if staff is not None:
            return staff, f"verb-sense:{key}:international-staff"
    if key in SENDING | GIVING and _peacekeepers(objects, token):
        return "074", f"verb-sense:{key}:peacekeepers"
    if key in SENDING and (lemmas & INVESTIGATORS or _sent_to_investigate(token, objects)):
        return "090", f"verb-sense:{key}:investigators"
    if key in SILENCING and _media(objects):
        return "1721", f"{SILENCED}{key}:media"
    if key in COMPELLING and _media(objects) and _silencing_ordered(token):
        return "1721", f"{SILENCED}{key}:media"
    if _as_human_shields(token):
        return "184", f"verb-sense:{key}:human-shield"
    if key in ARRIVING and _peacekeepers_arriving(token):
        return "074", f"verb-sense:{key}:peacekeepers"
    if key in RECEIVING and lemmas & OBSERVERS:
        return "0862", f"verb-sense:{key}:inspectors"
    if key in RECEIVING and lemmas & PEACEKEEPERS:
        return "0861", f"verb-sense:{key}:peacekeepers"
    if key in EXPELLING and _populations_removed(objects, token):
        return "201", f"verb-sense:{key}:population"
    if key in DECLARING and lemmas & CEASEFIRES:
        return "0871", f"{DECLARED}{key}"
    if key in ("give", "extend", "accord") and lemmas & WELCOMES:
        return "043", f"verb-sense:{key}:welcome"
    if key == "welcome" and objects and _preposition(token, "to"):
        return "043", "verb-sense:welcome:to"
    if key == "return" and _for_talks(token):
        return "040", "verb-sense:return:talks"
    return None


def _pressure_and_protest_sense(
    token: Token, key: str, objects: list[Token], lemmas: set[str]
) -> tuple[str | None, str] | None:
    """Blocking, striking, closing, thwarting, repressing, denying, seizing, stopping work,
    throwing, freeing, summoning, issuing: the object decides what pressure or protest it is."""
    if key in BLOCKING and lemmas & PASSAGES:
        return _blocking(token, key)
    if key == "release" and objects and all(_lemma(o) in PUBLISHED for o in objects):
        return None, "verb-sense:release:publication"
    if key == "strike":
        return _struck(token, objects, lemmas)
    if key in ("grant", "give", "offer", "extend") and ("asylum" in lemmas or _refugee_status(objects)):
        return "075", f"verb-sense:{key}:asylum"
    if key in CLOSING and lemmas & FRONTIERS:
        return "191", f"verb-sense:{key}:border"
    if key in OPENING and lemmas & FRONTIERS:
        return "0863", f"verb-sense:{key}:border"
    if key in THWARTING and lemmas & PROPOSALS:
        return "129", f"verb-sense:{key}:proposal"
    if key in REPRESSING and lemmas & PROTESTS:
        return "170", f"verb-sense:{key}:protest"
    if key in DENYING and lemmas & GRANTS:
        return "120", f"verb-sense:{key}:grant"
    if key in SEIZING and lemmas & TERRITORY:
        return "192", f"{SEIZED}{key}:territory"
    if key in STOPPING_WORK and lemmas & WORK:
        return "143", f"verb-sense:{key}:work"
    if key in SUSPENDING and lemmas & PROTEST_ACTIONS and _by_civilians(token):
        return "082", f"verb-sense:{key}:own-protest"
    if key in THROWING and lemmas & MISSILES_OF_CROWDS and _by_civilians(token):
        return "145", f"verb-sense:{key}:stones"
    if key in FREEING and any(w.lower_ in ("free", "loose") for w in (*token.children, *_modifiers(objects))):
        return "0841", f"verb-sense:{key}:free"
    if key in SUMMONING and lemmas & ENVOYS:
        return "110", f"verb-sense:{key}:envoy"
    if key in DEFYING and lemmas & NORMS:
        return "128", f"verb-sense:{key}:norm"
    if key in ISSUING:
        found = next((ISSUED[w] for w in lemmas if w in ISSUED), None)
        return None if found is None else (found, f"verb-sense:{key}:call")
    return None


def noun_sense(token: Token) -> tuple[str, str] | None:
    """The event an event noun states when its modifiers decide it: 'air strikes' (CAMEO 195),
    'artillery fire', 'mortar and rocket fire' (CAMEO 194); else the noun's own code."""
    lemma = _noun_lemma(token)
    if lemma not in MODIFIED_NOUNS:
        return noun_code(lemma)
    modifiers = {_lemma(c) for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    if token.dep_ == "conj":  # 'artillery, mortar, and rocket fire'
        modifiers |= {_lemma(w) for w in (token.head, *token.head.conjuncts) if w.i != token.i}
    if lemma in ("strike", "raid", "attack") and modifiers & AERIAL:
        return "195", f"noun-sense:{lemma}:aerial"
    if lemma == "fire" and modifiers & HEAVY_WEAPONS:
        return "194", "noun-sense:fire:heavy-weapons"
    if lemma == "cleansing" and "ethnic" in modifiers:
        return "203", "noun-sense:cleansing:ethnic"
    return noun_code(lemma)


def _noun_lemma(token: Token) -> str:
    """The noun's lemma, a hyphenated compound split by the tokenizer joined again
    ('cease-fire' is parsed as 'fire' with the compound 'cease')."""
    lemma = _lemma(token)
    if lemma == "fire" and any(c.dep_ == "compound" and c.lower_ == "cease" for c in token.children):
        return "ceasefire"
    return lemma


def _modifiers(words: list[Token]) -> list[Token]:
    """The modifiers of the words ('let *free* two sailors' is parsed with 'free' on 'sailors')."""
    return [c for w in words for c in w.children if c.dep_ == "amod"]


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
    """Blocking passage is a protest when civilians, an opposition or insurgents block; by
    troops or police it restricts movement (CAMEO 191); by others it keeps the verb's coding."""
    if _by_civilians(token):
        return "144", f"verb-sense:{key}:passage-protest"
    if _by_doers(token, INSURGENTS):
        return "144", f"verb-sense:{key}:passage-insurgents"
    if _by_doers(token, ARMED_NOUNS):  # CAMEO 144: 'when the blockade includes military forces, use 191'
        return "191", f"verb-sense:{key}:passage-forces"
    return None


def _media(objects: list[Token]) -> bool:
    """Whether the objects (or what they are 'of') are news media: 'two newspapers', 'the
    broadcasts of CNN', 'three television stations' (not 'the press conference', a modifier)."""
    nouns = [*objects, *(g for o in objects for p in _preposition(o, "of") for g in p.children)]
    return any(
        _lemma(n) in MEDIA or (_lemma(n) in OUTLETS and any(_lemma(m) in BROADCASTING for m in n.children))
        for n in nouns
    )


def _silencing_ordered(verb: Token) -> bool:
    """'ordered the newspaper *to suspend* publication': the act ordered silences it."""
    return any(c.dep_ == "xcomp" and roles.verb_key(c) in SILENCING for c in verb.children)


def _as_human_shields(verb: Token) -> bool:
    """'holding civilians *as human shields*' (CAMEO 184); 'its veto as a shield' is not."""
    shields = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children]
    return any(_lemma(g) == "shield" and any(_lemma(m) == "human" for m in g.children) for g in shields)


def _sent_to_investigate(verb: Token, objects: list[Token]) -> bool:
    """'sent 21 military personnel to Bosnia *to investigate* the feasibility of ...': the
    purpose clause of the sending, or of those sent, is an investigation."""
    purposes = [c for w in (verb, *objects) for c in w.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")]
    return any(roles.verb_key(p) in INVESTIGATING and _to_infinitive(p) for p in purposes)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _sent_away(verb: Token) -> bool:
    """'peacekeepers were shipped *out of* the enclave', 'flown *from* the capital': sent away
    from a place, with no destination named, is withdrawn from it."""
    preps = {c.lower_: c for c in verb.children if c.dep_ in ("prep", "prt")}
    out_of = "out" in preps and any(g.lower_ == "of" for g in preps["out"].children)
    return (out_of or "from" in preps) and "to" not in preps


def _peacekeepers_arriving(verb: Token) -> bool:
    """'the first NATO peacekeeping troops arrived in Bosnia': peacekeepers are the subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_lemma(w) in PEACEKEEPERS for s in subjects for w in s.subtree)


def _populations_removed(objects: list[Token], verb: Token) -> bool:
    """'forced out 1,000 refugees', 'drove villagers from their homes': a population (plural)
    driven out; a bare 'drive' or 'force' counts only with 'from' or 'out of' its homes or land."""
    nouns = [*objects, *(g for o in objects for p in _preposition(o, "of") for g in p.children)]  # 'thousands of'
    people = [o for o in nouns if _lemma(o) in POPULATIONS and (o.tag_ == "NNS" or _lemma(o) == "population")]
    if not people or any(_few(o) for o in people):
        return False
    if roles.verb_key(verb) not in ("drive", "force"):
        return True
    return any(p.dep_ == "prep" and p.lower_ in ("from", "out") for o in (verb, *people) for p in o.children)


def _few(noun: Token) -> bool:
    """'two residents', 'a dozen families': too few to be a population (CAMEO 201: large groups)."""
    counts = [c for c in noun.children if c.dep_ == "nummod"]
    return any(c.lower_ in _FEW_WORDS or (c.lower_.isdigit() and int(c.lower_) < 50) for c in counts)


_FEW_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "several"})


def _object_words(objects: list[Token]) -> list[str]:
    """The lemmas of the objects and their modifiers ('weapons *inspectors*', '*aid* workers')."""
    modifiers = [c for o in objects for c in o.children if c.dep_ in ("compound", "amod", "conj")]
    return [_lemma(w) for w in (*objects, *modifiers)]


def _peacekeepers(objects: list[Token], verb: Token) -> bool:
    """Whether peacekeepers are sent: 'sent peacekeepers', 'deployed peacekeeping troops',
    'dispatched 500 troops to the peacekeeping force'."""
    words = [w for o in objects for w in o.subtree]
    words += [w for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "for", "as") for w in p.subtree]
    return any(_lemma(w) in PEACEKEEPERS for w in words)


def _refugee_status(objects: list[Token]) -> bool:
    """'granted refugee status': asylum by another name."""
    return any(_lemma(o) == "status" and any(_lemma(c) == "refugee" for c in o.children) for o in objects)


def _adjacent(verb: Token, word: Token) -> bool:
    """Whether the word follows the verb within its clause (no comma between them: a
    misparsed object after a comma is not what the verb takes)."""
    return word.i > verb.i and not any(t.text in (",", ";", ":") for t in verb.doc[verb.i + 1 : word.i])


def _struck(token: Token, objects: list[Token], lemmas: set[str]) -> tuple[str, str] | None:
    """'struck a deal' reaches one; 'struck a convoy' attacks it; 'workers struck' is a strike
    (the verb's own coding, None here)."""
    if lemmas & STRUCK_DEALS:
        return "030", "verb-sense:strike:deal"
    targets = [o for o in objects if o.dep_ == "dobj" and o.ent_type_ not in ("DATE", "TIME") and _adjacent(token, o)]
    if targets and not lemmas & STRUCK_IDIOMS:
        return _military_strike(token)
    return None


def _military_strike(token: Token) -> tuple[str, str]:
    """'Warplanes struck militant positions' (CAMEO 195), 'rebels struck a convoy' (190)."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    words = {_lemma(w) for d in doers for w in (d, *d.children)}
    if words & (AIRCRAFT | {"air"}):
        return "195", "verb-sense:strike:aerial"
    return "190", "verb-sense:strike:target"


def _by_civilians(token: Token) -> bool:
    """Whether civilians or an opposition do the act ('protesters blocked', 'youths resorted
    to throwing stones')."""
    return _by_doers(token, CIVILIANS)


def _by_doers(token: Token, kinds: frozenset[str]) -> bool:
    """Whether the act's doers are of these kinds: its subject or agent, else the subject of
    the clause it depends on."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    head = token.head if token.dep_ in ("conj", "xcomp", "advcl") else None
    if not doers and head is not None:
        doers = [c for c in head.children if c.dep_ == "nsubj"]
    if not doers:
        doers = roles.subjects(token)
    return any(_lemma(d) in kinds or any(_lemma(c) in kinds for c in d.children) for d in doers)
