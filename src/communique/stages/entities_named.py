"""Named mentions: spaCy's named entities and the names it missed, resolved against the KB.

A person (known by name, surname or a variant spelling; else unknown with the codes of the
title, description or apposition around the name), a country, a known actor, a place, or an
unknown organisation; country names and organisation acronyms NER left untagged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.kb import Actor, KnowledgeBase, key_words, resolve_words
from communique.kb.resolve import Reading
from communique.kb.titles import TITLES
from communique.stages.entities_drafts import DETERMINERS, NO_CONTEXT, Draft, Reader, actor_draft
from communique.stages.entities_places import is_capital, place_draft
from communique.stages.entities_titles import title_before, with_title

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

DIRECTIONS = frozenset({
    "NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL",
    "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST", "NORTHEASTERN", "NORTHWESTERN",
    "SOUTHEASTERN", "SOUTHWESTERN", "UPPER", "LOWER",
})
GENERIC_ENDS = frozenset({"PARTY", "GROUP", "MOVEMENT", "FACTION", "MILITIA", "ORGANIZATION", "ORGANISATION"})
PARTY_WORDS = frozenset({"PARTY"})  # an unknown name ending so is a party
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
LOCATIVE = frozenset({"in", "near"})  # "in Sivas": a place, whatever NER says
MEDIA_ARTICLES = frozenset({"LA", "EL", "LE", "DIE", "IL", "DER"})  # "La Prensa", "Die Welt"
MEDIA_WORDS = frozenset({"TIMES", "POST", "HERALD", "GAZETTE", "TRIBUNE", "DAILY"})
MEDIA_SECTOR = "JRN"  # media (MED is health services)
DESCRIBING = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "DET", "PART"})


def is_known_surname(reader: Reader, ent: Span) -> bool:
    return len(ent) == 1 and " ".join(key_words(ent.text)) in reader.surnames


def is_known_body(reader: Reader, ent: Span) -> bool:
    """An organisation the KB knows by this exact name ("the Moro Islamic Liberation Front"):
    read before group nominals, whose head noun ("Front") would otherwise claim it."""
    if ent.label_ not in ("ORG", "FAC", "NORP"):
        return False
    words = [w for w in key_words(ent.text) if w != "THE"]
    key = " ".join(words)
    actor = reader.kb.find_actor(key) if len(words) > 1 or only_a_name(reader.kb, key) else None
    return actor is not None and actor.kind != "PERSON"


def read_missed_names(reader: Reader) -> None:
    """Names spaCy left untagged: proper nouns outside any entity whose one to three words are a
    country's name ("Uzbekistan finally opened ..."), an organisation's acronym ("SPLM/A"), or a
    known organisation's name that is no common word, given name or place ("the pro-Iranian
    Hizbollah group")."""
    tokens = reader.parsed
    for token in tokens:
        if token.pos_ != "PROPN" or token.ent_type_ or token.i in reader.claimed:
            continue
        for end in range(min(token.i + 3, len(tokens)), token.i, -1):
            if reader.free(token.i, end) and not any(t.ent_type_ for t in tokens[token.i : end]):
                draft = _missed_name(reader, tokens[token.i : end])
                if draft is not None:
                    reader.add(draft, token.i, end)
                    break


def _missed_name(reader: Reader, span: Span) -> Draft | None:
    kb, key = reader.kb, " ".join(key_words(span.text))
    code = kb.country_keys.get(key)
    if code in kb.countries:
        return Draft(kb.country_name(code) or code, "COUNTRY", code, source="kb")
    acronym = span[0].text.isupper() and len(span[0].text) > 2
    if not acronym and not _distinctive_name(reader, span, key):
        return None
    actor = kb.find_actor(key)
    return actor_draft(actor, reader.date) if actor is not None and actor.kind != "PERSON" else None


def _distinctive_name(reader: Reader, span: Span, key: str) -> bool:
    """Whether capitalised proper nouns, not first in their sentence, can only be a name."""
    return (
        all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start for t in span)
        and only_a_name(reader.kb, key)
    )


def only_a_name(kb: KnowledgeBase, key: str) -> bool:
    """Whether a name key is no sector noun, place, given name or common English word."""
    return not any(key in words for words in (kb.agents, kb.places, kb.given_names, kb.common_words))


