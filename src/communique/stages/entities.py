"""The entities stage: every actor, country and place of an article, with all its mentions.

spaCy's named entities are resolved against the actor knowledge base (offices dated on the
article's day); then the stage adds what NER does not give: titles before names ("Foreign
Secretary William Hague"), group nominals ("British officials", "Russian police", "one
person on Cameron's delegation", "the Assad regime"), titled references ("the Prime
Minister", "the president of Armenia"), bare surnames, variant spellings of known people,
capitals acting as governments and pronouns; country names and organisation acronyms NER
missed, "<person> of <country>", "<people> of <place>" and appositions. Coordinated
demonyms before one head ("the British and Russian security services") give one group per
country; group nouns with no country take their context's (see entities_context).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.config import Settings
from communique.ids import record_id
from communique.kb import Actor, KnowledgeBase, key_words, load_kb, resolve_words
from communique.kb.resolve import Reading
from communique.kb.titles import TITLES
from communique.model import ArticleDoc, Entity, Mention, Place
from communique.stages.entities_context import context_country, gender, read_context_groups, read_thing_pronouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PRONOUNS = frozenset({"he", "she"})
DETERMINERS = frozenset({"THE", "A", "AN", "ONE", "SOME", "SEVERAL", "TWO", "THREE", "MANY"})
LINKED_HEADS = frozenset({"person", "people", "member", "one", "source", "man", "woman", "some", "many", "most"})
NO_CONTEXT = frozenset({"IGO", "NGO", "IMG", "UNK", "JNK", "NON"})  # sectors that take no context country
LINKING_PREPOSITIONS = frozenset({"on", "of", "from", "in", "at", "for"})
STATIVE = frozenset({"be", "have", "lie", "sit", "remain", "become", "look", "seem", "stand", "border"})  # places
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


@dataclass(slots=True)
class Draft:
    """An entity being assembled while the article is read."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    place: Place | None = None
    source: str = "ner"
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Reader:
    """Per-article state: drafts by name, claimed tokens, person mentions in order."""

    kb: KnowledgeBase
    parsed: Doc
    date: dt.date | None
    drafts: dict[str, Draft] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    surnames: dict[str, str] = field(default_factory=dict)  # SURNAME -> draft name
    people: list[tuple[int, str, bool]] = field(default_factory=list)  # (token, draft, main subject)
    pending: list[tuple[int, int, str, str | None]] = field(default_factory=list)  # groups awaiting a country
    titled: list[Draft] = field(default_factory=list)  # unknown titled people awaiting a country

    def add(self, draft: Draft, start_token: int, end_token: int) -> Draft:
        """Record a mention of `draft` over tokens [start, end); merge with a same-named draft."""
        span = self.parsed[start_token:end_token]
        mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
        kept = self.drafts.setdefault(draft.name, draft)
        kept.mentions.append(mention)
        self.claimed.update(range(start_token, end_token))
        if kept.kind == "PERSON":
            head = span.root
            self.people.append((start_token, kept.name, head.dep_ in SUBJECTS and head.head.dep_ == "ROOT"))
            words = key_words(kept.name)
            if len(words) > 1:
                self.surnames.setdefault(words[-1], kept.name)
        return kept

    def free(self, start: int, end: int) -> bool:
        return not self.claimed.intersection(range(start, end))


class EntityStage:
    """Resolve the actors of an article: `EntityStage(settings)(doc, parsed)`."""

    name = "entities"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.kb = load_kb(tuple(settings.actor_files))

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:
        reader = Reader(self.kb, parsed, doc.article.date)
        ents = [ent for ent in parsed.ents if ent.label_ in NER_LABELS]
        for ent in ents:
            if ent.label_ == "PERSON" or _is_known_surname(reader, ent) or _is_known_body(reader, ent):
                read_named(reader, ent)
        for chunk in parsed.noun_chunks:
            read_group(reader, chunk)
        reserved = {i for start, end, _, _ in reader.pending for i in range(start, end)}
        for ent in ents:
            if reader.free(ent.start, ent.end) and reserved.isdisjoint(range(ent.start, ent.end)):
                read_named(reader, ent)
        read_missed_names(reader)
        read_surnames(reader)
        read_references(reader)
        read_context_groups(reader)
        read_thing_pronouns(reader)
        entities = tuple(to_entity(doc.article.id, draft) for draft in reader.drafts.values())
        return dataclasses.replace(doc, entities=entities)


def _is_known_surname(reader: Reader, ent: Span) -> bool:
    return len(ent) == 1 and " ".join(key_words(ent.text)) in reader.surnames


def _is_known_body(reader: Reader, ent: Span) -> bool:
    """An organisation the KB knows by this exact name ("the Moro Islamic Liberation Front"):
    read before group nominals, whose head noun ("Front") would otherwise claim it."""
    if ent.label_ not in ("ORG", "FAC", "NORP"):
        return False
    words = [w for w in key_words(ent.text) if w != "THE"]
    actor = reader.kb.find_actor(" ".join(words)) if len(words) > 1 else None
    return actor is not None and actor.kind != "PERSON"


