"""The coder's own word lists: core political verbs and event nouns, and the cue words of
modality (refusal, intent, request, report, denial, condition).

Core verbs take precedence over the default code of the CAMEO verb dictionary (which
has gaps, e.g. no entry for "urge", and codes "agree" as support); a phrase pattern of the
dictionary still wins over both because it is more specific. Codes are CAMEO codes; the
PLOVER type follows from the ontology's CAMEO-to-PLOVER table. Where PLOVER's definitions
decide the kind of an event, the code follows them: expelling diplomats, inspectors or a
group is SANCTION `expel' (only individual deportations are COERCE), an invasion is a
use of military force (ASSAULT), not the occupation of territory CAMEO 192 names, and suing
is ACCUSE (PLOVER: 'sue or bring to court'), not the arrest of the dictionary's block.
"""

from __future__ import annotations

CORE_VERBS: dict[str, str] = {
    # AGREE
    "agree": "030", "promise": "030", "pledge": "030", "vow": "030", "offer": "030",
    "commit": "030", "accept": "030", "propose": "030", "approve": "030", "consent": "030",
    # CONSULT
    "meet": "040", "visit": "042", "host": "043", "talk": "040", "discuss": "040",
    "negotiate": "046", "consult": "040", "telephone": "041", "phone": "041", "confer": "040",
    # SUPPORT
    "praise": "051", "welcome": "051", "endorse": "051", "commend": "051", "hail": "051",
    "support": "051", "back": "051", "sign": "057", "ratify": "057", "apologize": "055",
    "apologise": "055", "recognize": "054", "recognise": "054", "defend": "052",
    # COOPERATE / AID
    "cooperate": "060", "extradite": "063", "collaborate": "060",
    "aid": "070", "donate": "071", "fund": "071", "finance": "071", "supply": "070",
    "evacuate": "073", "shelter": "075",
    # CONCEDE / RETREAT
    "ease": "081", "lift": "081", "relax": "081", "pardon": "0841", "release": "0841",
    "free": "0841", "withdraw": "0871", "retreat": "0871", "disarm": "0873", "demobilize": "0873",
    "return": "0842", "yield": "083", "concede": "083", "surrender": "0874", "resign": "0831", "step down": "0831",
    "quit": "0831",
    # REQUEST
    "urge": "100", "demand": "100", "ask": "100", "appeal": "100", "press": "100",
    "push": "100", "request": "100", "plead": "100", "implore": "100", "insist": "100",
    # ACCUSE
    "accuse": "112", "condemn": "111", "criticize": "111", "criticise": "111", "denounce": "111",
    "blame": "112", "allege": "112", "deplore": "111", "slam": "111", "rebuke": "111",
    "investigate": "090", "probe": "090", "charge": "112", "complain": "114", "fault": "111",
    "sue": "115", "convict": "116",
    # REJECT
    "reject": "120", "refuse": "120", "veto": "129", "oppose": "120", "defy": "128",
    "dismiss": "120", "decline": "120", "spurn": "120", "rebuff": "120", "rule out": "120",
    "boycott": "1242", "renege": "120",
    # THREATEN
    "threaten": "130", "warn": "130", "menace": "130",
    # PROTEST
    "protest": "140", "demonstrate": "141", "rally": "141", "march": "141", "riot": "145",
    "strike": "143",
    # SANCTION
    "sanction": "163", "expel": "166", "suspend": "162", "sever": "161", "cut": "162",
    "halt": "164", "recall": "161",
    # MOBILIZE
    "mobilize": "150", "mobilise": "150", "deploy": "154", "mass": "154", "call up": "150",
    # COERCE
    "arrest": "173", "detain": "173", "deport": "174", "seize": "1711", "confiscate": "1711",
    "ban": "172", "imprison": "173", "jail": "173", "raid": "1712", "blockade": "191",
    "impose": "170", "torture": "1823", "execute": "176", "sentence": "172",
    # ASSAULT
    "attack": "190", "kill": "190", "shell": "195", "bomb": "195", "shoot": "190",
    "invade": "190", "occupy": "192", "clash": "190", "assassinate": "186", "abduct": "181",
    "kidnap": "181", "fight": "190", "massacre": "202", "ambush": "190", "wound": "190",
    "beat up": "182", "blow up": "180",
}  # fmt: skip

