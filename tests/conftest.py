"""Shared test set-up: an environment isolated from the developer's config and variables."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# CI draws the same examples on every run (a failure there is reproducible, and never a
# new random find that blocks a landing); a local run draws new ones each time.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads the developer's config file or record, ICSFOLLOW_* or SOURCE_DATE_EPOCH.

    The record goes to a fresh folder (ICSFOLLOW_DATA_DIR, inherited by subprocesses).
    """
    for name in list(os.environ):
        if name.startswith("ICSFOLLOW_") or name == "SOURCE_DATE_EPOCH":
            monkeypatch.delenv(name)
    missing = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("ICSFOLLOW_CONFIG", str(missing))
    monkeypatch.setenv("ICSFOLLOW_DATA_DIR", str(tmp_path_factory.mktemp("data")))
