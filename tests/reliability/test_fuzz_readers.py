"""Property tests: every reader, fed arbitrary or damaged bytes, yields Articles and
ReadFailures in place and never raises, and an Article always carries text.

Case counts: `pytest tests/reliability/test_fuzz_readers.py --hypothesis-show-statistics`.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.model import Article, ReadFailure
from communique.readers import iter_articles

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PROSE = "The foreign minister of France met the envoy of Germany on Monday to talk about trade."

# Pieces that make readers branch: markup, entities, BOMs, bidi and zero-width characters.
NASTY_TEXT = st.sampled_from([
    "<p>", "</p>", "<br>", "<script>", "&amp;", "&#0;", "&#x110000;", "&bogus;", "<![CDATA[", "]]>",
    "\ufeff", "\u200b", "\u200d", "\u202e", "\u2066", "\x00", "\r\n", "\r", "{", "}", '"', "\\",
    "\ud7ff", "\U0001f600", "\u0301", PROSE,
])
TEXTS = st.lists(st.one_of(st.text(max_size=40), NASTY_TEXT), max_size=25).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])


@st.composite
def encoded_texts(draw):
    """Text in an encoding a reader must guess, sometimes with a few raw bytes spliced in."""
    text = draw(TEXTS)
    data = text.encode(draw(ENCODINGS), errors="replace")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=16)) + data[cut:]
    return data


def read_all(path):
    items = list(iter_articles([path]))
    for item in items:
        assert isinstance(item, Article | ReadFailure)
        if isinstance(item, Article):
            assert item.text.strip() and item.id
        else:
            assert item.reason and "\n" not in item.reason
    return items


@FUZZ
@given(data=st.one_of(encoded_texts(), st.binary(max_size=400)))
def test_text_reader_never_raises(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert len(read_all(path)) == 1


@st.composite
def jsonl_files(draw):
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["good", "text", "value", "bytes"]))
        if kind == "good":
            record = {"id": draw(st.text(max_size=5)), "text": draw(TEXTS), "date": draw(st.text(max_size=12))}
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())).encode())
        elif kind == "value":
            value = draw(st.recursive(st.none() | st.integers() | st.text(max_size=5),
                                      lambda inner: st.lists(inner) | st.dictionaries(st.text(max_size=4), inner)))
            lines.append(json.dumps(value).encode())
        else:
            lines.append(draw(encoded_texts()) if kind == "text" else draw(st.binary(max_size=60)))
    return b"\n".join(lines)


@FUZZ
@given(data=jsonl_files())
def test_jsonl_reader_never_raises(tmp_path, data):
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    read_all(path)


@st.composite
def html_pages(draw):
    body = draw(st.lists(st.one_of(TEXTS, st.just(f"<p>{PROSE}</p>")), max_size=12))
    tags = draw(st.lists(st.sampled_from(["<div>", "</div>", "<article>", "<meta charset='latin-1'>",
                                           "<title>", "</title>", "<html>", "<!--", "-->"]), max_size=8))
    return ("".join(tags) + "".join(body)).encode(draw(ENCODINGS), errors="replace")


@FUZZ
@given(data=st.one_of(html_pages(), st.binary(max_size=300)))
def test_html_reader_never_raises(tmp_path, data):
    path = tmp_path / "a.html"
    path.write_bytes(data)
    assert len(read_all(path)) == 1


@st.composite
def feeds(draw):
    entries = "".join(
        f"<item><title>{draw(TEXTS)}</title><guid>{draw(st.text(max_size=6))}</guid>"
        f"<pubDate>{draw(st.text(max_size=12))}</pubDate><description>{draw(TEXTS)}</description></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    root = draw(st.sampled_from(["rss version='2.0'", "feed xmlns='http://www.w3.org/2005/Atom'", "rss"]))
    xml = f"<?xml version='1.0'?><{root}><channel><title>{draw(TEXTS)}</title>{entries}</channel>"
    data = xml.encode("utf-8", errors="replace")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@FUZZ
@given(data=feeds())
def test_feed_reader_never_raises(tmp_path, data):
    path = tmp_path / "a.rss"
    path.write_bytes(data)
    read_all(path)


def warc_bytes(pages: list[bytes], *, gzip: bool) -> bytes:
    """A WARC of one HTML response per page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for n, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"http://example.com/{n}", "response",
                                           payload=io.BytesIO(page), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


@st.composite
def damaged_warcs(draw):
    pages = draw(st.lists(html_pages(), min_size=1, max_size=3))
    gzip = draw(st.booleans())
    data = warc_bytes(pages, gzip=gzip)
    damage = draw(st.sampled_from(["cut", "flip", "none"]))
    if damage == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    return gzip, data


@FUZZ
@given(warc=damaged_warcs())
def test_warc_reader_never_raises(tmp_path, warc):
    gzip, data = warc
    path = tmp_path / ("a.warc.gz" if gzip else "a.warc")
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(data=st.one_of(encoded_texts(), jsonl_files(), st.binary(max_size=200)))
def test_stdin_reader_never_raises(data):
    items = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert items and all(isinstance(item, Article | ReadFailure) for item in items)