def read_missed_names(reader: Reader) -> None:
    """Names spaCy left untagged: proper nouns outside any entity whose one to three words are a
    country's name ("Uzbekistan finally opened ..."), or an organisation's acronym ("SPLM/A")."""
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
    if not (span[0].text.isupper() and len(span[0].text) > 2):
        return None
    actor = kb.find_actor(key)
    return actor_draft(actor, reader.date) if actor is not None and actor.kind != "PERSON" else None


def to_entity(article_id: str, draft: Draft) -> Entity:
    mentions = tuple(sorted(set(draft.mentions), key=lambda m: (m.start, m.end)))
    return Entity(
        id=record_id(article_id, "entity", draft.name), name=draft.name, kind=draft.kind,
        mentions=mentions, country=draft.country, sector=draft.sector, role=draft.role,
        place=draft.place, source=draft.source,
    )


# --- named entities ---------------------------------------------------------------------


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
    return place is not None and _is_capital(kb, place) and kb.find_actor(key) is None and key not in kb.surnames


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
        _in_igo(reader, draft, start)
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


DESCRIBING = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "DET", "PART"})


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
    activist' -> DZA and the activist's sector, where the name gave none."""
    for appos in (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end):
        span = reader.parsed[appos.left_edge.i : appos.i + 1]
        if any(t.ent_type_ == "PERSON" for t in span):
            return
        words = [w for w in key_words(span.text) if w not in DETERMINERS]
        found = resolve_words(reader.kb, words, reader.date) if words else None
        if found is not None and found.country in reader.kb.countries:
            draft.country = draft.country or found.country
            draft.sector = draft.sector or found.sector
            draft.source = "context"
        return


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


def _in_igo(reader: Reader, draft: Draft, start: int) -> None:
    """An office in an IGO gives the IGO's code: 'the UN relief coordinator Jan Egeland' -> UN."""
    described = description_before(reader, start)
    if described is not None and described.country and described.country not in reader.kb.countries:
        draft.country, draft.sector = described.country, "IGO"


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


def actor_draft(actor: Actor, date: dt.date | None) -> Draft:
    country, sector, role = actor.at(date)
    kind = actor.kind if actor.kind in ("PERSON", "ORG") else "ORG"
    return Draft(actor.name, kind, country, sector, role, source="kb")


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
    if ent.label_ not in ("GPE", "LOC", "FAC") and not (place and _is_capital(kb, place)):
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


def _is_capital(kb: KnowledgeBase, place: list) -> bool:
    return kb.capitals.get(" ".join(key_words(place[0]))) == place[1]


def place_draft(reader: Reader, ent: Span, place: list) -> Draft:
    """A place; a capital that acts ("Washington warned") stands for its government."""
    name, country, lat, lon = _place_in_context(reader, ent, place)
    acting = ent.root.dep_ in SUBJECTS and ent.root.head.lemma_ not in STATIVE
    if acting and _is_capital(reader.kb, place):
        return Draft(reader.kb.group_name(country, "GOV"), "ORG", country, "GOV", source="context")
    return Draft(name, "PLACE", country, place=Place(name=name, country=country, latitude=lat, longitude=lon))


def _place_in_context(reader: Reader, ent: Span, place: list) -> list:
    """A town name several countries share ("Tripoli"): the town of the first country its
    sentence names, else of the country the article names most, else the most populous."""
    others = reader.kb.homonyms.get(" ".join(key_words(place[0])))
    if not others:
        return place
    rows = {row[1]: row for row in (place, *others)}
    sent = ent.sent
    in_sentence = [c for c in _countries_named(reader, sent.start, sent.end, ent) if c in rows]
    if in_sentence:
        return rows[in_sentence[0]]
    in_article = Counter(c for c in _countries_named(reader, 0, len(reader.parsed), ent) if c in rows)
    return rows[in_article.most_common(1)[0][0]] if in_article else place


def _countries_named(reader: Reader, start: int, end: int, skip: Span) -> list[str]:
    """Countries named by the words (country names, demonyms) of tokens [start, end), in order."""
    keys, found = reader.kb.country_keys, []
    for token in reader.parsed[start:end]:
        if skip.start <= token.i < skip.end or not token.text[:1].isupper():
            continue
        pair = " ".join(key_words(reader.parsed[token.i : token.i + 2].text))
        code = keys.get(pair) or keys.get(" ".join(key_words(token.text)))
        if code:
            found.append(code)
    return found


def title_before(reader: Reader, start: int) -> tuple[tuple[str, str] | None, str | None]:
    """The title of office just before token `start` and the country named before it."""
    tokens = reader.parsed
    for size in (4, 3, 2, 1):
        first = start - size
        if first < 0 or not tokens[first].is_alpha:
            continue
        key = " ".join(key_words(tokens[first:start].text))
        if key in TITLES:
            country = None
            if first > 0:
                country = reader.kb.country_keys.get(" ".join(key_words(tokens[first - 1].text)))
            return TITLES[key], country
    return None, None


