"""Finding the resolved actor behind a stretch of text, for the stages that need parties."""

from __future__ import annotations

from communique.model import ArticleDoc, Entity, Mention, Party


def mention_at(doc: ArticleDoc, start: int, end: int) -> tuple[Entity, Mention] | None:
    """The entity mention that best covers [start, end): the one overlapping it most."""
    best: tuple[int, Entity, Mention] | None = None
    for entity in doc.entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity, mention)
    return None if best is None else (best[1], best[2])


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
