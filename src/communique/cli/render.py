"""Readable tables of one analysed article, for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.contract import JSON


def render_article(data: JSON, console: Console) -> None:
    """Print an article's entities, events, quotes, dates and amounts as tables."""
    article = data["article"]
    date = article.get("date") or "no date"
    heading = Text(f"{article.get('title') or article['id']}", style="bold")
    heading.append(f"  ({date}, {article['words']} words)", style="")
    console.print(heading)
    _print_table(console, "Entities", ("name", "kind", "country", "sector", "role", "mentions"),
                 [_entity_cells(e) for e in data["entities"]])
    _print_table(console, "Events", ("type", "cameo", "actor", "recipient", "negated", "date", "evidence"),
                 [_event_cells(e) for e in data["events"]])
    _print_table(console, "Quotes", ("speaker", "kind", "cue", "text"),
                 [_quote_cells(q) for q in data["quotes"]])
    _print_table(console, "Dates", ("text", "value", "granularity", "note"),
                 [(d["text"], d["value"] or "", d["granularity"] or "", d["note"] or "") for d in data["dates"]])
    _print_table(console, "Amounts", ("text", "value", "currency", "unit"),
                 [(a["text"], f"{a['value']:,.0f}", a["currency"] or "", a["unit"]) for a in data["amounts"]])


def _print_table(console: Console, title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if not rows:
        console.print(f"{title}: none")
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))  # Text: "[...]" in quotes is not markup
    console.print(table)


def _entity_cells(entity: JSON) -> tuple[str, ...]:
    place = entity.get("place")
    kind = entity["kind"]
    if place and place.get("latitude") is not None:
        kind = f"{kind} ({place['latitude']:.2f}, {place['longitude']:.2f})"
    mentions = ", ".join(sorted({m["text"] for m in entity["mentions"]}))
    return (entity["name"], kind, entity["country"] or "", entity["sector"] or "",
            entity["role"] or "", mentions)


def _parties(parties: list[JSON]) -> str:
    return ", ".join(f"{p['name']} [{p['country'] or '?'}{'/' + p['sector'] if p['sector'] else ''}]" for p in parties)


EVIDENCE_CHARS = 160


def _shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _event_cells(event: JSON) -> tuple[str, ...]:
    return (event["type"] + (f" ({event['mode']})" if event["mode"] else ""), event["cameo"],
            _parties(event["actor"]), _parties(event["recipient"]),
            "yes" if event["negated"] else "", event["date"] or "", _shorten(event["text"]))


def _quote_cells(quote: JSON) -> tuple[str, ...]:
    speaker = quote["speaker"]
    who = _parties([speaker]) if speaker else "?"
    return (who, quote["kind"], quote["cue"] or "", _shorten(quote["text"]))
