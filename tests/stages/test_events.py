"""The event coder: roles from the parse, framing, merging, ontology codes, evaluation."""

from __future__ import annotations

import re

import pytest

from communique import ontology
from communique.config import Settings
from communique.model import Article, ArticleDoc, Entity, Event, Mention, Party
from communique.stages.events import make_stage, merge_duplicates

# Hand-built actors: surface text -> (country, sector, kind). The entity stage does this for real.
PARTIES = {
    "Britain": ("GBR", "GOV", "COUNTRY"), "France": ("FRA", "GOV", "COUNTRY"),
    "Russia": ("RUS", "GOV", "COUNTRY"), "Iran": ("IRN", "GOV", "COUNTRY"),
    "the EU": ("EU", "IGO", "ORG"), "Medvedev": ("RUS", "GOV", "PERSON"),
    "Cameron": ("GBR", "GOV", "PERSON"), "Lugovoi": (None, None, "PERSON"),
    "Libya": ("LBY", "GOV", "COUNTRY"), "British": ("GBR", None, "GROUP"),
    "Russian": ("RUS", None, "GROUP"), "Nato": ("NATO", "IGO", "ORG"), "Moscow": ("RUS", None, "PLACE"),
}  # fmt: skip


def hand_doc(nlp, text: str):
    entities = []
    for n, (surface, (country, sector, kind)) in enumerate(PARTIES.items()):
        spans = [m.span() for m in re.finditer(rf"\b{re.escape(surface)}\b", text)]
        if spans:
            mentions = tuple(Mention(start=s, end=e, text=surface) for s, e in spans)
            entities.append(Entity(id=f"n{n}", name=surface, kind=kind, mentions=mentions, country=country, sector=sector))
    doc = ArticleDoc(article=Article(id="t", text=text), entities=tuple(entities))
    return make_stage(Settings())(doc, nlp(text))


def first(doc: ArticleDoc):
    """The first event coded, or None."""
    return doc.events[0] if doc.events else None


def countries(parties) -> list[str | None]:
    return [p.country for p in parties]


def dyads(doc: ArticleDoc) -> set[tuple[str, str, str | None]]:
    return {
        (e.type, a.country, r.country if r else None)
        for e in doc.events
        for a in e.actor
        for r in (e.recipient or (None,))
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanctions were imposed on Iran by the EU.", ("SANCTION", "EU", "IRN")),  # passive
        ("Britain and France urged Russia to end the violence.", ("REQUEST", "FRA", "RUS")),  # coordination
        ("Britain and France urged Russia to end the violence.", ("REQUEST", "GBR", "RUS")),
        ("Britain is pushing Russia to agree to tough sanctions.", ("REQUEST", "GBR", "RUS")),  # clause
        ("Russia would never extradite Lugovoi to Britain.", ("REJECT", "RUS", "GBR")),  # negation
        ("Medvedev said Lugovoi would never be extradited to Britain.", ("REJECT", "RUS", "GBR")),  # reported speech
        ("Cameron criticised Russia over the case.", ("ACCUSE", "GBR", "RUS")),
        ("Britain will send aid to Libya.", ("AGREE", "GBR", "LBY")),  # future cooperation is AGREE
        ("Cameron ruled out reopening contacts between the British and Russian security services.", ("REJECT", "GBR", "RUS")),
        ("Medvedev expressed anger that Nato had over-stepped the resolution.", ("ACCUSE", "RUS", "NATO")),
        ("France is ready to contribute troops to a force in Libya.", ("AGREE", "FRA", "LBY")),  # intent adjective
        ("Russia is willing to withdraw its troops from Libya.", ("CONCEDE", "RUS", "LBY")),  # future retreat
        ("Britain demanded that Russia end the violence.", ("REQUEST", "GBR", "RUS")),  # recipient in a clause
        ("Iran threatened to cut off electricity to Libya.", ("THREATEN", "IRN", "LBY")),
        ("Thousands of Russian protesters demonstrated against France.", ("PROTEST", "RUS", "FRA")),  # group
        ("Rebels in Libya attacked France.", ("ASSAULT", "LBY", "FRA")),  # a group named by its place
        ("Britain held talks with Russia.", ("CONSULT", "RUS", None)),  # a meeting is joint
        ("Britain held talks with Russia.", ("CONSULT", "GBR", None)),
        ("Cameron visited Russia.", ("CONSULT", "GBR", "RUS")),  # a visit has a host
        ("Police in Iran arrested hundreds of students.", ("COERCE", "IRN", "IRN")),  # acts at home
        ("France denounced as a crime Russia's suppression of the protests.", ("ACCUSE", "FRA", "RUS")),
        (  # what an event noun is about, attached to its clause's verb
            "Medvedev held out no prospect of Russia ever extraditing Lugovoi to Britain and gave a tough response "
            "to British criticisms about corruption in the Russian legal system.",
            ("ACCUSE", "GBR", "RUS"),
        ),
    ],
)
def test_events_code_roles_and_types(nlp, text, expected):
    assert expected in dyads(hand_doc(nlp, text))


