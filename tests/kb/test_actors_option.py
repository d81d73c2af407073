"""`--actors FILE` on analyze and ingest reaches the entity stage; a bad file stops the run."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from communique.cli.app import app

STORY = "The former KGB agent Andrei Lugovoi met David Cameron in Moscow."
USER = '[[actor]]\nname = "Andrei Lugovoi"\ncountry = "GBR"\nsector = "JRN"\n'


def _run(tmp_path, actor_text):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    actors = tmp_path / "actors.toml"
    actors.write_text(actor_text, encoding="utf-8")
    args = ["analyze", str(story), "--date", "2011-09-13", "--format", "json", "--actors", str(actors)]
    return CliRunner().invoke(app, args)


def test_analyze_actors_option_overrides_packaged_actor(tmp_path):
    result = _run(tmp_path, USER)
    assert result.exit_code == 0, result.output
    entities = {e["name"]: e for e in json.loads(result.output)["entities"]}
    assert (entities["Andrei Lugovoi"]["country"], entities["Andrei Lugovoi"]["sector"]) == ("GBR", "JRN")
    assert entities["David Cameron"]["role"] == "prime minister"  # the --date reaches the stage too


def test_analyze_actors_option_rejects_bad_file(tmp_path):
    result = _run(tmp_path, '[[actor]]\nname = "X"\ncountry = "ZZZ"\nsector = "GOV"\n')
    assert result.exit_code != 0
    assert "actors.toml" in (result.output + str(result.exception))
