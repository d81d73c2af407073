"""The framing of an event: negation, modality and the reframing they bring.

The clause's framing changes the event a trigger codes: refusal and negation turn cooperation
into REJECT, intent and the future turn it into AGREE (PLOVER manual), an act another party
"must" do, as reported by a speaker, is the speaker's REQUEST; denials and conditions are kept
but marked, as is an act prevented ('kept them from attacking'). An act made conditional
on another's ('will withdraw unless ...') is a threat of
it, as is a future boycott. A concession a speaker says will be made is an intent to yield
(AGREE). Force a party is preparing to use ('prepared to resume shelling') is military
readiness (MOBILIZE), not a threat. A refusal inside a promise ('a vow that Russia would never extradite') is the event,
and the promise gives way to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import ontology
from communique.stages import events_roles as roles
from communique.stages.events_lexicon import COOPERATIVE, MATERIAL_CONFLICT, PERMITTING
from communique.stages.events_senses import DEFINED
from communique.stages.events_triggers import _OBLIGATION, _folded_into, _Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

_REJECT_FOR_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
_AGREE_FOR_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033"}
# A concession a party states it will make is an expressed intent to yield (CAMEO 035, AGREE).
_STATED_YIELD = {"081": "0351", "084": "0353", "087": "0356"}
_BOYCOTTS = frozenset({"1242"})
# A withdrawal of international staff promised is a threat to halt involvement (CAMEO 136).
_THREAT_FOR_CODE = {"166": "136"}
_USES_OF_FORCE = frozenset({"18", "19", "20"})
_THREAT_FOR_ROOT = {"15": "130", "16": "1312", "17": "137", "18": "138", "19": "138", "20": "138"}


@dataclass(frozen=True, slots=True)
class _Coding:
    code: str
    negated: bool
    modality: str
    rule: str
    kind: str | None = None  # the PLOVER type, when the framing decides it rather than the code


def reframe(trigger: _Trigger) -> _Coding:
    """The trigger's code after negation and modality: 'never extradite' -> REJECT."""
    negated, cue = roles.framing(trigger.token)
    code, rule = trigger.code, trigger.rule
    if rule.startswith(_OBLIGATION):
        return _Coding(code, negated, "asserted", rule)
    defined = next((kind for prefix, kind in DEFINED.items() if rule.startswith(prefix)), None)
    if defined and not negated and cue in (None, "asserted"):  # PLOVER: a declared ceasefire, a seizure by force
        return _Coding(code, False, "asserted", rule, kind=defined)
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
        return _Coding(_threat_code(code), False, "asserted", f"{rule}+conditional-threat")
    if negated or cue == "denied":
        return _Coding(code, True if negated else False, "denied", f"{rule}+denial")
    if cue == "hypothetical":
        return _Coding(code, False, "hypothetical", f"{rule}+condition")
    if cue == "prevented":  # 'prevented a warplane from attacking': it did not happen
        return _Coding(code, False, "hypothetical", f"{rule}+prevented")
    if cue == "future":
        return _future(trigger.token, code, rule, kind)
    return _Coding(code, False, cue or "asserted", rule)


def _future(token: Token, code: str, rule: str, kind: str) -> _Coding:
    """A promised or intended act: cooperation becomes AGREE, a material conflict a threat;
    a concession stays one unless a speaker states it or it is a permission ('will allow'):
    then it is an intent to yield."""
    root = code[:2]
    if root == "08" and roles.speaker(token):  # 'said it would release'
        return _Coding(_STATED_YIELD.get(code[:3], "035"), False, "future", f"{rule}+stated-intent")
    if root == "08" and token.lemma_.lower() in PERMITTING:  # a permission promised is an intent to yield
        return _Coding("035", False, "future", f"{rule}+promised-permission")
    if root == "08":  # PLOVER: future retreats and concessions are CONCEDE
        return _Coding(code, False, "future", f"{rule}+intent", kind="CONCEDE")
    if code in _BOYCOTTS:  # 'would boycott all contact': a threat to boycott
        return _Coding("1312", False, "future", f"{rule}+intent")
    if root in _AGREE_FOR_ROOT:
        return _Coding(_AGREE_FOR_ROOT[root], False, "future", f"{rule}+intent")
    if root in _USES_OF_FORCE and _prepared(token):  # 'the army prepared to resume shelling'
        return _Coding("150", False, "asserted", f"{rule}+prepared")
    if kind in MATERIAL_CONFLICT:
        return _Coding(_threat_code(code), False, "future", f"{rule}+intent")
    return _Coding(code, False, "future", rule)


def _prepared(token: Token) -> bool:
    """Whether the act is one a party is preparing ('prepared to resume shelling'): military
    readiness, an activity, is PLOVER MOBILIZE, not a (verbal) threat."""
    for _ in range(2):  # 'prepared to resume *shelling*'
        gov = roles.governor(token)
        if gov is None or token.dep_ != "xcomp":
            return False
        if gov.lemma_.lower() == "prepare":  # not 'would be prepared to' (willing: a threat)
            return gov.pos_ == "VERB" and gov.dep_ != "acomp" and not any(c.dep_ == "auxpass" for c in gov.children)
        token = gov
    return False


def _threat_code(code: str) -> str:
    """The CAMEO code of threatening the act: 'will withdraw its peacekeepers' threatens to
    halt involvement (136), 'will impose sanctions' to sanction (1312)."""
    return _THREAT_FOR_CODE.get(code[:3]) or _THREAT_FOR_ROOT.get(code[:2], "130")


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