@pytest.mark.parametrize(
    "text",
    ["Russia would never extradite Lugovoi to Britain.", "Russia refused to extradite Lugovoi to Britain."],
)
def test_events_refusal_is_never_a_concession(nlp, text):
    doc = hand_doc(nlp, text)
    assert {e.type for e in doc.events} == {"REJECT"}
    assert all(e.cameo.startswith("12") for e in doc.events)
    assert all(e.negated for e in doc.events) == ("never" in text)


def test_events_carry_the_counterpart_of_a_two_sided_event(nlp):
    doc = hand_doc(nlp, "Britain held talks with Russia. Later, Britain signed a trade deal.")
    signed = [e for e in doc.events if "sign" in e.rule]
    assert [(e.type, [r.country for r in e.recipient]) for e in signed] == [("SUPPORT", ["RUS"])]
    assert signed[0].rule.endswith("+carried-recipient")


def test_events_a_retreat_promised_is_a_concession_not_an_agreement(nlp):
    doc = hand_doc(nlp, "Russia will withdraw its troops from Libya.")
    assert [(e.type, e.modality) for e in doc.events] == [("CONCEDE", "future")]


def test_events_no_domestic_recipient_for_a_foreign_actor_or_a_joint_act(nlp):
    assert ("PROTEST", "RUS", "RUS") not in dyads(hand_doc(nlp, "Russian protesters demonstrated against France."))
    assert ("CONSULT", "GBR", "RUS") not in dyads(hand_doc(nlp, "Britain and Russia held talks."))


def test_events_someone_asked_is_not_the_asker(nlp):
    doc = hand_doc(nlp, "Asked about Libya, Cameron said Britain would act.")
    assert "REQUEST" not in {e.type for e in doc.events}


def test_events_offering_little_hope_is_no_promise(nlp):
    doc = hand_doc(nlp, "Medvedev offered little hope of a resolution to Britain.")
    assert "AGREE" not in {e.type for e in doc.events}


def test_events_a_synonym_block_default_needs_a_recipient(nlp):
    from communique.stages.events_verbs import verb_code

    assert verb_code("arrive", frozenset())[1] == "verb-dictionary:arrive"
    assert verb_code("summon", frozenset())[1] == "verb-code:summon"
    assert hand_doc(nlp, "Britain arrived yesterday.").events == ()


def test_events_main_clause_event_comes_first(nlp):
    doc = hand_doc(nlp, "Russia, which France had condemned, attacked Libya.")
    assert [e.type for e in doc.events] == ["ASSAULT", "ACCUSE"]


def test_events_what_a_speaker_says_another_must_do_is_a_request(nlp):
    doc = hand_doc(nlp, "Russia said Iran must return the helicopter.")
    assert ("REQUEST", "RUS", "IRN") in dyads(doc)
    assert "RETREAT" not in {e.type for e in doc.events}


def test_events_a_fronted_adjunct_is_not_the_recipient(nlp):
    doc = hand_doc(nlp, "At a meeting with Medvedev, Cameron criticised Libya.")
    assert ("ACCUSE", "GBR", "LBY") in dyads(doc)
    assert ("ACCUSE", "GBR", "RUS") not in dyads(doc)


def test_events_a_material_act_is_aimed_at_its_place(nlp):
    assert ("COERCE", "FRA", "LBY") in dyads(hand_doc(nlp, "France imposed a curfew in Libya."))


