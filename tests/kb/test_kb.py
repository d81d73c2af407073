"""The actor knowledge base: dated offices, descriptions, user actor files."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.errors import ConfigError
from communique.kb import load_kb, name_key, resolve_text
from communique.kb.user import apply_user_files


@pytest.mark.parametrize(
    ("text", "date", "country", "sector", "role"),
    [
        ("Vladimir Putin", "2011-09-13", "RUS", "GOV", "prime minister"),
        ("Vladimir Putin", "2015-06-01", "RUS", "GOV", "president"),
        ("Putin", "1999-01-01", "RUS", "SPY", "director of the federal security service"),
        ("President Dimitri Medvedev", "2011-09-13", "RUS", "GOV", "president"),
        ("David Cameron", "2011-09-13", "GBR", "GOV", "prime minister"),
        ("William Hague", "2011-09-13", "GBR", "GOV", "foreign secretary"),
        ("Russian police", None, "RUS", "COP", None),
        ("British officials", None, "GBR", "GOV", None),
        ("the Kremlin", None, "RUS", "GOV", None),
        ("a former CIA official", None, "USA", "ELI", None),
    ],
)
def test_resolve_text_dated_roles(text, date, country, sector, role):
    party = resolve_text(text, date=dt.date.fromisoformat(date) if date else None)
    assert (party.country, party.sector, party.role) == (country, sector, role)


def test_resolve_text_without_date_takes_latest_office():
    assert resolve_text("Vladimir Putin").role == "president"


def test_resolve_text_context_country_fills_gap():
    assert resolve_text("the police", country="FRA").country == "FRA"
    assert resolve_text("Russian police", country="FRA").country == "RUS"


def test_one_word_inside_unknown_name_is_not_an_actor():
    assert resolve_text("Juan Carlos Jobet").country is None


def test_name_key_folds_accents_and_possessives():
    assert name_key("Chile’s Élysée") == "CHILE ELYSEE"


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_user_toml_overrides_packaged_actor(tmp_path):
    path = _write(tmp_path, "actors.toml", '[[actor]]\nname = "Vladimir Putin"\ncountry = "FRA"\nsector = "CVL"\n')

    kb = _fresh_kb()
    apply_user_files(kb, (path,))
    assert resolve_text("Vladimir Putin", kb=kb).country == "FRA"


def _fresh_kb():
    import gzip
    import json
    from importlib import resources

    from communique.kb.store import RESOURCE, KnowledgeBase

    data = resources.files("communique.resources").joinpath(RESOURCE).read_bytes()
    return KnowledgeBase(json.loads(gzip.decompress(data)))


@pytest.fixture(scope="module")
def fresh_kb():
    return _fresh_kb()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.toml", '[[actor]]\nname = "X"\ncountry = "XYZ"\n', "a.toml:1: unknown country code 'XYZ'"),
        ("b.csv", "name,country,start\nX,FRA,2020-13-01\n", "b.csv:2: bad date '2020-13-01'"),
        ("c.yaml", "- name: X\n  country: FRA\n- name: X\n  country: FRA\n", "c.yaml:3: duplicate entry for 'X'"),
        ("d.toml", '[[actor]]\ncountry = "FRA"\n', "d.toml:1: actor has no name"),
        ("e.txt", "x", "unknown actor file type"),
    ],
)
def test_user_file_errors_name_file_and_line(tmp_path, fresh_kb, name, text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        apply_user_files(fresh_kb, (_write(tmp_path, name, text),))


def test_user_file_successive_offices(tmp_path, fresh_kb):
    path = _write(
        tmp_path,
        "offices.csv",
        "name,aliases,country,sector,role,start,end\n"
        "Ada Example,Example,FRA,GOV,mayor,2010-01-01,2015-01-01\n"
        "Ada Example,,FRA,GOV,president,2015-01-01,\n",
    )
    apply_user_files(fresh_kb, (path,))
    assert resolve_text("Ada Example", date=dt.date(2012, 1, 1), kb=fresh_kb).role == "mayor"
    assert resolve_text("Example", date=dt.date(2020, 1, 1), kb=fresh_kb).role == "president"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Nigerian authorities", "NGA", "GOV"),
        ("Nigerien troops", "NER", "MIL"),
        ("The PRC", "CHN", None),
        ("Yugoslavia", "SRB", None),
        ("Serb forces", "SRB", "MIL"),
        ("Rakhine rebels", "MMR", "REB"),
        ("European Community", "EU", "IGO"),
        ("APEC", "IGO", "IGO"),
        ("The International Labor Office", "UN", "IGO"),
        ("Bank of Mexico", "MEX", "GOV"),
    ],
)
def test_resolve_text_names_and_demonyms(text, country, sector):
    party = resolve_text(text)
    assert (party.country, party.sector) == (country, sector)


def test_regular_demonyms_name_their_own_country():
    """A country's -an/-ian/-ese/-i form never names another country unless it is listed as such."""
    kb = load_kb()
    assert kb.country_keys["NIGERIAN"] == "NGA"
    assert kb.country_keys["DOMINICAN"] == "DOM"
    for demonym, code in (("ARMENIAN", "ARM"), ("PAKISTANI", "PAK"), ("SUDANESE", "SDN"), ("KENYAN", "KEN")):
        assert kb.country_keys[demonym] == code


def test_given_names_know_gender():
    kb = load_kb()
    assert (kb.given_names["MARY"], kb.given_names["VLADIMIR"]) == ("f", "m")
    assert "JEAN" not in kb.given_names  # given to men and women alike


@pytest.mark.parametrize("text", ["King Hassan of Morocco", "Moroccan King Hassan"])
def test_kb_a_stated_country_wins_over_a_namesake(text):
    from communique.kb import resolve_text

    party = resolve_text(text, date=dt.date(1995, 1, 1))
    assert (party.country, party.role) == ("MAR", "king")


@pytest.mark.parametrize("text", ["Opposition leaders", "Serbian opposition parties", "dissidents"])
def test_kb_the_opposition_is_its_own_sector(text):
    assert resolve_text(text).sector == "OPP"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Moktar Ould Daddah", "MRT"),  # filed under Mauritius (MUS) in the source
        ("al-Qaeda", None),  # IMGMUS: a Muslim militant group, not one of Mauritius
        ("LTTE", "LKA"),
        ("Upper Volta", "BFA"),
        ("South Yemen", "YEM"),
        ("Democratic People's Republic of Korea", "PRK"),
    ],
)
def test_kb_source_defects_and_former_names(text, country):
    assert resolve_text(text).country == country


@pytest.mark.parametrize(("word", "country"), [("CHENCHEN", "RUS"), ("AFGHANSTAN", "AFG"), ("MICHIGAN", None), ("NIGERIA", None)])
def test_kb_one_edit_off_a_long_country_word(word, country):
    from communique.kb import load_kb

    assert load_kb().misspelt_country(word) == country


def test_kb_town_names_of_several_countries_keep_the_others():
    from communique.kb import load_kb

    kb = load_kb()
    assert kb.places["TRIPOLI"][1] == "LBY"
    assert "LBN" in {row[1] for row in kb.homonyms["TRIPOLI"]}
