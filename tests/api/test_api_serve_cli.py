"""`communique serve`: the optional extra stays optional."""

import subprocess
import sys

import pytest

from communique.cli import serve as serve_module
from communique.errors import ConfigError


def test_serve_without_the_extra_says_what_to_install(monkeypatch, tmp_path):
    real = serve_module.importlib.util.find_spec
    monkeypatch.setattr(serve_module.importlib.util, "find_spec", lambda name: None if name == "fastapi" else real(name))
    with pytest.raises(ConfigError, match=r"pip install 'communique\[api\]'"):
        serve_module.serve(str(tmp_path / "x.duckdb"), host="127.0.0.1", port=0, max_body=10)


def test_serve_refuses_a_missing_database(tmp_path):
    pytest.importorskip("fastapi")
    from communique.errors import StoreError

    with pytest.raises(StoreError, match="communique ingest"):
        serve_module.serve(str(tmp_path / "none.duckdb"), host="127.0.0.1", port=0, max_body=10)


def test_serve_is_the_only_command_that_would_import_fastapi():
    code = "import sys, communique.cli.app; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
