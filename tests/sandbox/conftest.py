"""Every sandbox test points discord.py at a local server; put its endpoints back afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sandbox.helpers import endpoints_restored


@pytest.fixture(autouse=True)
def discord_endpoints() -> Iterator[None]:
    with endpoints_restored():
        yield