def test_events_hypothetical_is_marked(nlp):
    doc = hand_doc(nlp, "If Russia attacks, Britain could impose sanctions on Russia.")
    assert doc.events
    assert all(e.modality == "hypothetical" for e in doc.events)


def test_events_need_political_actors(nlp):
    assert hand_doc(nlp, "The farmers attacked the wolves near the village.").events == ()


def test_events_carry_ontology_codes_and_rule(nlp):
    (event,) = hand_doc(nlp, "Cameron criticised Russia.").events
    assert (event.cameo, event.goldstein, event.quad_class) == ("111", ontology.cameo("111").goldstein, 3)
    assert event.rule == "verb:criticise"
    assert event.start == 0 and event.evidence[0].text == "Cameron criticised Russia."


def test_events_same_event_twice_is_merged(nlp):
    doc = hand_doc(nlp, "Britain urged Russia to act. Later, Britain urged Russia to act again.")
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert len(requests) == 1
    assert len(requests[0].evidence) == 2


def test_events_merge_keeps_the_event_with_a_recipient():
    gbr = Party(name="Britain", text="Britain", country="GBR", entity="g")
    rus = Party(name="Russia", text="Russia", country="RUS", entity="r")
    base = {"type": "REJECT", "cameo": "120", "actor": (rus,), "text": "x", "end": 1}
    first = Event(id="a", recipient=(), start=0, evidence=(Mention(start=0, end=1, text="x"),), **base)
    second = Event(id="b", recipient=(gbr,), start=5, evidence=(Mention(start=5, end=6, text="x"),), **base)
    (merged,) = merge_duplicates([first, second])
    assert merged.recipient == (gbr,) and len(merged.evidence) == 2


@pytest.mark.parametrize(
    ("code", "kind"),
    [("063", "COOPERATE"), ("1213", "REJECT"), ("0331", "AGREE"), ("042", "CONSULT"), ("1121", "ACCUSE")],
)
def test_ontology_maps_cameo_to_plover(code, kind):
    assert ontology.plover(code).type == kind


@pytest.mark.parametrize(
    ("code", "kind"),
    [("026", "REQUEST"), ("0831", "RETREAT"), ("0813", "CONCEDE"), ("0841", "RETREAT"), ("163", "SANCTION")],
)
def test_ontology_follows_the_plover_definitions(code, kind):
    # appeals are requests; resignations are RETREAT; lifting a curfew is CONCEDE; sanctions are SANCTION
    assert ontology.plover(code).type == kind


def test_ontology_statements_have_no_plover_type():
    assert ontology.plover("010") is None
    assert ontology.cameo("010").quad_class == 1


def test_evaluation_scores_tuples():
    from communique.evaluation import events as evaluation

    gold = [{"type": "REJECT", "cameo": "120", "actor": [{"country": "JAP"}], "recipient": []}]
    assert evaluation._tuples(gold, "actor_recipient_type") == {("JPN", None, "REJECT")}
    assert evaluation.party_country(Party(name="NATO", text="NATO", country="NATO", sector="IGO")) == "IGO"
    assert evaluation._prf(1, 2, 1)["f1"] == pytest.approx(0.667, abs=1e-3)


def test_evaluation_counts_transnational_bodies_as_one_class():
    from communique.evaluation import events as evaluation

    amnesty = Party(name="Amnesty International", text="Amnesty", country=None, sector="NGO")
    assert evaluation.party_country(amnesty) == "IGO"
    assert evaluation.gold_country("NGO") == "IGO"
    assert evaluation.party_country(Party(name="Rebels", text="rebels", country=None, sector="REB")) is None


def test_evaluation_render_prints_every_level_and_errors():
    from communique.evaluation import events as evaluation

    score = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "gold": 2, "predicted": 2}
    report = {
        "gold": "g.jsonl", "sentences": 2, "scores": dict.fromkeys(evaluation.LEVELS, score),
        "type_accuracy": 0.5, "typed": 2,
        "errors": [{"id": "s1", "text": "Britain urged Russia.", "gold": "REQUEST", "predicted": []}],
    }  # fmt: skip
    text = evaluation.render(report)
    assert all(level in text for level in evaluation.LEVELS)
    assert "s1: gold REQUEST, coded nothing" in text


