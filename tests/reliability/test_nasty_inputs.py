"""A corpus of nasty real-world inputs, built here: each is read and stored or recorded as
a failure with its reason; none stops the run, none is coded as something it is not."""

from __future__ import annotations

import json

import duckdb
from reliability_inputs import short_story
from test_fuzz_readers import warc_bytes

from communique.model import Article, ReadFailure
from communique.readers import iter_articles
from communique.readers.common import MAX_INPUT_BYTES
from communique.runners.ingest import ingest

PAGE = "<html><head><title>Talks</title></head><body><article>{}</article></body></html>"
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Bomb</title>
<item><guid>bomb</guid><description>{} &lol9; &secret;</description></item>
</channel></rss>"""
OTHER_LANGUAGES = {
    "de": "Der Außenminister traf am Montag in Berlin seinen Amtskollegen aus Frankreich, um über "
          "den Handel zu sprechen. Die beiden Regierungen vereinbarten, sich in drei Monaten wieder zu treffen.",
    "fr": "Le ministre des Affaires étrangères a rencontré lundi à Paris son homologue allemand pour "
          "parler du commerce. Les deux gouvernements ont convenu de se revoir dans trois mois.",
    "ru": "Министр иностранных дел встретился в понедельник в Москве со своим коллегой из Франции, "
          "чтобы обсудить торговлю. Стороны договорились встретиться снова через три месяца.",
    "zh": "外交部长星期一在北京会见了法国同行，讨论贸易问题。双方同意三个月后再次会面。" * 3,
    "ar": "التقى وزير الخارجية يوم الاثنين في القاهرة نظيره الفرنسي لبحث التجارة. واتفق الجانبان على الاجتماع مرة أخرى بعد ثلاثة أشهر.",
}


def articles_and_failures(paths):
    items = list(iter_articles(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadFailure)]


def test_zero_width_and_bidi_characters_are_stored_as_written(tmp_path, pipeline):
    text = "\u202bThe foreign\u200b minister of\u200d France\u2066 met the envoy of Germany\u2069 on " \
           "Monday\ufeff to talk about trade.\u202c " + short_story(1)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,), failures = articles_and_failures([tmp_path / "a.txt"])
    assert not failures and article.text == text
    doc = pipeline.analyze(article)
    for entity in doc.entities:
        assert all(text[m.start : m.end] == m.text for m in entity.mentions)


def test_mixed_encodings_in_one_jsonl_file_fail_only_the_bad_line(tmp_path):
    good = json.dumps({"id": "utf8", "text": "Le ministre a dit « oui » à Paris."}, ensure_ascii=False)
    latin = json.dumps({"id": "latin", "text": "Café crème à Genève."}, ensure_ascii=False)
    data = good.encode() + b"\n" + latin.encode("cp1252") + b"\n" + b"\xff\xfe\x00garbage\x81\n"
    (tmp_path / "mixed.jsonl").write_bytes(data)
    articles, failures = articles_and_failures([tmp_path / "mixed.jsonl"])
    assert [a.id for a in articles] == ["utf8", "latin"]
    assert articles[1].text == "Café crème à Genève."
    assert [f.origin.rsplit(":", 1)[1] for f in failures] == ["3"]


def test_a_50_mb_html_page_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    paragraph = "<p>" + short_story(2) + "</p>\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(PAGE.format("").split("</article>")[0])
        for _ in range(50_000_000 // len(paragraph) + 1):
            handle.write(paragraph)
    assert path.stat().st_size > 50_000_000 > MAX_INPUT_BYTES
    articles, (failure,) = articles_and_failures([path])
    assert not articles and "input too large: 50." in failure.reason


def test_a_huge_jsonl_line_is_skipped_and_the_next_is_read(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "big", "text": "x " * (MAX_INPUT_BYTES // 2 + 10)}) + "\n")
        handle.write(json.dumps({"id": "next", "text": short_story(3)}) + "\n")
    articles, (failure,) = articles_and_failures([path])
    assert [a.id for a in articles] == ["next"]
    assert failure.origin.endswith(":1") and "input too large" in failure.reason


def test_a_truncated_warc_record_keeps_the_records_before_it(tmp_path):
    pages = [PAGE.format(f"<p>{short_story(n)}</p>").encode() for n in range(3)]
    data = warc_bytes(pages, gzip=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 200])
    articles, failures = articles_and_failures([path])
    assert len(articles) == 2 and len(failures) == 1
    assert "truncated" in failures[0].reason and failures[0].origin.endswith("#3")


def test_a_broken_jsonl_line_mid_file_is_recorded_and_the_rest_stored(tmp_path):
    lines = [json.dumps({"id": f"j{n}", "text": short_story(n)}) for n in range(6)]
    lines[3] = lines[3][: len(lines[3]) // 2]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([tmp_path / "news.jsonl"], tmp_path / "db.duckdb")
    assert (report.stored, report.failed) == (5, 1)
    with duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True) as con:
        assert con.execute("SELECT input FROM failures").fetchall() == [(f"{tmp_path / 'news.jsonl'}:4",)]


def test_an_rss_entity_bomb_is_not_expanded_and_no_file_is_read(tmp_path):
    path = tmp_path / "bomb.rss"
    path.write_text(BILLION_LAUGHS.format(short_story(4)), encoding="utf-8")
    for article in articles_and_failures([path])[0]:
        assert len(article.text) < 10_000 and "lollol" not in article.text
        assert "root:" not in article.text


def test_other_languages_are_recorded_as_rejected_not_coded(tmp_path):
    corpus = tmp_path / "world.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for lang, text in OTHER_LANGUAGES.items():
            handle.write(json.dumps({"id": lang, "text": text}, ensure_ascii=False) + "\n")
        handle.write(json.dumps({"id": "en", "text": short_story(5)}) + "\n")
    report = ingest([corpus], tmp_path / "db.duckdb")
    assert report.stored == 1
    with duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True) as con:
        rejected = dict(con.execute("SELECT record, reason FROM failures").fetchall())
        coded = con.execute("SELECT DISTINCT article_id FROM events").fetchall()
    assert set(rejected) == set(OTHER_LANGUAGES)
    assert all("not English" in reason for reason in rejected.values())
    assert set(coded) <= {("en",)}


def test_english_made_mostly_of_names_is_still_english():
    from communique.validate import is_probably_english

    assert is_probably_english(
        "Arab League Secretary General Chadli Klibi undertook mediation mission between "
        "Syria and Palestinian leader Yasser Arafat."
    )
    assert not is_probably_english(
        "De regering heeft maandag besloten dat de belastingen volgend jaar omhoog gaan, "
        "zei de minister in Den Haag."
    )
