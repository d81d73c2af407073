"""Who did it and to whom, read from the dependency parse; and how the clause frames it.

Everything here takes spaCy tokens and returns tokens or small strings; turning tokens
into parties is the stage's job (through `communique.parties`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.stages.events_lexicon import (
    DENIAL,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    INTENT,
    RECIPIENT_PREPS,
    REFUSAL,
    REPORTING,
    REQUEST_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECT = frozenset({"nsubj", "csubj"})
_OBJECT = frozenset({"dobj", "dative", "nsubjpass", "oprd", "attr"})
_OWN_CLAUSE = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "cc", "punct"})


def verb_key(token: Token) -> str:
    """The lookup key of a verb: its lemma, joined with a particle ('rule out')."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.lower_}"
    return lemma


def phrase_words(token: Token) -> frozenset[str]:
    """Lowercased words and lemmas of the verb's phrase, its subject left out."""
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in _SUBJECT or child.dep_ in _OWN_CLAUSE:
            continue
        for word in ((child,) if child.dep_ == "xcomp" else _phrase(child)):
            words.add(word.lower_)
            words.add(word.lemma_.lower())
    return frozenset(words)


def _phrase(token: Token) -> list[Token]:
    """The token's subtree without embedded clauses ('a resolution that aims to ...')."""
    out = [token]
    for child in token.children:
        if child.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
            out += _phrase(child)
    return out


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for item in (token, *token.conjuncts):
            if item not in out:
                out.append(item)
    return out


def governor(token: Token) -> Token | None:
    """The word whose clause this one completes: 'refuse' for 'extradite' in 'refuse to extradite'."""
    if token.dep_ in ("xcomp", "ccomp", "acl", "dobj", "advcl"):
        return token.head
    if token.dep_ in ("pcomp", "pobj") and token.head.dep_ == "prep":
        return token.head.head
    return None


def subjects(token: Token, depth: int = 0) -> list[Token]:
    """Agents of a verb: subject or passive agent, else the controlling clause's."""
    found = [c for c in token.children if c.dep_ in _SUBJECT]
    found += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if found or depth > 3:
        return with_conjuncts(found)
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in REQUEST_VERBS:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        return with_conjuncts(objects) if objects else subjects(head, depth + 1)
    if token.dep_ in ("xcomp", "conj", "advcl", "pcomp"):
        return subjects(head if token.dep_ != "pcomp" else head.head, depth + 1)
    if token.dep_ in ("relcl", "acl"):
        return [head]
    return []


def objects(token: Token) -> list[Token]:
    """Recipients of a verb: direct and passive objects, prepositional objects."""
    found = [c for c in token.children if c.dep_ in _OBJECT]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in [c for c in token.children if c.dep_ == "dobj"]:  # "anger that Nato had ..."
        for clause in obj.children:
            if clause.dep_ in ("acl", "ccomp"):
                found += [c for c in clause.children if c.dep_ in _SUBJECT]
    return with_conjuncts(found)


def nested_nouns(token: Token, depth: int = 2) -> list[Token]:
    """Nouns inside an object's phrase: 'contacts between the British and Russian services'."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "pobj", "prep", "pcomp"):
            if child.dep_ in ("dobj", "pobj"):
                found.append(child)
            if depth > 0:
                found += nested_nouns(child, depth - 1)
    return found


def noun_roles(token: Token) -> tuple[list[Token], list[Token]]:
    """(actors, recipients) of an event noun: 'Russia's vow', 'sanctions by the EU on Iran'."""
    actors = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    recipients: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "by":
            actors += pobjs
        elif prep.lower_ in RECIPIENT_PREPS or prep.lower_ in ("about", "over"):
            recipients += pobjs
    for clause in token.children:
        if clause.dep_ in ("acl", "ccomp", "relcl"):
            recipients += [c for c in clause.children if c.dep_ in _SUBJECT]
    return with_conjuncts(actors), with_conjuncts(recipients)


def speaker(token: Token) -> list[Token]:
    """The subject of the reporting verb whose statement contains this clause, if any."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "acl", "relcl") or current.head is current:
            return []
        current = current.head
        if current.lemma_.lower() in REPORTING:
            return subjects(current)
    return []


def _negated_here(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never",) or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    return False


def framing(token: Token) -> tuple[bool, str | None]:
    """(negated, modality cue) of a trigger, looking up its chain of governing clauses.

    Modality cue is one of refused, denied, hypothetical, future or None (asserted).
    """
    negated = _negated_here(token)
    cue = _own_modality(token)
    current = token
    for _ in range(3):
        gov = governor(current)
        if gov is None or gov.lemma_.lower() in REPORTING:
            break
        key = verb_key(gov)
        if key in REFUSAL and key not in DENIAL:
            return True, "refused"
        if key in DENIAL:
            return negated, "denied"
        negated = negated or _negated_here(gov)
        if cue is None and key in INTENT:
            cue = "future"
        cue = cue or (_own_modality(gov) if gov.pos_ in ("VERB", "AUX") else None)
        current = gov
    return negated, cue


def _own_modality(token: Token) -> str | None:
    for child in token.children:
        word = child.lower_
        if child.dep_ == "mark" and word in ("if", "unless"):
            return "hypothetical"
        if child.dep_ == "aux" and word in HYPOTHETICAL_AUX:
            return "hypothetical"
        if child.dep_ == "aux" and word in FUTURE_AUX:
            return "future"
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children):
        return "hypothetical"
    return None
