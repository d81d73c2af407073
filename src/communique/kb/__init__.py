"""Actor knowledge base: who an actor is, in which country and sector, with which office when.

    from communique.kb import resolve_text
    resolve_text("Prime Minister Vladimir Putin", date=datetime.date(2011, 9, 13))
    # Party(name='Vladimir Putin', country='RUS', sector='GOV', role='prime minister', ...)
"""

from __future__ import annotations

from communique.kb.normalize import key_words, name_key
from communique.kb.resolve import Hit, Reading, resolve_text, resolve_words, scan
from communique.kb.store import Actor, KnowledgeBase, Period, load_kb

__all__ = [
    "Actor",
    "Hit",
    "KnowledgeBase",
    "Period",
    "Reading",
    "key_words",
    "load_kb",
    "name_key",
    "resolve_text",
    "resolve_words",
    "scan",
]