CORE_NOUNS: dict[str, str] = {
    "talk": "040", "meeting": "040", "visit": "042", "summit": "040", "negotiation": "046",
    "vow": "030", "pledge": "030", "promise": "030", "offer": "030", "agreement": "057",
    "deal": "057", "accord": "057", "treaty": "057", "contract": "057",
    "sanction": "163", "embargo": "163", "boycott": "1242",
    "deportation": "174", "expulsion": "174", "arrest": "173", "detention": "173",
    "accusation": "112", "allegation": "112", "criticism": "111", "condemnation": "111",
    "protest": "140", "demonstration": "141", "rally": "141", "strike": "143", "riot": "145",
    "clash": "190", "fighting": "190", "shelling": "195", "ceasefire": "0871", "truce": "0871",
    "attack": "190", "airstrike": "195", "bombing": "195", "invasion": "190", "raid": "190",
    "threat": "130", "ultimatum": "139", "refusal": "120", "rejection": "120", "veto": "129",
    "demand": "100", "appeal": "100", "request": "100", "aid": "070", "assistance": "070",
    "extradition": "063", "withdrawal": "0871", "apology": "055", "praise": "051",
    "suspension": "160", "blockade": "191", "investigation": "090", "inquiry": "090",
    "probe": "090", "mediation": "045", "alert": "152", "hearing": "090",
    "killing": "190", "assassination": "186", "bombardment": "195", "offensive": "190", "assault": "190",
}  # fmt: skip