def test_evaluation_render_prints_the_confusion_of_types():
    from communique.evaluation import events as evaluation

    lines = evaluation.render_confusion({"REQUEST": {"REQUEST": 3, "CONSULT": 1}, "ACCUSE": {"-": 2}})
    header, accuse, request = lines[1], lines[2], lines[3]
    assert header.split() == ["ACCU", "CONS", "REQU", "-"]
    assert accuse.split() == ["ACCUSE", ".", ".", ".", "2"]
    assert request.split() == ["REQUEST", ".", "1", "3", "."]
    assert evaluation.render_confusion({}) == []


def test_events_call_on_a_party_to_act_is_a_request(nlp):
    from communique.stages.events_verbs import verb_code

    assert verb_code("call", frozenset({"on"}), frozenset({"on"}))[0].startswith("02")
    assert verb_code("call", frozenset({"on"}))[0] == "041"  # 'on' elsewhere in the phrase: the default
    assert ("REQUEST", "GBR", "RUS") in dyads(hand_doc(nlp, "Britain called on Russia to end the violence."))


def test_events_accepting_a_demand_is_a_concession(nlp):
    assert ("CONCEDE", "RUS", "FRA") in dyads(hand_doc(nlp, "Russia accepted the demands of France."))
    assert ("AGREE", "RUS", "FRA") in dyads(hand_doc(nlp, "Russia accepted the proposal of France."))


def test_events_a_hostile_act_made_conditional_by_a_speaker_is_a_threat(nlp):
    doc = hand_doc(nlp, "France said it may suspend aid to Libya if Libya refuses.")
    assert [(e.type, e.modality) for e in doc.events if "suspend" in e.rule] == [("THREATEN", "asserted")]
    assert ("THREATEN", "FRA", "LBY") in dyads(doc)


def test_events_secondary_clause_gives_way_to_the_main_event(nlp):
    doc = hand_doc(nlp, "Thousands of Russian protesters demonstrated against France to demand an apology.")
    assert [e.type for e in doc.events] == ["PROTEST"]


SEED_EVENTS = [
    ("CONSULT", "GBR", "RUS"), ("REJECT", "RUS", "GBR"), ("REJECT", "GBR", "RUS"),
    ("REQUEST", "GBR", "RUS"), ("ACCUSE", "RUS", "NATO"), ("ACCUSE", "RUS", "GBR"), ("ACCUSE", "GBR", "RUS"),
]  # fmt: skip


@pytest.fixture(scope="session")
def seed_events(request):
    pytest.importorskip("communique.stages.entities")  # the actor stage resolves the seed's parties
    return request.getfixturevalue("seed_doc")


@pytest.mark.parametrize("expected", SEED_EVENTS)
def test_events_seed_article(seed_events, expected):
    assert expected in dyads(seed_events)


def test_events_seed_has_no_concession_for_extradition(seed_events):
    assert not [e for e in seed_events.events if e.type in ("CONCEDE", "COOPERATE") and "extradit" in e.rule]


def test_events_seed_trade_deals_signed_between_britain_and_russia(seed_events):
    signed = [e for e in seed_events.events if e.rule.startswith("verb:sign")]
    assert {(a.country, r.country) for e in signed for a in e.actor for r in e.recipient} == {("GBR", "RUS")}


def test_events_seed_talks_are_one_consultation_with_several_spans(seed_events):
    consult = [e for e in seed_events.events if e.type == "CONSULT"]
    assert len(consult) == 1 and len(consult[0].evidence) >= 2


def test_events_an_act_with_no_named_doer_takes_the_country_where_it_happens(nlp):
    doc = hand_doc(nlp, "A British journalist was arrested in Moscow on Friday.")
    assert {(actor, recipient) for _, actor, recipient in dyads(doc)} == {("RUS", "GBR")}
    assert all("scene-actor" in e.rule for e in doc.events)
    # a place that is only the topic, not where the act happens, names no doer
    assert not hand_doc(nlp, "A British journalist was arrested for his reports about Russia.").events


