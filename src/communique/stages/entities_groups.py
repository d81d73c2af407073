"""Group nominals: 'British officials', 'Russian police', 'the Assad regime', 'one person on
Cameron's delegation'. Coordinated demonyms before one head ("the British and Russian
security services") give one group per country; a group naming no country waits in
`Reader.pending` for its context's (see entities_context)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.kb import key_words, resolve_words
from communique.stages.entities_drafts import DETERMINERS, NO_CONTEXT, Draft, Reader, actor_draft
from communique.stages.entities_titles import read_titled, titled_reference

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

LINKED_HEADS = frozenset({"person", "people", "member", "one", "source", "man", "woman", "some", "many", "most"})
LINKING_PREPOSITIONS = frozenset({"on", "of", "from", "in", "at", "for"})


def read_group(reader: Reader, chunk: Span) -> None:
    """'British officials', 'Russian police', 'the Assad regime', 'one person on X's delegation'."""
    root = chunk.root
    if root.ent_type_ == "PERSON" or not reader.free(root.i, root.i + 1):
        return
    title, country = titled_reference(reader.kb, key_words(chunk.text))
    if title is not None:  # "the Russian president" now, before NER takes "Russian"; "the president" later
        if country is not None:
            read_titled(reader, chunk)
        return
    sector, end, modifiers = _agent_sector(reader, chunk), chunk.end, list(chunk[:-1])
    if sector is None:
        linked = _linked_agent(reader, root)
        if linked is None:
            _read_ethnic(reader, chunk)
            return
        sector, end, modifiers = linked[0], linked[1].right_edge.i + 1, list(linked[1].subtree)
    named = [t for t in modifiers if t.i != root.i]
    if end == chunk.end and _read_known_group(reader, chunk):
        return
    if end == chunk.end and _read_coordinated(reader, chunk, named, sector):
        return
    country = _modifier_country(reader, named)
    ethnic = any(t.lower_ == "ethnic" for t in chunk)
    if country is None or ethnic:
        if sector not in NO_CONTEXT and root.ent_type_ in ("", "NORP") and not _names_something(reader, named):
            reader.pending.append((chunk.start, end, sector, country))
        return
    start = chunk.start if end != chunk.end else _first_named(reader, chunk, country)
    reader.add(Draft(reader.kb.group_name(country, sector), "GROUP", country, sector, source="context"), start, end)


def _read_known_group(reader: Reader, chunk: Span) -> bool:
    """A group nominal the KB lists as a whole ("Jewish settlers" -> ISR, CVL) wins over context."""
    words = [w for w in key_words(chunk.text) if w not in DETERMINERS]
    actor = reader.kb.find_actor(" ".join(words)) if len(words) > 1 else None
    if actor is None or actor.kind == "PERSON" or not reader.free(chunk.start, chunk.end):
        return False
    reader.add(actor_draft(actor, reader.date), chunk.start, chunk.end)
    return True


def _names_something(reader: Reader, tokens: list[Token]) -> bool:
    """Whether a modifier is a name the KB does not place ("Fatah"): no context guess. A people
    spaCy took for a person and read_named left unclaimed ("Hutu rebels"), or for a place the
    KB does not know ("Shona rebels"), is no such name."""
    return any(
        t.pos_ == "PROPN" and t.ent_type_ not in ("", "NORP", "GPE", "LOC")
        and (t.ent_type_ != "PERSON" or t.i in reader.claimed) and not names_a_stance(t)
        for t in tokens
    )


def _read_ethnic(reader: Reader, chunk: Span) -> None:
    """'ethnic Albanians', 'ethnic Turks': a people (CVL) where the sentence places them."""
    words = key_words(chunk.text)
    if "ETHNIC" in words and words[-1] in reader.kb.country_keys and reader.free(chunk.start, chunk.end):
        reader.pending.append((chunk.start, chunk.end, "CVL", reader.kb.country_keys[words[-1]]))


