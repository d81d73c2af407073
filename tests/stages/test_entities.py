"""The entities stage on the seed article (Cameron in Moscow, 2011-09-13)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique.config import Settings
from communique.model import Article, ArticleDoc
from communique.stages.entities import EntityStage

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_8d4d9bf14b3301f3.txt"


@pytest.fixture(scope="session")
def stage():
    return EntityStage(Settings())


def _run(nlp, stage, text, date):
    article = Article(id="a1", text=text, date=date)
    return stage(ArticleDoc(article=article), nlp(text))


@pytest.fixture(scope="module")
def seed(nlp, stage):
    if not SEED.is_file():
        pytest.skip("shared seed article not available")
    return _run(nlp, stage, SEED.read_text(encoding="utf-8"), dt.date(2011, 9, 13))


def _by_name(doc):
    return {entity.name: entity for entity in doc.entities}


@pytest.mark.parametrize(
    ("name", "kind", "country", "sector", "role"),
    [
        ("Dmitry Medvedev", "PERSON", "RUS", "GOV", "president"),
        ("Vladimir Putin", "PERSON", "RUS", "GOV", "prime minister"),
        ("David Cameron", "PERSON", "GBR", "GOV", "prime minister"),
        ("William Hague", "PERSON", "GBR", "GOV", "foreign secretary"),
        ("Kremlin", "ORG", "RUS", "GOV", None),
        ("Government of Syria", "GROUP", "SYR", "GOV", None),
        ("Police of Russia", "GROUP", "RUS", "COP", None),
        ("Government of the United Kingdom", "GROUP", "GBR", "GOV", None),
        ("United Kingdom", "COUNTRY", "GBR", None, None),
    ],
)
def test_seed_entities(seed, name, kind, country, sector, role):
    entity = _by_name(seed)[name]
    assert (entity.kind, entity.country, entity.sector, entity.role) == (kind, country, sector, role)


def test_seed_mentions_are_exact_offsets(seed):
    text = seed.article.text
    for entity in seed.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("name", "mention"),
    [
        ("Dmitry Medvedev", "President Dimitri Medvedev"),
        ("William Hague", "Foreign Secretary William Hague"),
        ("William Hague", "Hague"),
        ("David Cameron", "The Prime Minister"),
        ("David Cameron", "he"),
        ("Government of the United Kingdom", "one person on Cameron's delegation"),
        ("Government of Syria", "the Assad regime"),
        ("United Kingdom", "UK"),
        ("United Kingdom", "British"),
    ],
)
def test_seed_mentions_found(seed, name, mention):
    assert mention in [m.text for m in _by_name(seed)[name].mentions]


def test_seed_moscow_is_a_place_with_coordinates(seed):
    place = _by_name(seed)["Moscow"].place
    assert place.country == "RUS"
    assert place.latitude == pytest.approx(55.75, abs=0.05)
    assert place.longitude == pytest.approx(37.62, abs=0.05)


def test_role_follows_article_date(nlp, stage):
    doc = _run(nlp, stage, "Vladimir Putin met Barack Obama in Beijing.", dt.date(2015, 6, 1))
    people = _by_name(doc)
    assert people["Vladimir Putin"].role == "president"
    assert people["Barack Obama"].role == "president"


def test_capital_acting_is_its_government(nlp, stage):
    doc = _run(nlp, stage, "Washington warned Moscow on Tuesday.", dt.date(2015, 6, 1))
    assert "Government of the United States" in _by_name(doc)


def test_entity_ids_are_stable(nlp, stage):
    first = _run(nlp, stage, "David Cameron arrived.", None)
    second = _run(nlp, stage, "David Cameron arrived.", None)
    assert [e.id for e in first.entities] == [e.id for e in second.entities]


def test_unknown_person_takes_country_and_sector_from_description(nlp, stage):
    doc = _run(nlp, stage, "The former KGB agent Ivan Petrovsky denied it. Russian police officer Oleg Smirnov agreed.",
               dt.date(2019, 5, 1))
    found = _by_name(doc)
    assert (found["Ivan Petrovsky"].country, found["Ivan Petrovsky"].sector) == ("RUS", "ELI")
    assert (found["Oleg Smirnov"].country, found["Oleg Smirnov"].sector) == ("RUS", "COP")


def _codes(doc):
    return {(e.country, e.sector) for e in doc.entities}


def test_coordinated_demonyms_give_one_group_per_country(nlp, stage):
    doc = _run(nlp, stage, "The British and Russian security services met in Vienna.", None)
    groups = {e.country: e for e in doc.entities if e.kind == "GROUP"}
    assert set(groups) == {"GBR", "RUS"}
    assert [m.text for m in groups["RUS"].mentions] == ["Russian security services"]


def test_nigerian_is_nigeria_not_niger(nlp, stage):
    doc = _run(nlp, stage, "Nigerian authorities jailed 52 members. Thousands of Nigerians protested.", None)
    assert ("NGA", "GOV") in _codes(doc)
    assert not any(e.country == "NER" for e in doc.entities)


def test_group_without_country_takes_the_sentence_place(nlp, stage):
    doc = _run(nlp, stage, "Demonstrators clashed with police in Lagos on Monday.", None)
    found = {e.sector: e for e in doc.entities if e.kind == "GROUP"}
    assert (found["OPP"].country, found["OPP"].source) == ("NGA", "context")
    assert "NON" not in found  # "Monday" is no group


def test_ethnic_people_are_coded_where_they_live(nlp, stage):
    doc = _run(nlp, stage, "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", None)
    group = next(e for e in doc.entities if e.kind == "GROUP")
    assert (group.country, group.sector) == ("SRB", "CVL")


def test_it_refers_to_the_country(nlp, stage):
    doc = _run(nlp, stage, "Syria says it is willing to negotiate.", None)
    assert [m.text for m in _by_name(doc)["Syria"].mentions] == ["Syria", "it"]


def test_she_skips_a_man(nlp, stage):
    doc = _run(nlp, stage, "Queen Elizabeth met David Cameron. She said the talks went well.", dt.date(2011, 9, 13))
    assert "She" in [m.text for m in _by_name(doc)["Elizabeth II"].mentions]
    assert "She" not in [m.text for m in _by_name(doc)["David Cameron"].mentions]


def test_bare_known_surname_in_a_short_text(nlp, stage):
    doc = _run(nlp, stage, "Medvedev said the talks went well.", dt.date(2011, 9, 13))
    assert (_by_name(doc)["Dmitry Medvedev"].country, _by_name(doc)["Dmitry Medvedev"].role) == ("RUS", "president")


def test_president_of_a_named_country_is_not_another_president(nlp, stage):
    text = "Russian President Vladimir Putin met the president of Armenia in Moscow."
    doc = _run(nlp, stage, text, dt.date(2015, 3, 1))
    putin = [m.text for m in _by_name(doc)["Vladimir Putin"].mentions]
    assert "the president" not in putin
    armenia = _by_name(doc)["Serzh Sargsyan"]  # the president of Armenia on that day
    mentions = [m.text for m in armenia.mentions]
    assert (armenia.country, armenia.role, mentions) == ("ARM", "president", ["the president"])


def test_title_with_a_country_is_the_office_holder_on_the_day(nlp, stage):
    text = "Dmitry Medvedev met David Cameron. The Russian president said trade had grown. He smiled."
    doc = _run(nlp, stage, text, dt.date(2011, 9, 12))
    mentions = [m.text for m in _by_name(doc)["Dmitry Medvedev"].mentions]
    assert mentions == ["Dmitry Medvedev", "The Russian president", "He"]
    later = _run(nlp, stage, "The Russian president said trade had grown.", dt.date(2015, 3, 1))
    assert [m.text for m in _by_name(later)["Vladimir Putin"].mentions] == ["The Russian president"]


def test_office_of_many_holders_or_an_undated_article_names_no_one(nlp, stage):
    undated = _run(nlp, stage, "The Russian president said trade had grown.", None)
    assert all(e.kind != "PERSON" for e in undated.entities)
    governor = _run(nlp, stage, "The Russian governor said trade had grown.", dt.date(2015, 3, 1))
    assert all(e.kind != "PERSON" for e in governor.entities)


def test_capital_as_a_place_and_as_an_actor(nlp, stage):
    doc = _run(nlp, stage, "Kathmandu is a crowded city. Kathmandu rejected the demands.", dt.date(2001, 1, 1))
    kinds = {(e.kind, e.sector) for e in doc.entities if e.country == "NPL"}
    assert {("PLACE", None), ("ORG", "GOV")} <= kinds


def test_namesake_from_a_stated_country_keeps_the_written_name(nlp, stage):
    doc = _run(nlp, stage, "Moroccan King Hassan received the envoy.", dt.date(1995, 1, 1))
    hassan = _by_name(doc)["Hassan"]
    assert (hassan.kind, hassan.country, hassan.role) == ("PERSON", "MAR", "king")


def test_variant_spelling_of_a_known_person(nlp, stage):
    doc = _run(nlp, stage, "President Bouteflicka criticised the plan.", dt.date(2005, 1, 1))
    person = _by_name(doc)["Abdelaziz Bouteflika"]
    assert (person.country, person.role, person.mentions[0].text) == ("DZA", "president", "President Bouteflicka")


def _country_of(doc, text):
    """Countries of the entities with a mention that is exactly `text`."""
    return {e.country for e in doc.entities for m in e.mentions if m.text == text}


def test_known_organisation_is_not_read_as_a_group_noun(nlp, stage):
    doc = _run(nlp, stage, "Both the army and the Moro Islamic Liberation Front violated the truce in March.", None)
    front = _by_name(doc)["Moro Islamic Liberation Front"]
    assert (front.country, front.sector) == ("PHL", "REB")


def test_untagged_organisation_acronym_is_found(nlp, stage):
    doc = _run(nlp, stage, "The Sudanese government and SPLM/A agreed to allow aid convoys into the south.", None)
    assert _country_of(doc, "SPLM/A") == {"SSD"}


def test_people_before_a_group_noun_is_no_person(nlp, stage):
    text = "A Hutu rebel group told Burundi's government to free its jailed members."
    doc = _run(nlp, stage, text, None)
    assert not any(e.kind == "PERSON" for e in doc.entities)
    assert ("BDI", "REB") in _codes(doc)


def test_group_takes_the_country_of_a_placed_group_in_its_sentence(nlp, stage):
    doc = _run(nlp, stage, "Turkish police used water cannon against Kurdish demonstrators in the square.", None)
    assert ("TUR", "OPP") in _codes(doc)


def test_group_against_a_country_takes_its_place_not_that_country(nlp, stage):
    doc = _run(nlp, stage, "An anti-Syria journalist was killed in Beirut on Monday.", None)
    assert ("LBN", "JRN") in _codes(doc)
    assert ("SYR", "JRN") not in _codes(doc)


def test_apposition_naming_an_international_office_gives_the_body(nlp, stage):
    doc = _run(nlp, stage, "Pieter Vandermolen, the UN relief coordinator, urged Sudan to open its borders.", None)
    person = _by_name(doc)["Pieter Vandermolen"]
    assert (person.country, person.sector) == ("UN", "IGO")


def test_typographic_possessive_separates_owner_and_owned(nlp, stage):
    doc = _run(nlp, stage, "Osama bin Laden’s al-Qaeda claimed the embassy bombings in Nairobi.", None)
    names = {e.name: [m.text for m in e.mentions] for e in doc.entities}
    assert names["Osama bin Laden"] == ["Osama bin Laden"]
    assert names["Al Qa'ida"] == ["al-Qaeda"]


def test_bare_surname_is_the_article_person_named_in_a_place_ner_ran_into(nlp, stage):
    text = (
        "Chief Executive of Hong Kong Carrie Lam delivered her policy speech. "
        "Speaking in the Legislative Council, Lam was interrupted by legislators."
    )
    doc = _run(nlp, stage, text, dt.date(2019, 10, 16))
    lam = _by_name(doc)["Carrie Lam"]
    assert (lam.country, [m.text for m in lam.mentions]) == ("HKG", ["Carrie Lam", "Lam"])
    assert "Hong Kong" in _by_name(doc)


def test_known_organisation_name_missed_by_ner_is_read(nlp, stage):
    doc = _run(nlp, stage, "The pro-Iranian Hizbollah group declared a ceasefire in south Lebanon.", None)
    assert [m.text for m in _by_name(doc)["Hezbollah"].mentions] == ["Hizbollah"]


def test_place_that_an_apposition_calls_a_person_is_a_person(nlp, stage):
    text = "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded access to Iraq."
    person = _by_name(_run(nlp, stage, text, None))["Kenzo Oshima"]
    assert (person.kind, person.country, person.sector) == ("PERSON", "UN", "IGO")


def test_name_in_apposition_to_a_description_takes_its_country(nlp, stage):
    text = "Police said the deputy governor of the Tver region, Ivan Zagorodnev, resigned on Friday."
    person = _by_name(_run(nlp, stage, text, None))["Ivan Zagorodnev"]
    assert person.country == "RUS"


def test_a_word_capitalised_only_as_the_first_of_its_sentence_is_no_place(nlp, stage):
    doc = _run(nlp, stage, "Young supporters of the party marched through Ramallah on Sunday.", None)
    assert all(e.country != "URY" for e in doc.entities)  # not the Uruguayan town of Young


def test_direction_before_a_country_names_the_country(nlp, stage):
    doc = _run(nlp, stage, "Vietnamese-led forces retook a strategic village in Western Cambodia after fighting.", None)
    assert _country_of(doc, "Western Cambodia") == {"KHM"}


def test_of_country_after_a_name_places_the_person(nlp, stage):
    doc = _run(nlp, stage, "King Hassan of Morocco said he would host the talks in Rabat.", dt.date(1995, 1, 1))
    hassan = _by_name(doc)["Hassan"]
    assert (hassan.country, [m.text for m in hassan.mentions]) == ("MAR", ["King Hassan", "he"])


def test_people_of_a_country_live_there(nlp, stage):
    doc = _run(nlp, stage, "The Albanians of southern Serbia opened a new school in Presevo.", None)
    assert ("SRB", "CVL") in _codes(doc)
    assert not any(e.country == "ALB" for e in doc.entities)


def test_untitled_office_takes_the_context_country(nlp, stage):
    doc = _run(nlp, stage, "Israel rejected French mediation in the talks, the prime minister said on Wednesday.", None)
    group = _by_name(doc)["Government of Israel"]
    assert (group.role, [m.text for m in group.mentions]) == ("prime minister", ["the prime minister"])


def test_apposition_places_an_unknown_person(nlp, stage):
    text = "Karim Benhaddou, Algeria's leading human rights activist, began a hunger strike in prison on Sunday."
    doc = _run(nlp, stage, text, None)
    assert _by_name(doc)["Karim Benhaddou"].country == "DZA"


def test_generic_end_of_a_known_name(nlp, stage):
    doc = _run(nlp, stage, "Angry supporters of the Fatah Party staged a sit-in in Ramallah.", None)
    assert _country_of(doc, "the Fatah Party") == {"PSE"}


def test_known_place_before_an_office_gives_its_country(nlp, stage):
    doc = _run(nlp, stage, "Ankara's Cankaya district administration refused the building permit on Monday.", None)
    assert ("TUR", "GOV") in _codes(doc)


def test_party_name_with_a_gloss_takes_its_sentence_country(nlp, stage):
    text = "The small Ittihad (Union) party has said it will boycott Morocco's first local elections."
    party = next(e for e in _run(nlp, stage, text, None).entities if e.sector == "PTY")
    assert (party.name, party.country, party.mentions[0].text) == ("Ittihad (Union) party", "MAR", "Ittihad (Union) party")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen fired on a market in Tripoli, the second city of Lebanon, on Monday.", "LBN"),
        ("Rebels shelled Tripoli, the Libyan capital, on Monday.", "LBY"),
    ],
)
def test_a_town_name_of_several_countries_takes_the_one_its_sentence_names(nlp, stage, text, country):
    doc = _run(nlp, stage, text, None)
    assert _by_name(doc)["Tripoli"].country == country


def test_a_newspaper_name_is_media_of_its_sentence_country(nlp, stage):
    doc = _run(nlp, stage, "The Chilean government closed the newspaper El Siglo on Friday.", None)
    paper = _by_name(doc)["El Siglo"]
    assert (paper.kind, paper.country, paper.sector) == ("ORG", "CHL", "JRN")


def test_an_unknown_person_s_group_is_the_group_not_the_person(nlp, stage):
    text = "The Serbian parliament recognised the victories of Vuk Petrovic's opposition coalition."
    doc = _run(nlp, stage, text, None)
    assert not any(e.kind == "PERSON" for e in doc.entities)
    assert any(e.kind == "GROUP" and e.country == "SRB" and "Petrovic" in e.mentions[0].text for e in doc.entities)


def test_a_known_town_after_in_is_a_place_even_as_a_person(nlp, stage):
    text = "Turkish police stopped students at Ataturk University near the party offices in Sivas on Monday."
    doc = _run(nlp, stage, text, None)
    assert _by_name(doc)["Sivas"].kind == "PLACE"


def test_jewish_settlers_are_israeli_civilians_wherever_they_are(nlp, stage):
    doc = _run(nlp, stage, "Jewish settlers near the West Bank town of Nablus uprooted olive trees on Sunday.", None)
    assert ("ISR", "CVL") in _codes(doc)


def test_a_misspelt_demonym_before_a_group_noun(nlp, stage):
    doc = _run(nlp, stage, "Chenchen rebels ambushed a convoy near the border with Georgia.", None)
    assert ("RUS", "REB") in _codes(doc)
