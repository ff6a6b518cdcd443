"""Core messages: a key and parameters, rendered in a language only when shown, stored as JSON."""

from __future__ import annotations

import json

import pytest

from cdp_desktop.core.messages import Message, catalog, lookup, template

GREETING = template("TestMessages", "test.greeting", "Channel {channel} answered in {seconds} s.")
COUNT = template("TestMessages", "test.count", "%n channel(s) recreated.", plural="count")
WRAPPED = template("TestMessages", "test.wrapped", "{label}: {why}")


def test_english_rendering_fills_the_parameters() -> None:
    assert str(GREETING(channel="#general", seconds=0.25)) == "Channel #general answered in 0.2 s."


def test_nested_messages_render_in_the_same_language() -> None:
    message = WRAPPED(label="#a", why=GREETING(channel="#b", seconds=1.0))

    def shout(context: str, text: str, n: int | None) -> str:
        return (
            text.upper()
            .replace("{LABEL}", "{label}")
            .replace("{WHY}", "{why}")
            .replace("{CHANNEL}", "{channel}")
            .replace("{SECONDS}", "{seconds}")
        )

    assert message.render(shout) == "#a: CHANNEL #b ANSWERED IN 1.0 S."


def test_plural_count_reaches_the_translator() -> None:
    seen: list[int | None] = []

    def spy(context: str, text: str, n: int | None) -> str:
        seen.append(n)
        return text.replace("%n", str(n))

    assert COUNT(count=3).render(spy) == "3 channel(s) recreated."
    assert seen == [3]


def test_json_round_trip_keeps_key_and_nested_parameters() -> None:
    message = WRAPPED(label="#a", why=COUNT(count=2))
    stored = json.loads(json.dumps(message.to_json()))
    assert Message.from_json(stored) == message
    assert str(Message.from_json(stored)) == "#a: 2 channel(s) recreated."


def test_a_broken_translation_falls_back_to_english() -> None:
    assert GREETING(channel="#x", seconds=2).render(lambda c, t, n: "{nope}") == "Channel #x answered in 2 s."


def test_unknown_key_from_a_newer_version_still_says_something() -> None:
    assert Message("future.thing", {"a": 1}).render() == "future.thing a=1"


def test_keys_are_unique() -> None:
    assert lookup("test.greeting") is GREETING
    assert "test.count" in catalog()
    with pytest.raises(ValueError):
        template("TestMessages", "test.greeting", "Something else.")