def test_events_suspension_and_blockade_are_event_nouns(nlp):
    assert ("SANCTION", "FRA", "LBY") in dyads(hand_doc(nlp, "France announced a suspension of flights to Libya."))
    doc = hand_doc(nlp, "Nato will tighten its blockade of Libya.")
    assert ("THREATEN", "NATO", "LBY") in dyads(doc)


def test_events_the_two_countries_are_the_two_named_before(nlp):
    doc = hand_doc(nlp, "Britain held talks with Russia. The two countries agreed to expand trade.")
    agreed = [e for e in doc.events if e.type == "AGREE"]
    assert [sorted(a.country for a in e.actor) for e in agreed] == [["GBR", "RUS"]]
    alone = hand_doc(nlp, "The two countries agreed to expand trade.")
    assert not [e for e in alone.events if e.type == "AGREE"]  # nothing named before: no actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain shortened the curfew in Libya.", ("CONCEDE", "0813")),  # narrowing eases it
        ("France extended the curfew in Libya.", ("COERCE", "1723")),  # widening imposes it
        ("France said it would extend the curfew in Libya.", ("THREATEN", "137")),  # a future coercion
        ("Russia said it would boycott all contact with Britain.", ("THREATEN", "1312")),
        ("Russia said it would withdraw its troops from Libya.", ("AGREE", "0356")),  # stated intent to yield
    ],
)
def test_events_restrictions_boycotts_and_stated_concessions(nlp, text, expected):
    doc = hand_doc(nlp, text)
    assert [(e.type, e.cameo) for e in doc.events][:1] == [expected]


def test_events_a_conditional_boycott_is_a_threat(nlp):
    doc = hand_doc(nlp, "Russia will boycott the talks unless Britain apologizes.")
    assert ("THREATEN", "RUS", "GBR") in dyads(doc)


def test_events_a_stance_participle_is_not_a_passive(nlp):
    assert ("REJECT", "RUS", "GBR") in dyads(hand_doc(nlp, "Russia is opposed to the deal with Britain."))
    assert ("REJECT", "RUS", "FRA") in dyads(hand_doc(nlp, "France was opposed by Russia."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain is highly critical of Russia.", ("ACCUSE", "GBR", "RUS")),
        ("France remained hostile to Russia.", ("ACCUSE", "FRA", "RUS")),
        ("Britain said it was supportive of France.", ("SUPPORT", "GBR", "FRA")),
    ],
)
def test_events_a_predicative_adjective_of_stance_is_its_act(nlp, text, expected):
    assert expected in dyads(hand_doc(nlp, text))


def test_events_a_critical_remark_is_not_a_stance():
    from communique.stages.events import _stance_hit

    class Word:  # an attributive adjective ('a critical moment') states no stance
        dep_, lower_, children = "amod", "critical", ()

    assert _stance_hit(Word()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia strengthened its forces in Libya.", ("MOBILIZE", "154")),  # raising forces
        ("Britain reduced food supplies to Libya.", ("SANCTION", "162")),  # lowering aid
        ("France ended its mediation between Russia and Britain.", ("SANCTION", "165")),
        ("Iran suspended talks with the EU.", ("SANCTION", "164")),  # not a suspension of aid
        ("Britain and France upgraded their diplomatic ties.", ("SUPPORT", "050")),  # ties: relations
    ],
)
def test_events_raising_or_lowering_what_a_party_has(nlp, text, expected):
    assert [(e.type, e.cameo) for e in hand_doc(nlp, text).events][:1] == [expected]


def _pronoun_doc(nlp, text: str, pronoun: str):
    """'Rebels' are a Libyan group; the pronoun was resolved to a group of no country."""
    rebels = Mention(start=0, end=6, text="Rebels")
    start = text.index(f" {pronoun} ") + 1
    said = Mention(start=start, end=start + len(pronoun), text=pronoun)
    libya = text.index("Russia")
    entities = (
        Entity(id="r", name="Rebels", kind="GROUP", mentions=(rebels,), country="LBY", sector="REB"),
        Entity(id="q", name="Cell", kind="ORG", mentions=(said,), country=None, sector="REB"),
        Entity(id="c", name="Russia", kind="COUNTRY", mentions=(Mention(start=libya, end=libya + 6, text="Russia"),),
               country="RUS", sector="GOV"),
    )  # fmt: skip
    doc = ArticleDoc(article=Article(id="t", text=text), entities=entities)
    return make_stage(Settings())(doc, nlp(text))