def _read_coordinated(reader: Reader, chunk: Span, named: list[Token], sector: str) -> bool:
    """'the British and Russian security services': one group per country, each its own mention.

    The last country's mention runs to the head noun; the others cover their own words.
    """
    found = [(t, _token_country(reader, t)) for t in named if t.text[:1].isupper()]
    found = [(t, c) for t, c in found if c is not None]
    if len({c for _, c in found}) < 2 or not any(t.dep_ == "cc" for t in named):
        return False
    for number, (token, country) in enumerate(found):
        start = chunk.start if number == 0 else token.i
        end = chunk.end if number == len(found) - 1 else token.i + 1
        draft = Draft(reader.kb.group_name(country, sector), "GROUP", country, sector, source="context")
        reader.add(draft, start, end)
    return True


def _token_country(reader: Reader, token: Token) -> str | None:
    owner = _owner(reader, token)
    if owner is not None:
        return owner.country
    return reader.kb.country_keys.get(" ".join(key_words(token.text)))


def _first_named(reader: Reader, chunk: Span, country: str) -> int:
    """Where a group nominal starts: its first word naming the country (and a 'the' before it)."""
    for token in chunk[:-1]:
        owner = _owner(reader, token)
        named = owner.country if owner else reader.kb.country_keys.get(" ".join(key_words(token.text)))
        if named == country:
            before = token.i - 1
            return before if before >= chunk.start and reader.parsed[before].dep_ == "det" else token.i
    return chunk.start


def _agent_sector(reader: Reader, chunk: Span) -> str | None:
    """The sector of a chunk's head noun (two-word heads first: 'security services')."""
    root = chunk.root
    agents = reader.kb.agents
    if root.i > chunk.start:
        pair = " ".join(key_words(reader.parsed[root.i - 1 : root.i + 1].text))
        if pair in agents:
            return agents[pair]
    return agents.get(" ".join(key_words(root.text)))


def _linked_agent(reader: Reader, root: Token) -> tuple[str, Token] | None:
    """For 'one person on Cameron's delegation': the sector of the noun the head belongs to."""
    if root.lemma_.lower() not in LINKED_HEADS:
        return None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in LINKING_PREPOSITIONS:
            for obj in child.children:
                sector = reader.kb.agents.get(" ".join(key_words(obj.text)))
                if obj.dep_ == "pobj" and sector is not None:
                    return sector, obj
    return None


def _modifier_country(reader: Reader, tokens: list[Token]) -> str | None:
    """The country a group's modifiers name: a demonym, a country, or a known person's."""
    words: list[str] = []
    tokens = [t for t in tokens if not names_a_stance(t)]
    for token in tokens:
        owner = _owner(reader, token)
        if owner is not None and owner.country:
            return owner.country
        if token.text[:1].isupper() and not _capitalised_by_position(reader, token):  # "British", "Cameron's"
            words.extend(key_words(token.text))
    words = [w for w in words if w not in DETERMINERS]
    country = resolve_words(reader.kb, words, reader.date).country if words else None
    if country is None and len(words) == 1:  # "Chenchen refugees": a misspelt demonym
        country = reader.kb.misspelt_country(words[0])
    return country or _place_country(reader, tokens)


def _capitalised_by_position(reader: Reader, token: Token) -> bool:
    """A common word written with a capital only because it starts the sentence ("Young
    supporters": not the Uruguayan town of Young); a demonym there is still one ("Ghanaian
    authorities")."""
    if not token.is_sent_start or token.pos_ == "PROPN" or token.ent_type_:
        return False
    return " ".join(key_words(token.text)) not in reader.kb.country_keys


def names_a_stance(token: Token) -> bool:
    """'Syria' in 'anti-Syria journalist', 'Russian' in 'pro-Russian separatists': the party's
    stance towards a country, not its country."""
    doc, i = token.doc, token.i
    before = doc[i - 2 : i] if i >= 2 and doc[i - 1].text == "-" else doc[max(i - 1, 0) : i]
    return len(before) > 0 and before[0].lower_ in ("anti", "pro")


def _place_country(reader: Reader, tokens: list[Token]) -> str | None:
    """The country of a known place among the modifiers ("Ankara's district administration")."""
    for token in tokens:
        place = reader.kb.places.get(" ".join(key_words(token.text))) if token.ent_type_ in ("GPE", "LOC") else None
        if place is not None:
            return place[1]
    return None


def _owner(reader: Reader, token: Token) -> Draft | None:
    if token.i not in reader.claimed:
        return None
    for draft in reader.drafts.values():
        if draft.kind == "PERSON" and any(m.start <= token.idx < m.end for m in draft.mentions):
            return draft
    return None
