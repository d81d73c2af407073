"""Hand-made records for stores that the API, dashboard, CLI and query tests serve (no model
needed), and `write_store` to build such a store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from communique.model import Article, ArticleDoc, Entity, Event, Mention, Party, Quote
from communique.store import Store
from communique.store.clusters import cluster_events

D = dt.date
SEED = 'Prime Minister David Cameron met Vladimir Putin in Moscow. "We will talk," Cameron said.'
CAMERON = Party(name="David Cameron", text="Prime Minister David Cameron", country="GBR", sector="GOV", entity="n-cam")
PUTIN = Party(name="Vladimir Putin", text="Vladimir Putin", country="RUS", sector="GOV", entity="n-put")


def event(eid, kind, actor, recipient, day, *, quad, text, rule="verb:meet"):
    return Event(
        id=eid, type=kind, cameo="040", actor=(actor,), recipient=(recipient,), text=text, start=0,
        end=len(text), goldstein=1.0, quad_class=quad, date=day, rule=rule,
    )  # fmt: skip


def seed_doc():
    """Cameron meets Putin in Moscow (2024-01-10): two people, one quote, one CONSULT."""
    first = SEED.index(".") + 1
    entities = (
        Entity(id="n-cam", name="David Cameron", kind="PERSON", country="GBR",
               mentions=(Mention(start=0, end=28, text=SEED[:28]), Mention(start=SEED.rindex("Cameron"), end=SEED.rindex("Cameron") + 7, text="Cameron"))),
        Entity(id="n-put", name="Vladimir Putin", kind="PERSON", country="RUS",
               mentions=(Mention(start=33, end=47, text="Vladimir Putin"),)),
    )  # fmt: skip
    quote = Quote(id="q-1", text='"We will talk,"', start=SEED.index('"'), end=SEED.index('"') + 15, kind="direct", cue="said", speaker=CAMERON)
    met = event("e-1", "CONSULT", CAMERON, PUTIN, D(2024, 1, 10), quad=1, text=SEED[:first])
    article = Article(id="a-1", text=SEED, title="Cameron in Moscow", date=D(2024, 1, 10), source="Reuters")
    return ArticleDoc(article=article, words=14, entities=entities, quotes=(quote,), events=(met,))


def write_store(path: Path, docs, *, duplicates: dict[str, str] | None = None, cluster: bool = True) -> Path:
    """A store of `docs` at `path`. Near-duplicate marks are exactly `duplicates` (article id ->
    the id it repeats; none by default), not what MinHash finds among hand-made texts; events
    are clustered as `ingest` does, unless `cluster` is False."""
    with Store(path) as store:
        store.write(docs)
        store.con.execute("UPDATE articles SET duplicate_of = NULL")
        for article_id, original in (duplicates or {}).items():
            store.con.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [original, article_id])
        if cluster:
            cluster_events(store.con)
    return path
