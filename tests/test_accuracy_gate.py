"""The accuracy gate's rules: floors hold, raising is free, lowering needs a written reason."""

import json

from communique.evaluation import gate


def floors(value, reason=None):
    pinned = {"floor": value}
    if reason:
        pinned["reason"] = reason
    return {"sets": {"tests/gold/events.jsonl": {"subject": "events", "figures": {"type_accuracy": pinned}}}}


def test_gate_figure_below_floor_fails_and_absent_set_is_skipped():
    assert not gate.Check(gold="g", figure="f", floor=0.8, value=0.79).passed
    assert gate.Check(gold="g", figure="f", floor=0.8, value=0.8).passed
    assert gate.Check(gold="g", figure="f", floor=0.8, value=None).passed


def test_gate_lowering_without_reason_is_refused():
    history = [floors(0.7), floors(0.8)]
    assert gate.unexplained_lowerings(floors(0.75), history)
    assert not gate.unexplained_lowerings(floors(0.75, reason="new tokenizer splits differently"), history)
    assert not gate.unexplained_lowerings(floors(0.85), history)


def test_gate_raise_moves_floors_up_only():
    current = floors(0.8)
    checks = [gate.Check(gold="tests/gold/events.jsonl", figure="type_accuracy", floor=0.8, value=0.9)]
    assert gate.raise_floors(current, checks)["sets"]["tests/gold/events.jsonl"]["figures"]["type_accuracy"]["floor"] == 0.9
    lower = [gate.Check(gold="tests/gold/events.jsonl", figure="type_accuracy", floor=0.9, value=0.5)]
    assert gate.raise_floors(current, lower)["sets"]["tests/gold/events.jsonl"]["figures"]["type_accuracy"]["floor"] == 0.9


def test_gate_reads_dotted_figures():
    assert gate.figure_of({"scores": {"type": {"f1": 0.5}}}, "scores.type.f1") == 0.5


def test_gate_floors_file_names_known_subjects():
    pinned = gate.load_floors()
    assert {entry["subject"] for entry in pinned["sets"].values()} <= {"events", "quotes", "actors"}
    assert all(json.dumps(entry["figures"]) for entry in pinned["sets"].values())