def read_named(reader: Reader, ent: Span) -> None:
    """One spaCy entity: a person, a known actor, a country, a place, or an unknown name."""
    words = key_words(ent.text)
    if not words:
        return
    if words[0] == "THE":
        words = words[1:]
    words = _without_direction(reader.kb, words)
    key = " ".join(words)
    if not key:
        return
    if ent.label_ == "PERSON" and _names_people(reader, ent, key):
        return  # "Hutu rebels", "Karen guerrillas": a people modifying a group noun (read_group)
    if ent.label_ == "PERSON" and _read_not_person(reader, ent, key):
        return
    if len(words) == 1 and key in reader.surnames:
        person = reader.drafts[reader.surnames[key]]
        reader.add(person, *with_title(reader, ent))
        return
    if ent.label_ == "PERSON" and not _names_peoples(reader.kb, words) and not _names_capital(reader.kb, key):
        read_person(reader, ent, key)
    elif key in reader.kb.country_keys:
        code = reader.kb.country_keys[key]
        home = country_after(reader, ent.end) if ent.label_ == "NORP" else None
        if home not in (None, code):  # "the Albanians of southern Serbia": a people where they live
            draft = Draft(reader.kb.group_name(home, "CVL"), "GROUP", home, "CVL", source="context")
            reader.add(draft, ent.start, _phrase_end(reader, ent.end))
            return
        kind, sector = ("ORG", "IGO") if code in reader.kb.igo else ("COUNTRY", None)
        reader.add(Draft(reader.kb.country_name(code) or code, kind, code, sector, source="kb"), ent.start, ent.end)
    else:
        read_other(reader, ent, key)


def _without_direction(kb: KnowledgeBase, words: list[str]) -> list[str]:
    """'Western Cambodia', 'south Lebanon' -> the country or place; 'South Africa' stays."""
    key = " ".join(words)
    if len(words) < 2 or words[0] not in DIRECTIONS or key in kb.country_keys or key in kb.places:
        return words
    rest = " ".join(words[1:])
    return words[1:] if rest in kb.country_keys or rest in kb.places else words


def _names_people(reader: Reader, ent: Span, key: str) -> bool:
    """A one-word 'person' modifying a sector noun and naming no one known: a people's name."""
    root = ent.root
    if len(ent) != 1 or root.dep_ not in MODIFIER_DEPS or key in reader.surnames:
        return False
    if key in reader.kb.country_keys or reader.kb.find_actor(key) is not None or key in reader.kb.surnames:
        return False
    head, agents = root.head, reader.kb.agents
    after = reader.parsed[ent.end] if ent.end < len(reader.parsed) else head
    spans = (head, after, reader.parsed[max(head.i - 1, 0) : head.i + 1])
    return any(" ".join(key_words(span.text)) in agents for span in spans)


def _read_not_person(reader: Reader, ent: Span, key: str) -> bool:
    """A 'person' no one known is called that is a place after "in"/"near" ("in Sivas"), a
    newspaper ("La Prensa") or the owner of a group ("Zoran Djindjic's opposition coalition")."""
    kb = reader.kb
    if kb.find_actor(key) is not None or key in kb.surnames or key in reader.surnames:
        return False
    place = kb.places.get(key)
    if place is not None and ent.start > 0 and reader.parsed[ent.start - 1].lower_ in LOCATIVE:
        reader.add(place_draft(reader, ent, place), ent.start, ent.end)
        return True
    words = key.split()
    if is_media_name(words) and words[-1] not in reader.surnames and title_before(reader, ent.start)[0] is None:
        reader.titled.append(reader.add(Draft(ent.text.strip(), "ORG", None, MEDIA_SECTOR, source="context"), ent.start, ent.end))
        return True
    return _read_owned_group(reader, ent, key)


def is_media_name(words: list[str]) -> bool:
    """'La Prensa', 'Die Welt', 'Daily Nation', 'Jakarta Post': a newspaper's name."""
    if len(words) == 2 and words[0] in MEDIA_ARTICLES:
        return True
    return len(words) > 1 and (words[-1] in MEDIA_WORDS or words[0] == "DAILY")


def _read_owned_group(reader: Reader, ent: Span, key: str) -> bool:
    """An unknown person's group ("Zoran Djindjic's opposition coalition") is a group of the
    context's country, sector from the group noun (read_group); the person is no actor there."""
    root, kb = ent.root, reader.kb
    head = root.head
    if root.dep_ != "poss" or not ent.end <= head.i <= ent.end + 3 or not reader.free(ent.start, head.i + 1):
        return False
    words = [w for w in key_words(reader.parsed[ent.end : head.i + 1].text) if w != "S"]
    sector = kb.agents.get(" ".join(words[-2:])) if len(words) > 1 else None
    sector = sector or kb.agents.get(words[-1] if words else "")
    if sector is None or sector in NO_CONTEXT or _known_person(reader, key, None) is not None:
        return False
    return True


def _names_capital(kb: KnowledgeBase, key: str) -> bool:
    """A 'person' that is a capital and no one the KB knows ("Rabat")."""
    place = kb.places.get(key)
    return place is not None and is_capital(kb, place) and kb.find_actor(key) is None and key not in kb.surnames


