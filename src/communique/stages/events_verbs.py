"""Look up the CAMEO code of a verb (and the words around it) in the packaged verb dictionary.

`resources/verbs.json` is built by `scripts/build_verbs.py` from the CAMEO verb pattern
dictionary. Patterns are bags of words: a pattern matches when all its words occur in the
verb's phrase; the most specific matching pattern wins. A pattern made only of a particle
or preposition ('call * (for)', 'call * (on)') says nothing as a bag of words, so it
matches only that word attached to the verb itself ('called on Yemen to ...'), and it is
tried before the verb's default code. Loaded once per process, lazily.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from communique.stages.events_lexicon import CORE_NOUNS, CORE_VERBS, NO_EVENT_VERBS

Alternatives = tuple[frozenset[str], ...]  # one pattern slot: any of these phrases (a synonym set)
# A pattern made only of these says too little on a bag of words ("push ... against").
_FUNCTION_WORDS = frozenset(
    "to of in on at by for with from against into over about up out off down back away "
    "the a an and or not no this that it its their his her they he she we you as than".split()
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    slots: tuple[Alternatives, ...]
    code: str | None
    attached: bool = False  # a particle pattern: its word must be the verb's own particle
    # Every word of each slot's phrases: a phrase can match only if the phrase's words share
    # one with them, a fast first test (most patterns fail it).
    anchors: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True, slots=True)
class _VerbEntry:
    code: str | None
    patterns: tuple[_Pattern, ...]
    own: bool  # the dictionary codes this verb itself, not only its synonym block


@cache
def _dictionary() -> dict[str, _VerbEntry]:
    text = resources.files("communique.resources").joinpath("verbs.json").read_text("utf-8")
    raw = json.loads(text)
    sets = {name: tuple(frozenset(w.split()) for w in words if w) for name, words in raw["sets"].items()}
    blocks = [_compile_block(block, sets) for block in raw["blocks"]]
    entries: dict[str, _VerbEntry] = {}
    for key, (index, own, has_own) in raw["verbs"].items():
        block_code, patterns = blocks[index]
        entries[key] = _VerbEntry(own if has_own else block_code, patterns, has_own)
    return entries


def _compile_block(block: dict, sets: dict[str, Alternatives]) -> tuple[str | None, tuple[_Pattern, ...]]:
    patterns = []
    for before, after, code in block["patterns"]:
        slots = tuple(sets.get(word, (frozenset({word}),)) for word in (*before, *after) if word)
        if not slots or not all(slots):
            continue
        if not all(_only_function_words(slot) for slot in slots):
            patterns.append(_Pattern(slots, code, anchors=tuple(frozenset().union(*slot) for slot in slots)))
        elif len(slots) == 1 and not before:
            patterns.append(_Pattern(slots, code, attached=True))
    # most specific first, so the first match is the best one
    patterns.sort(key=lambda pattern: -len(pattern.slots))
    return block["code"], tuple(patterns)


def _only_function_words(slot: Alternatives) -> bool:
    return all(phrase <= _FUNCTION_WORDS for phrase in slot)


def _matches(slot: Alternatives, words: frozenset[str]) -> bool:
    return any(phrase <= words for phrase in slot)


def verb_code(
    key: str, words: frozenset[str], particles: frozenset[str] = frozenset()
) -> tuple[str | None, str] | None:
    """(CAMEO code or None for 'no event', rule) for a verb key, the words of its phrase and
    the particles and prepositions attached to the verb.

    Returns None when neither the dictionary nor the core list knows the verb. The rule
    says whether the code is the verb's own ('verb-code:') or its synonym block's default
    ('verb-dictionary:'), which says less. A particle verb the dictionary does not list
    ('call on') is looked up as its verb with the particle attached.
    """
    if " " in key and key not in CORE_VERBS and key not in _dictionary():
        verb, particle = key.split(" ", 1)
        return verb_code(verb, words, particles | {particle})
    if key in NO_EVENT_VERBS:  # not even through the patterns of its synonym block
        return None
    entry = _dictionary().get(key)
    core = CORE_VERBS.get(key)
    if entry is not None:
        for pattern in entry.patterns:
            if _pattern_matches(pattern, words, particles) and _refines(pattern.code, core):
                words_text = "+".join(sorted(" ".join(sorted(slot[0])) for slot in pattern.slots))
                return pattern.code, f"verb-pattern:{key}:{words_text}"
    if key in CORE_VERBS:
        return CORE_VERBS[key], f"verb:{key}"
    if entry is not None and entry.code is not None:
        return entry.code, f"verb-{'code' if entry.own else 'dictionary'}:{key}"
    return None


def _pattern_matches(pattern: _Pattern, words: frozenset[str], particles: frozenset[str]) -> bool:
    if pattern.attached:
        return _matches(pattern.slots[0], particles)
    if any(anchor.isdisjoint(words) for anchor in pattern.anchors):
        return False
    return all(_matches(slot, words) for slot in pattern.slots)


def _refines(pattern_code: str | None, core_code: str | None) -> bool:
    """A synonym block's patterns come from all its verbs ('break off * negotiations' sits
    beside 'accuse'); for a verb of the core list, a pattern may refine its code within
    the same CAMEO root but not turn it into another kind of event."""
    if core_code is None or pattern_code is None:
        return True
    return pattern_code[:2] == core_code[:2]


def noun_code(lemma: str) -> tuple[str, str] | None:
    """(CAMEO code, rule) for an event noun such as 'talks' or 'sanctions'."""
    code = CORE_NOUNS.get(lemma)
    return None if code is None else (code, f"noun:{lemma}")