def with_title(reader: Reader, ent: Span) -> tuple[int, int]:
    """Token range of the entity extended left over its title ("President Dimitri Medvedev")."""
    tokens = reader.parsed
    for size in (4, 3, 2, 1):
        first = ent.start - size
        if first >= 0 and tokens[first].is_alpha and reader.free(first, ent.start):
            if " ".join(key_words(tokens[first : ent.start].text)) in TITLES:
                return first, ent.end
    return ent.start, ent.end


# --- group nominals -----------------------------------------------------------------------


def read_group(reader: Reader, chunk: Span) -> None:
    """'British officials', 'Russian police', 'the Assad regime', 'one person on X's delegation'."""
    root = chunk.root
    if root.ent_type_ == "PERSON" or not reader.free(root.i, root.i + 1):
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
        and (t.ent_type_ != "PERSON" or t.i in reader.claimed)
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
    if " ".join(key_words(chunk.text)).removeprefix("THE ") in TITLES:
        return None  # a titled reference ("the Prime Minister"), read later
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
    for token in tokens:
        owner = _owner(reader, token)
        if owner is not None and owner.country:
            return owner.country
        if token.text[:1].isupper():  # "British", "Cameron's"; not "the key suspect"
            words.extend(key_words(token.text))
    words = [w for w in words if w not in DETERMINERS]
    country = resolve_words(reader.kb, words, reader.date).country if words else None
    if country is None and len(words) == 1:  # "Chenchen refugees": a misspelt demonym
        country = reader.kb.misspelt_country(words[0])
    return country or _place_country(reader, tokens)


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


# --- surnames, titled references and pronouns ---------------------------------------------


def read_surnames(reader: Reader) -> None:
    """Bare surnames of people already named in full ('Hague said ...')."""
    if not reader.surnames:
        return
    for token in reader.parsed:
        if token.pos_ == "PROPN" and token.i not in reader.claimed:
            name = reader.surnames.get(" ".join(key_words(token.text)))
            if name is not None:
                reader.add(reader.drafts[name], token.i, token.i + 1)


def read_references(reader: Reader) -> None:
    """'The Prime Minister' -> the article's prime minister; 'he' -> the last main subject."""
    for chunk in reader.parsed.noun_chunks:
        if reader.free(chunk.start, chunk.end):
            read_titled(reader, chunk)
    reader.people.sort()
    for token in reader.parsed:
        if token.lower_ in PRONOUNS and token.i not in reader.claimed:
            name = antecedent(reader, token.i, "m" if token.lower_ == "he" else "f")
            if name is not None:
                reader.add(reader.drafts[name], token.i, token.i + 1)
                reader.people.sort()


def read_titled(reader: Reader, chunk: Span) -> None:
    """'the Prime Minister', 'the Armenian president', 'the president of Armenia'.

    The article's holder of that office (of that country, when one is named); with no such
    holder, the office stands for the sector of the country named, else of the context's
    country (see entities_context.context_country): "Government of Armenia".
    """
    words = [w for w in key_words(chunk.text) if w not in DETERMINERS]
    country = reader.kb.country_keys.get(words[0]) if len(words) > 1 else None
    title = TITLES.get(" ".join(words[1:] if country else words))
    if title is None:
        return
    country = country or _of_country(reader, chunk)
    matches = [
        d for d in reader.drafts.values()
        if d.kind == "PERSON" and d.role == title[1] and (country is None or d.country == country)
    ]
    if matches:
        best = max(matches, key=lambda d: len(d.mentions))
        reader.add(best, chunk.start, chunk.end)
    else:
        country = country or context_country(reader, chunk.start, chunk.end)
        if country in reader.kb.countries:
            sector, role = title
            draft = Draft(reader.kb.group_name(country, sector), "GROUP", country, sector, role, source="context")
            reader.add(draft, chunk.start, chunk.end)


def _of_country(reader: Reader, chunk: Span) -> str | None:
    """The country of "<title> of <country>" right after a chunk ("the president of Armenia")."""
    for prep in chunk.root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == chunk.end:
            for obj in prep.children:
                words = key_words(reader.parsed[obj.left_edge.i : obj.i + 1].text)
                key = " ".join(w for w in words if w != "THE")
                if obj.dep_ == "pobj" and key in reader.kb.country_keys:
                    return reader.kb.country_keys[key]
    return None


def antecedent(reader: Reader, index: int, sex: str | None = None) -> str | None:
    """The person a pronoun at token `index` most likely means; a known other gender is skipped."""
    before = [
        (i, name, main) for i, name, main in reader.people
        if i < index and gender(reader, reader.drafts[name]) in (None, sex)
    ]
    if not before:
        return None
    mains = [name for _, name, main in before if main]
    return mains[-1] if mains else before[-1][1]