def _names_peoples(kb: KnowledgeBase, words: list[str]) -> bool:
    """A 'person' that is a country or demonyms only ("Benin", "Bosnian Serbs")."""
    return " ".join(words) in kb.country_keys or all(w in kb.country_keys for w in words)


def read_person(reader: Reader, ent: Span, key: str) -> None:
    """A person: known by name, surname or a variant spelling, else unknown with the context's codes."""
    start, end = with_title(reader, ent)
    title, country = title_before(reader, ent.start)
    country = country or country_after(reader, ent.end)  # "King Hassan of Morocco"
    actor = _known_person(reader, key, country or _stated_country(reader, start))
    if actor is not None:
        draft = actor_draft(actor, reader.date)
        if title and (not actor.periods or draft.sector is None):  # no office known then: the title tells
            draft.sector, draft.role = draft.sector or title[0], title[1]
        _in_igo(reader, draft, ent, start)
    else:
        draft = Draft(ent.text.strip(), "PERSON", country=country, source="ner")
        if title:
            draft.sector, draft.role = title
        described = description_before(reader, start)
        if described is not None:  # "the former KGB agent Andrei Lugovoi" -> RUS, ELI
            draft.country = draft.country or described.country
            if described.sector is not None and (not title or described.sector == "ELI"):
                draft.sector, draft.role = described.sector, draft.role if described.sector != "ELI" else None
            draft.source = "context"
        _described_after(reader, ent, draft)
    kept = reader.add(draft, start, end)
    if actor is None and title and kept.country is None:  # "President X", no country: see entities_context
        reader.titled.append(kept)


def country_after(reader: Reader, end: int) -> str | None:
    """The country of "of <country>" right after token `end` ("King Hassan of Morocco")."""
    tokens = reader.parsed
    if end + 1 >= len(tokens) or tokens[end].lower_ != "of":
        return None
    head = next((c for c in tokens[end].children if c.dep_ == "pobj"), None)
    if head is None:
        return None
    for first in range(head.left_edge.i, head.i + 1):  # the whole phrase names it, or its end does
        words = _without_direction(reader.kb, [w for w in key_words(tokens[first : head.i + 1].text) if w != "THE"])
        code = reader.kb.country_keys.get(" ".join(words))
        if code in reader.kb.countries:
            return code
    return None


def _phrase_end(reader: Reader, end: int) -> int:
    """The end of "of <place>" after token `end`, for a mention that includes it."""
    of = reader.parsed[end]
    objects = [c for c in of.children if c.dep_ == "pobj"]
    return objects[0].right_edge.i + 1 if objects else end


def _described_after(reader: Reader, ent: Span, draft: Draft) -> None:
    """An unknown person's apposition: 'Salaheddine Sidhoum, Algeria's leading human rights
    activist' -> DZA and the activist's sector, where the name gave none; 'Jan Egeland, the UN
    relief coordinator' -> UN, IGO."""
    found = apposition(reader, ent)
    if found is None or found.country is None:
        return
    if found.country in reader.kb.countries:
        draft.country = draft.country or found.country
        draft.sector = draft.sector or (found.sector if found.sector not in ("UNK", "JNK") else None)
    elif draft.country is None:
        draft.country, draft.sector = found.country, "IGO"
    draft.source = "context"


def apposition(reader: Reader, ent: Span) -> Reading | None:
    """What the apposition around a name says of the person ('X, the UN relief coordinator';
    'the deputy governor of the Tyumen region, X'); None when there is none, or when it names
    another person."""
    appos = next((c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end), None)
    if appos is not None:
        span = reader.parsed[appos.left_edge.i : appos.i + 1]
    elif ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
        described = ent.root.head
        while described.dep_ == "pobj" and described.head.dep_ == "prep":  # 'the mayor of *New Orleans*, X'
            described = described.head.head
        span = reader.parsed[described.left_edge.i : ent.start]
    else:
        return None
    words = [w for w in key_words(span.text) if w not in DETERMINERS]
    if not words or any(t.ent_type_ == "PERSON" for t in span):
        return None
    return resolve_words(reader.kb, words, reader.date)


def description_before(reader: Reader, start: int) -> Reading | None:
    """What the words of the name's own phrase before it say: 'the former KGB agent' X.

    'former' or 'ex-' makes the person ELI (a former official or agent), as in resolve_words.
    """
    tokens, first = reader.parsed, start
    while first > 0 and start - first < 6 and tokens[first - 1].pos_ in DESCRIBING:
        first -= 1
        if tokens[first].pos_ == "DET":
            break
    words = [w for w in key_words(tokens[first:start].text) if w not in DETERMINERS]
    if not words:
        return None
    acronyms = frozenset(t.text for t in tokens[first:start] if t.text.isupper() and len(t.text) > 1)
    found = resolve_words(reader.kb, words, reader.date, acronyms)
    return None if found.country is None and found.sector is None else found


