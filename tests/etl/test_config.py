"""The tracked organisation comes from a data file, not code."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.config import DEFAULT_PATH, ENV_VAR, load_config
from tests.paths import TESTS

SCIENCE_PARK = TESTS / "data" / "science_park.toml"


def test_default_tracks_cyberport() -> None:
    c = load_config(DEFAULT_PATH)
    assert c.name == "Cyberport"
    assert "Hong Kong Cyberport" in c.aliases and "the park" in c.place_words
    assert c.rates["USD"] == 7.8
    assert c.aliases == tuple(sorted(c.aliases, key=len, reverse=True))


def test_environment_variable_names_another_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(SCIENCE_PARK))
    assert load_config().name == "Hong Kong Science Park"


def test_bad_files_say_what_is_wrong(tmp_path: Path) -> None:
    bad = tmp_path / "t.toml"
    bad.write_text("[tracked]\naliases = ['X']\n")
    with pytest.raises(ValueError, match="needs a name"):
        load_config(bad)
    bad.write_text("[tracked]\nname = 'X'\n[output]\nother_entities = 'maybe'\n")
    with pytest.raises(ValueError, match="other_entities"):
        load_config(bad)


def test_rates_are_configurable(tmp_path: Path) -> None:
    f = tmp_path / "t.toml"
    f.write_text("[tracked]\nname = 'X'\n[rates]\nusd = 7.75\n")
    c = load_config(f)
    assert c.rates == {"USD": 7.75} and c.aliases == ("X",)


def test_a_name_in_any_case_is_an_alias_and_a_metric_has_its_least() -> None:
    config = load_config()
    assert config.is_alias("cyberport") and config.is_alias("HONG KONG CYBERPORT")
    assert not config.is_alias("Parcelwise")
    assert config.least_for("companies") == 50 and config.least_for("unicorns") is None


def test_a_floor_rises_over_the_organisations_first_years(tmp_path) -> None:
    f = tmp_path / "t.toml"
    f.write_text(
        "[tracked]\nname = 'X'\n[least]\ncompanies = 60\n[least_ramp]\nfrom = 2000\nto = 2006\n"
    )
    c = load_config(f)
    assert [c.least_for("companies", y) for y in (1999, 2000, 2003, 2006, 2020)] == [
        0,
        0,
        30,
        60,
        60,
    ]
    assert c.least_for("companies") == 60  # (no year: the full floor)
    f.write_text("[tracked]\nname = 'X'\n[least_ramp]\nfrom = 2006\nto = 2006\n")
    with pytest.raises(ValueError, match="least_ramp"):
        load_config(f)