# Verbs of preventing that the CAMEO dictionary files under accusation ('forestall',
# 'prevent'), and of deliberating ('consider'): preventing or weighing something is no
# event by itself.
NO_EVENT_VERBS = frozenset({"forestall", "prevent", "consider", "contemplate", "mull", "ponder", "weigh"})
# Verbs of deliberation: what a party considers doing ('is considering *closing* the
# border') has not happened and is not promised (hypothetical).
DELIBERATING = frozenset({"consider", "contemplate", "mull", "ponder", "weigh", "debate", "discuss"})
# Verbs that, with a request as their object, accede to it (CAMEO 083, PLOVER CONCEDE):
# 'accepted the rebels' demands', 'met their demands'.
ACCEDING_VERBS = frozenset({"accept", "meet", "grant", "heed", "satisfy", "fulfil", "fulfill", "honour", "honor"})
# Verbs that carry out the event their object names: 'impose sanctions', 'mount an invasion',
# 'undertook a mediation mission' (the event noun may be the object's compound).
LIGHT_VERBS = frozenset({
    "impose", "mount", "launch", "stage", "conduct", "carry out", "hold", "begin", "start", "issue",
    "undertake", "initiate", "open",
})  # fmt: skip
# Verbs of mobilising: with forces as their object they mobilise (PLOVER MOBILIZE is military
# and police only); with civilians (groups, supporters, voters) they rally support (CAMEO 053).
MOBILIZING_VERBS = frozenset({"mobilize", "mobilise"})
ARMED_NOUNS = frozenset({
    "troop", "force", "army", "soldier", "reservist", "reserve", "police", "policeman", "militia",
    "unit", "division", "brigade", "battalion", "military", "guard", "tank", "navy", "fighter",
})  # fmt: skip
# Restrictions a government sets on a population, with the CAMEO codes of imposing and of
# easing them ('curfew': 1723 impose a curfew, 0813 ease it).
RESTRICTIONS: dict[str, tuple[str, str]] = {
    "curfew": ("1723", "0813"), "restriction": ("172", "081"), "emergency": ("1724", "0814"),
    "martial": ("1724", "0814"), "ban": ("172", "081"), "siege": ("1724", "0814"),
}  # fmt: skip
# Restrictions only as 'a state of ...' ('a state of siege'; 'lifted the siege' is military).
STATE_ONLY = frozenset({"siege"})
# Verbs that widen a restriction ('extended the curfew') or narrow it ('shortened the curfew').
TIGHTENING = frozenset({
    "extend", "prolong", "tighten", "lengthen", "expand", "reimpose", "renew", "impose", "declare", "proclaim",
})  # fmt: skip
EASING = frozenset({"shorten", "ease", "relax", "lift", "loosen", "reduce", "end", "cancel", "scrap", "curtail"})
# Things a party has and can raise or lower, with the CAMEO codes of raising and of lowering
# them: 'strengthened its forces' mobilises (154), 'reduced food supplies' cuts aid (162),
# 'ended mediation' halts it (165), 'broke off talks' halts negotiations (164).
QUANTITIES: dict[str, tuple[str | None, str | None]] = {
    "force": ("154", "0874"), "troop": ("154", "0874"), "presence": ("154", "0874"),
    "aid": ("070", "162"), "assistance": ("070", "162"), "supply": ("070", "162"),
    "shipment": ("070", "162"), "delivery": ("070", "162"),
    "mediation": ("045", "165"), "talk": (None, "164"), "negotiation": (None, "164"),
    "relation": (None, "161"), "tie": (None, "161"),
}  # fmt: skip
RAISING = frozenset({
    "strengthen", "reinforce", "bolster", "boost", "increase", "expand", "double", "intensify",
    "step up", "build up", "beef up", "augment",
})  # fmt: skip
LOWERING = frozenset({
    "reduce", "cut", "end", "halt", "stop", "suspend", "freeze", "withhold", "curtail",
    "terminate", "abandon", "break off", "scale back", "cut off", "slash", "discontinue", "downgrade",
})  # fmt: skip
# Predicative adjectives of stance: 'critical of', 'hostile to', 'supportive of' (PLOVER
# ACCUSE covers criticism, SUPPORT endorsement); with a preposition naming the other side.
STANCE_ADJECTIVES: dict[str, str] = {
    "critical": "111", "hostile": "110", "supportive": "051", "opposed": "120",
}  # fmt: skip
# Words the verb dictionary knows by another name: its patterns say 'relations', not 'ties'.
PHRASE_SYNONYMS: dict[str, str] = {"tie": "relations", "ties": "relations", "relationship": "relations"}
# Nouns by which an article names two parties it has named before: 'the two countries',
# 'both sides', 'the two leaders', 'both governments'.
COLLECTIVE_NOUNS = frozenset({"country", "side", "leader", "government", "nation", "state", "president"})
# Participles that state a stance when passive in form: 'is opposed to', 'is committed to'.
# 'are engaged in ethnic cleansing', 'was involved in the attack': with the preposition each takes.
STATIVE_PARTICIPLES: dict[str, str] = {
    "oppose": "to", "commit": "to", "dedicate": "to", "engage": "in", "involve": "in",
}  # fmt: skip
# The same participles when the parser tags them adjectives ('Vietnam is *committed to*
# opening up'), by form: each is coded as its verb.
STATIVE_ADJECTIVES: dict[str, str] = {
    "committed": "commit", "dedicated": "dedicate", "engaged": "engage", "involved": "involve",
}  # fmt: skip
# A trigger governed by one of these through xcomp/ccomp/prep is refused, not done.
REFUSAL = frozenset({"refuse", "decline", "reject", "rule out", "deny", "oppose", "resist", "fail"})
# Adjectives of intent: 'ready / willing / prepared to' do something is AGREE (PLOVER manual).
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "eager", "determined", "keen"})
# ... is intended or promised: cooperation becomes AGREE (PLOVER manual).
INTENT = frozenset({
    "plan", "intend", "promise", "pledge", "vow", "offer", "want", "hope", "seek", "aim",
    "prepare", "expect", "agree", "undertake", "commit", "propose", "swear", *INTENT_ADJECTIVES,
})  # fmt: skip
# Verbs of permission: the act a party allows another to do is the permission's content,
# a concession (CAMEO 08), not an act of the party allowed ('allowed the opposition to hold a rally');
# a permission promised is an intent to yield (AGREE), unlike a promised retreat, which PLOVER
# files under the retreat itself.
PERMITTING = frozenset({"allow", "permit", "let"})
# Verbs of deciding: the act a party decides on is the event ('decided to expel the envoy'),
# taken, not merely intended; the decision alone, with no act coded, stays AGREE.
DECIDING = frozenset({"decide", "resolve", "opt", "vote", "choose"})
# ... is the content of a request: the request is the event.
REQUEST_VERBS = frozenset({
    "urge", "push", "press", "ask", "call", "demand", "appeal", "request", "pressure",
    "encourage", "tell", "order", "invite", "persuade", "force",
})  # fmt: skip
# Calling for punishment of a party ('called for sanctions against Iran') solicits others to
# punish it: CAMEO 113, rally opposition against (not a threat: the caller imposes nothing).
SOLICITING = frozenset({
    "call", "urge", "demand", "appeal", "press", "push", "seek", "lobby", "campaign", "clamour", "clamor",
})  # fmt: skip
PUNISHMENTS = frozenset({
    "sanction", "sanctions", "embargo", "boycott", "blockade", "punishment", "isolation", "protest",
})  # fmt: skip
# A demonstration's stated aim decides its kind: 'rallied *in support of* the president' backs
# him (CAMEO 051), 'converged for a rally *to protest* the law' protests (CAMEO 141).
BACKING_NOUNS = frozenset({"support", "solidarity", "favour", "favor"})
PROTESTING_VERBS = frozenset({"protest", "denounce", "condemn", "oppose", "demand", "decry", "challenge"})
# ... is threatened.
THREAT_VERBS = frozenset({"threaten", "warn"})
# Reporting verbs: their subject is the speaker, whose statement does what its clause says.
REPORTING = frozenset({
    "say", "tell", "announce", "state", "add", "claim", "declare", "insist", "stress",
    "note", "report", "confirm", "write", "explain", "argue", "indicate", "suggest", "believe",
    "reiterate", "repeat", "reaffirm", "conclude", "remind",
})  # fmt: skip
# Documents and statements that say what their issuer does: 'issued a declaration
# *demanding* ...', 'adopted a resolution *calling for* ...'.
STATEMENT_NOUNS = frozenset({
    "declaration", "statement", "resolution", "communique", "letter", "petition", "message",
    "decree", "manifesto", "memorandum", "proclamation", "ultimatum",
    "law", "bill", "measure", "legislation", "amendment", "motion",
})  # fmt: skip
# Verbs by which a party puts out such a document as its own.
PUBLISHING_VERBS = frozenset({
    "issue", "publish", "adopt", "release", "send", "sign", "pass", "submit", "circulate",
    "deliver", "draft", "unveil", "approve", "present",
})  # fmt: skip
DENIAL = frozenset({"deny", "dismiss"})
# A trigger governed by one of these was kept from happening: 'prevented a warplane from
# *attacking*', 'averted a *strike*'.
PREVENTING = frozenset({"prevent", "forestall", "avert", "thwart", "foil", "deter"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "going"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
# Prepositions that introduce the recipient of a verb or event noun.
RECIPIENT_PREPS = frozenset({
    "with", "to", "against", "on", "at", "from", "toward", "towards", "into", "upon", "of",
    "between", "for",
})  # fmt: skip
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