def _in_igo(reader: Reader, draft: Draft, ent: Span, start: int) -> None:
    """An office in an IGO, before the name or in apposition, gives the IGO's code: 'the UN relief
    coordinator Jan Egeland', 'Jan Egeland, the UN relief coordinator' -> UN."""
    for described in (description_before(reader, start), apposition(reader, ent)):
        if described is not None and described.country and described.country not in reader.kb.countries:
            draft.country, draft.sector = described.country, "IGO"
            return


def _surname_actor(kb: KnowledgeBase, key: str) -> Actor | None:
    index = kb.surnames.get(key)
    return None if index is None else kb.actor(index)


def _known_person(reader: Reader, key: str, stated: str | None) -> Actor | None:
    """The KB person a name means; none when the text places them in another country.

    "Moroccan King Hassan" is not Jordan's Hassan: he stays an unknown person of Morocco.
    """
    kb = reader.kb
    words = [w for w in key.split() if w not in TITLES] or key.split()
    actor = kb.find_actor(key) or _surname_actor(kb, key) or kb.find_variant(words)
    if actor is None or actor.kind != "PERSON" or stated is None or stated not in kb.countries:
        return actor
    own = actor.at(reader.date)[0]
    return actor if own in (None, stated) or own not in kb.countries else None


def _stated_country(reader: Reader, start: int) -> str | None:
    """The country the words of the name's own phrase before it name ("Moroccan King" Hassan)."""
    described = description_before(reader, start)
    return None if described is None else described.country


def read_other(reader: Reader, ent: Span, key: str) -> None:
    """ORG, GPE, LOC, FAC, NORP that is not a country name: actor, place or unknown org."""
    kb = reader.kb
    actor = kb.find_actor(key)
    words = key.split()
    if actor is None and len(words) > 1 and words[-1] in GENERIC_ENDS:  # "the Fatah Party"
        actor = kb.find_actor(" ".join(words[:-1]))
    if actor is not None:
        reader.add(actor_draft(actor, reader.date), ent.start, ent.end)
        return
    place = kb.places.get(key)
    if ent.label_ not in ("GPE", "LOC", "FAC") and not (place and is_capital(kb, place)):
        place = None
    if place is not None:  # a capital tagged ORG is still a place unless it acts
        reader.add(place_draft(reader, ent, place), ent.start, ent.end)
        return
    person = kb.find_variant(key.split()) if len(key.split()) > 1 else None
    if person is not None:  # a person's name spelt differently and tagged as something else
        reader.add(actor_draft(person, reader.date), ent.start, ent.end)
    elif ent.label_ == "ORG":
        read_unknown_org(reader, ent, key)
    elif ent.label_ in ("NORP", "PERSON"):  # "Bosnian Serbs"
        found = resolve_words(kb, key.split(), reader.date)
        if found.country is not None:
            reader.add(Draft(ent.text.strip(), "GROUP", found.country, found.sector), ent.start, ent.end)


def read_unknown_org(reader: Reader, ent: Span, key: str) -> None:
    """An organisation the KB does not know. A party's name with a gloss in parentheses
    ("the Umma (Nation) party") runs to the word "party"; an unknown party (PTY) takes the
    country of its sentence, else the article's, like an unknown titled person."""
    end = _gloss_end(reader.parsed, ent)
    found = resolve_words(reader.kb, key.split(), reader.date)
    words = key_words(reader.parsed[ent.start : end].text)
    if found.country is None and found.sector is None and words[-1] in PARTY_WORDS:
        found.sector = "PTY"
    elif found.sector is None and is_media_name([w for w in words if w != "THE"]):  # "El Siglo"
        found.sector = MEDIA_SECTOR
    name = reader.parsed[ent.start : end].text.strip()
    draft = reader.add(Draft(name, "ORG", found.country, found.sector), ent.start, end)
    if draft.sector in ("PTY", MEDIA_SECTOR) and draft.country is None and draft not in reader.titled:
        reader.titled.append(draft)


def _gloss_end(parsed: Doc, ent: Span) -> int:
    """The end of a name cut inside a gloss: "Umma (Nation" + ") party" runs to "party"."""
    after = parsed[ent.end : ent.end + 2]
    opened = ent.text.count("(") > ent.text.count(")")
    if opened and len(after) == 2 and after[0].text == ")" and after[1].text.upper() in PARTY_WORDS:
        return ent.end + 2
    return ent.end
