"""The Party behind a speaker phrase, through the article's resolved entities.

A named or titled speaker is the entity whose mention covers the phrase's head word
("Foreign Secretary William Hague" -> William Hague). A pronoun is the entity the entity
stage resolved it to; when it left the pronoun unresolved, the nearest preceding mention
of an entity of an agreeing kind stands in (a person for "he", "she" and "I"). A phrase
no entity covers ("one person on Cameron's delegation") is a Party named as written.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from communique.model import ArticleDoc, Entity, Mention, Party
from communique.parties import party_from

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PERSON_PRONOUNS = frozenset(("he", "she", "i", "him", "her"))
_GROUP_PRONOUNS = frozenset(("they", "we", "it"))
_GROUP_KINDS = frozenset(("ORG", "GROUP", "COUNTRY", "PERSON"))
PRONOUNS = _PERSON_PRONOUNS | _GROUP_PRONOUNS


class SpeakerFinder:
    """Looks speakers up among one article's entity mentions (sorted once)."""

    def __init__(self, doc: ArticleDoc, parsed: Doc):
        self.text = doc.article.text
        entities = doc.entities or _entities_from_parse(parsed)
        self.mentions = sorted(
            ((m.start, m.end, entity, m) for entity in entities for m in entity.mentions),
            key=lambda item: (item[0], item[1]),
        )
        self.starts = [item[0] for item in self.mentions]
        self.by_surname = {e.name.split()[-1]: e for e in entities if e.kind == "PERSON" and e.name}
        self.subjects: list[tuple[int, Entity, Mention]] = []  # people heading main clauses
        for sent in parsed.sents:
            self._note_subjects(sent.root)
        self.subject_starts = [item[0] for item in self.subjects]

    def _note_subjects(self, root: Token) -> None:
        verbs = [root, *(child for child in root.children if child.dep_ == "conj")]
        for verb in verbs:
            for child in verb.children:
                if child.dep_ != "nsubj":
                    continue
                if child.lower_ in _PERSON_PRONOUNS and self.subjects:
                    self.subjects.append((child.idx, *self.subjects[-1][1:]))
                    continue
                found = self._covering(child.idx, child.idx, child.idx + len(child.text))
                if found is None and child.text in self.by_surname:  # "Hague" after "William Hague"
                    mention = Mention(start=child.idx, end=child.idx + len(child.text), text=child.text)
                    found = (self.by_surname[child.text], mention)
                if found is not None and found[0].kind == "PERSON":
                    self.subjects.append((child.idx, *found))

    def party(self, start: int, end: int, head: int) -> tuple[Party, Mention]:
        """The Party and the speaker span as written for the phrase [start, end)."""
        head_end = _word_end(self.text, head)
        word = self.text[head:head_end]
        if word.lower() in PRONOUNS:
            return self._pronoun(head, head_end, word), Mention(start=head, end=head_end, text=word)
        written = self.text[start:end]
        covering = self._covering(head, start, end)
        if covering is None and word in self.by_surname:
            covering = (self.by_surname[word], Mention(start=head, end=head_end, text=word))
        if covering is None:
            party = Party(name=written, text=written)
        else:
            entity, mention = covering
            party = _with_text(party_from(entity, mention), written)
        return party, Mention(start=start, end=end, text=written)

    def _covering(self, head: int, start: int, end: int) -> tuple[Entity, Mention] | None:
        best: tuple[int, Entity, Mention] | None = None
        for index in range(bisect_right(self.starts, head) - 1, -1, -1):
            m_start, m_end, entity, mention = self.mentions[index]
            if m_end <= head:
                if head - m_start > 400:  # mentions are short; stop looking far back
                    break
                continue
            overlap = min(end, m_end) - max(start, m_start)
            if best is None or overlap > best[0]:
                best = (overlap, entity, mention)
        return None if best is None else (best[1], best[2])

    def _pronoun(self, start: int, end: int, word: str) -> Party:
        covering = self._covering(start, start, end)
        if covering is not None:  # the entity stage resolved the pronoun
            return _with_text(party_from(*covering), word)
        person = word.lower() in _PERSON_PRONOUNS
        antecedent = self._last_subject(start) if person else None
        if antecedent is None:
            antecedent = self._preceding(start, frozenset(("PERSON",)) if person else _GROUP_KINDS)
        if antecedent is None:
            return Party(name=word, text=word)
        return _with_text(party_from(*antecedent), word)

    def _last_subject(self, before: int) -> tuple[Entity, Mention] | None:
        """The person heading the last main clause before the pronoun, in recent text."""
        index = bisect_right(self.subject_starts, before - 1) - 1
        if index < 0 or before - self.subjects[index][0] > 1500:
            return None
        return self.subjects[index][1], self.subjects[index][2]

    def _preceding(self, before: int, kinds: frozenset[str]) -> tuple[Entity, Mention] | None:
        for index in range(bisect_right(self.starts, before) - 1, -1, -1):
            _, m_end, entity, mention = self.mentions[index]
            if m_end <= before and entity.kind in kinds and mention.text.lower() not in PRONOUNS:
                return entity, mention
        return None


def _with_text(party: Party, text: str) -> Party:
    return Party(
        name=party.name, text=text, country=party.country, sector=party.sector,
        role=party.role, entity=party.entity,
    )


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-."):
        end += 1
    while end > start + 1 and not text[end - 1].isalnum():
        end -= 1
    return max(end, start + 1)


def _entities_from_parse(parsed: Doc) -> tuple[Entity, ...]:
    """Stand-in entities from spaCy's own names, for a document the entity stage skipped."""
    kinds = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "COUNTRY", "NORP": "GROUP"}
    return tuple(
        Entity(
            id=f"ner-{ent.start_char}", name=ent.text, kind=kinds[ent.label_],
            mentions=(Mention(start=ent.start_char, end=ent.end_char, text=ent.text),),
        )
        for ent in parsed.ents
        if ent.label_ in kinds
    )
