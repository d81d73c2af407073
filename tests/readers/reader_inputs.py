"""Builders for the real input files the reader tests read (all written into tmp_path).

A plain module, not a conftest: its names are imported by the reader tests."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = (
    "BERLIN — The French president and the German chancellor met on Thursday to discuss "
    "defence spending, trade and the war in Ukraine, officials said.",
    '"We have agreed to work together more closely than ever," the chancellor told reporters '
    "after talks that lasted more than three hours at the chancellery.",
    "The two leaders also discussed a joint fighter jet programme that has been delayed by "
    "disputes between the companies building it.",
)


def article_page(*, title: str = "Leaders meet in Berlin", date: str | None = "2024-05-02", url: str | None = None) -> str:
    """A news page: navigation, an article with metadata, a footer."""
    meta = f'<meta property="article:published_time" content="{date}T10:00:00+02:00">' if date else ""
    link = f'<link rel="canonical" href="{url}">' if url else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Example News</title>"
        f'<meta property="og:site_name" content="Example News">{meta}{link}</head>'
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright Example News</footer></body></html>"
    )


NO_ARTICLE_PAGE = (
    "<html><head><title>Home</title><script>var tracking = 1;</script></head>"
    "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
    "<li><a href='/sport'>Sport</a></li></ul></nav></body></html>"
)


WARC_DATE = "2011-09-13T08:00:00Z"


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, gzip: bool) -> list[str]:
    """A WARC of (url, content type, body) HTTP responses, each after its request; returns response ids."""
    ids = []
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, content_type, body in records:
            get = b"GET / HTTP/1.1\r\n\r\n"
            # A known length keeps warcio from buffering the payload in a temporary file.
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(get), length=len(get))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(response)
            ids.append(response.rec_headers.get_header("WARC-Record-ID"))
    return ids
