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

This module is the stage and its order of reading; the parts live beside it:

- entities_drafts: `Draft` and `Reader` (per-article state, merging same-named drafts),
  `actor_draft` and `to_entity`;
- entities_named: spaCy's named entities and the names NER missed (people, countries,
  known actors, unknown organisations);
- entities_places: places, homonymous towns, capitals acting as governments;
- entities_titles: titles before names and titled references;
- entities_groups: group nominals and coordinated demonyms;
- entities_references: bare surnames, titled references and "he"/"she";
- entities_context: context countries for groups and titled people, "it"/"they".
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from communique.config import Settings
from communique.kb import load_kb
from communique.kb.normalize import name_key
from communique.model import ArticleDoc
from communique.stages.entities_context import read_context_groups, read_thing_pronouns
from communique.stages.entities_drafts import Draft, Reader, to_entity
from communique.stages.entities_groups import read_group
from communique.stages.entities_named import is_known_body, is_known_surname, read_missed_names, read_named
from communique.stages.entities_references import read_references, read_surnames

from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["NER_LABELS", "Draft", "EntityStage", "Reader"]

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def split_possessive(ent: Span) -> list[Span]:
    """An entity NER ran across a possessive is two: "Osama bin Laden’s al-Qaeda" is the owner
    and what is owned (the tagger keeps them apart with a straight "'s", not always with "’s")."""
    inside = [t.i for t in ent[1:-1] if t.tag_ == "POS"]
    if not inside:
        return [ent]
    cut = inside[0]
    return [Span(ent.doc, ent.start, cut, label=ent.label_), Span(ent.doc, cut + 1, ent.end, label=ent.label_)]


# Heads of an apposition that describes a person ("Oshima, the UN relief coordinator").
PERSON_NOUNS = frozenset({
    "coordinator", "spokesman", "spokeswoman", "spokesperson", "official", "leader", "chief", "head",
    "director", "adviser", "advisor", "chairman", "chairwoman", "founder", "editor", "envoy",
    "negotiator", "minister", "president", "secretary", "ambassador", "commander", "general",
    "governor", "mayor", "lawmaker", "senator", "activist", "lawyer", "judge", "prosecutor",
})  # fmt: skip


def person_by_apposition(ent: Span) -> Span:
    """A place NER took for a name that an apposition describes as a person is a person, with
    the given names before it: "Kenzo Oshima, the UN relief coordinator" (NER: GPE "Oshima")."""
    if ent.label_ not in ("GPE", "LOC"):
        return ent
    described = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS and c.i > ent.end for c in ent.root.children)
    if not described:
        return ent
    start = ent.start
    while start > 0 and ent.doc[start - 1].dep_ == "compound" and ent.doc[start - 1].pos_ == "PROPN" and not ent.doc[start - 1].ent_type_:
        start -= 1
    return Span(ent.doc, start, ent.end, label="PERSON")


def split_known_person(reader: Reader, ent: Span) -> list[Span]:
    """A place or body NER ran into a known person's name is two: "Hong Kong Carrie Lam" is the
    place and the person (a name of two words or more that the KB has as a person)."""
    if ent.label_ == "PERSON" or len(ent) < 3:
        return [ent]
    for cut in range(ent.start + 1, ent.end - 1):
        actor = reader.kb.find_actor(name_key(ent.doc[cut : ent.end].text))
        if actor is not None and actor.kind == "PERSON":
            return [Span(ent.doc, ent.start, cut, label=ent.label_), Span(ent.doc, cut, ent.end, label="PERSON")]
    return [ent]


class EntityStage:
    """Resolve the actors of an article: `EntityStage(settings)(doc, parsed)`."""

    name = "entities"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.kb = load_kb(tuple(settings.actor_files))

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:
        reader = Reader(self.kb, parsed, doc.article.date)
        ents = [
            part for ent in parsed.ents if ent.label_ in NER_LABELS
            for whole in split_possessive(ent) for part in split_known_person(reader, person_by_apposition(whole))
        ]  # fmt: skip
        lone = [ent for ent in ents if len(ent) == 1 and (ent.label_ == "PERSON" or is_known_surname(reader, ent))]
        named = [ent for ent in ents if ent not in lone]
        for ent in named:
            if ent.label_ == "PERSON" or is_known_body(reader, ent):
                read_named(reader, ent)
        for chunk in parsed.noun_chunks:
            read_group(reader, chunk)
        reserved = {i for start, end, _, _ in reader.pending for i in range(start, end)}
        for ent in named:
            if reader.free(ent.start, ent.end) and reserved.isdisjoint(range(ent.start, ent.end)):
                read_named(reader, ent)
        read_missed_names(reader)
        read_surnames(reader)
        for ent in lone:  # a bare surname: the article's person of that name first ("Lam")
            if reader.free(ent.start, ent.end):
                read_named(reader, ent)
        read_references(reader)
        read_context_groups(reader)
        read_thing_pronouns(reader)
        entities = tuple(to_entity(doc.article.id, draft) for draft in reader.drafts.values())
        return dataclasses.replace(doc, entities=entities)
