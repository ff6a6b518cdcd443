"""Fixtures for the window tests: the window's language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.translation import ui_language


@pytest.fixture
def chinese(qapp: Any) -> Iterator[str]:
    """The window speaks Simplified Chinese during the test."""
    with ui_language(qapp, "zh_CN") as language:
        yield language


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """The test runs once in English and once in Simplified Chinese."""
    with ui_language(qapp, request.param) as language:
        yield language
