"""Settings come from ATTACHE_* variables, are validated at start-up, and are documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import SETTINGS, Config, load_config
from kg.errors import ConfigError

README = Path(__file__).resolve().parents[2] / "README.md"


def test_defaults_apply_when_the_environment_is_empty() -> None:
    config = load_config(environ={})
    assert config.store == "embedded"
    assert config.port == 5000
    assert config.store_path == Path("data") / "store"


def test_every_setting_is_a_config_field_whose_default_is_the_declared_one() -> None:
    """A Config built directly and one read from an empty environment are the same."""
    names = {f for f in Config.__dataclass_fields__ if f != "extra"}
    assert names == {s.name for s in SETTINGS}
    assert Config() == load_config(environ={})


def test_environment_variables_override_defaults() -> None:
    config = load_config(environ={"ATTACHE_DATA": "/tmp/x", "ATTACHE_PORT": "8080"})
    assert config.data == Path("/tmp/x")
    assert config.port == 8080


def test_explicit_overrides_beat_the_environment() -> None:
    config = load_config(environ={"ATTACHE_DATA": "/tmp/x"}, data=Path("/tmp/y"))
    assert config.data == Path("/tmp/y")


@pytest.mark.parametrize(
    ("name", "value"),
    [("ATTACHE_PORT", "eighty"), ("ATTACHE_PORT", "-1"), ("ATTACHE_STORE", "postgres")],
)
def test_a_malformed_value_is_an_error_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_config(environ={name: value})


def test_the_readme_lists_every_setting_with_its_default() -> None:
    text = README.read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.env}`" in text, f"README does not document {setting.env}"