def test_events_a_pronoun_of_no_country_stands_for_the_speaker(nlp):
    doc = _pronoun_doc(nlp, "Rebels said they attacked Russia.", "they")
    assert ("ASSAULT", "LBY", "RUS") in dyads(doc)
    other = _pronoun_doc(nlp, "Rebels said it attacked Russia.", "it")  # 'it' cannot be the rebels
    assert ("ASSAULT", "LBY", "RUS") not in dyads(other)


def test_evaluation_scores_transnational_militants_only_when_marked_so():
    from communique.evaluation import events as evaluation

    assert evaluation.gold_country("IMG") == "IMG"
    assert evaluation.party_country(Party(name="al-Qaeda", text="al-Qaeda", country=None, sector="IMG")) == "IMG"
    assert evaluation.party_country(Party(name="Rebels", text="rebels", country=None, sector="REB")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia sent weapons to Libya.", ("AID", "RUS", "LBY", "072")),  # arms are military aid
        ("Britain dispatched investigators to Libya.", ("ACCUSE", "GBR", "LBY", "090")),  # an investigation
        ("Libya declared a ceasefire with Russia.", ("CONCEDE", "LBY", "RUS", "0871")),  # PLOVER: declared
        ("France gave a warm welcome to Medvedev.", ("CONSULT", "FRA", "RUS", "043")),  # hosting a visit
        ("Britain welcomed Medvedev to London.", ("CONSULT", "GBR", "RUS", "043")),
        ("Britain issued a call for Russia to cooperate.", ("REQUEST", "GBR", "RUS", "100")),
        ("France sent tonnes of medicine to Libya.", ("AID", "FRA", "LBY", "073")),  # relief goods
    ],
)
def test_events_the_object_decides_the_verb_sense(nlp, text, expected):
    doc = hand_doc(nlp, text)
    assert [(e.type, e.actor[0].country, e.recipient[0].country, e.cameo) for e in doc.events][:1] == [expected]


def test_events_a_return_for_talks_is_a_consultation(nlp):
    doc = hand_doc(nlp, "British and Russian negotiators returned to Geneva for talks.")
    assert {e.type for e in doc.events} == {"CONSULT"}


def test_events_preventing_is_no_accusation(nlp):
    assert all(e.type != "ACCUSE" for e in hand_doc(nlp, "Britain acted to forestall a Russian veto.").events)


def test_events_blocking_roads_is_a_protest_only_by_civilians(nlp):
    from communique.stages.events_senses import sense_hit

    def code(text: str) -> str | None:
        verb = next(t for t in nlp(text) if t.lemma_ == "block")
        hit = sense_hit(verb, "block")
        return None if hit is None else hit[0]

    assert code("Protesters blocked the main road.") == "144"
    # CAMEO 144: 'when the blockade in question includes military forces, use 191'
    assert code("The army blocked the main road.") == "191"
    assert code("Separatist guerrillas blocked the highway to the port.") == "144"  # insurgents: CAMEO 1441


def test_events_a_light_verb_takes_the_event_noun_compounded_into_its_object(nlp):
    doc = hand_doc(nlp, "France undertook a mediation mission between Russia and Iran.")
    assert ("CONSULT", "FRA", "RUS") in dyads(doc)
    assert any(e.rule.startswith("verb:undertake+noun:mediation") for e in doc.events)


def test_events_mobilizing_civilians_rallies_support_and_forces_mobilize(nlp):
    civilians = hand_doc(nlp, "France has mobilized pressure groups in Britain.")
    assert [e.type for e in civilians.events][:1] == ["SUPPORT"]
    troops = hand_doc(nlp, "Russia mobilized troops on the border with Ukraine.")
    assert [e.type for e in troops.events][:1] == ["MOBILIZE"]


def test_events_taking_territory_by_force_is_an_occupation_typed_as_assault(nlp):
    doc = hand_doc(nlp, "Russian forces retook a village in Libya.")
    assert [(e.type, e.cameo) for e in doc.events][:1] == [("ASSAULT", "192")]
    assert all(e.cameo != "192" for e in hand_doc(nlp, "Russia seized weapons in Libya.").events)  # property
