"""Hand-made records for stores that the API and dashboard tests serve (no model needed)."""

from __future__ import annotations

import datetime as dt

from communique.model import Article, ArticleDoc, Entity, Event, Mention, Party, Quote

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
