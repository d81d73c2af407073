"""Finding the resolved actor behind a stretch of text, for the stages that need parties."""

from __future__ import annotations

from bisect import bisect_left

from communique.model import ArticleDoc, Entity, Mention, Party


class MentionIndex:
    """Every entity mention of an article, sorted by start, for look-ups by offset."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        pairs = sorted(
            ((mention, entity) for entity in entities for mention in entity.mentions),
            key=lambda pair: (pair[0].start, pair[0].end),
        )
        self._starts = [mention.start for mention, _ in pairs]
        self._pairs = pairs
        self._longest = max((mention.end - mention.start for mention, _ in pairs), default=0)

    def best(self, start: int, end: int) -> tuple[Entity, Mention] | None:
        """The mention overlapping [start, end) most (the first such, in text order)."""
        best: tuple[int, Entity, Mention] | None = None
        first = bisect_left(self._starts, start - self._longest)
        for mention, entity in self._pairs[first : bisect_left(self._starts, end)]:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity, mention)
        return None if best is None else (best[1], best[2])


_last_index: tuple[tuple[Entity, ...], MentionIndex] | None = None


def _index_for(doc: ArticleDoc) -> MentionIndex:
    """The index of the article's mentions, built once per set of entities."""
    global _last_index  # noqa: PLW0603 (a one-entry cache: stages ask about one article at a time)
    if _last_index is None or _last_index[0] is not doc.entities:
        _last_index = (doc.entities, MentionIndex(doc.entities))
    return _last_index[1]


def mention_at(doc: ArticleDoc, start: int, end: int) -> tuple[Entity, Mention] | None:
    """The entity mention that best covers [start, end): the one overlapping it most."""
    return _index_for(doc).best(start, end)


def party_from(entity: Entity, mention: Mention) -> Party:
    """The contract's Party for one mention of an entity."""
    return Party(
        name=entity.name,
        text=mention.text,
        country=entity.country,
        sector=entity.sector,
        role=entity.role,
        entity=entity.id,
    )


def party_at(doc: ArticleDoc, start: int, end: int) -> Party | None:
    """The Party mentioned at [start, end), if an entity covers it."""
    found = mention_at(doc, start, end)
    return None if found is None else party_from(*found)
