"""Issue 4's acceptance list, literally: the CLI as real subprocesses against a standalone sandbox
subprocess (a Discord-compatible server found through ``CDP_DESKTOP_API_BASE``, with its rate limits on),
the token only in ``CDP_DESKTOP_TOKEN``, and everything checked on the server side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.support import WRONG_TOKEN, bot_messages, run_cli, run_json, safe_schedule_time
from tests.helpers.sandbox_process import SandboxProcess


def _by_channel(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["channel_id"]: r for r in report["results"]}


def _counts(sb: SandboxProcess, channels: list[str]) -> dict[str, int]:
    return {c: len(bot_messages(sb.messages(c))) for c in channels}


def _creates(sb: SandboxProcess) -> list[dict[str, Any]]:
    return [r for r in sb.requests() if r["method"] == "POST" and r["path"].endswith("/channels")]


def test_issue4_acceptance_through_the_cli(home: Path, sandbox_proc: SandboxProcess) -> None:
    sb = sandbox_proc
    api = sb.api_base
    guild, category, target = sb.info["guild_id"], sb.info["category_id"], sb.info["target_bot_id"]
    channels = sb.info["text_channel_ids"].split()
    assert len(channels) == 3
    kept, deleted = channels[:2], channels[2]

    settings = {
        "timezone": "UTC",
        "schedule_time": safe_schedule_time(),  # the current slot cannot roll over during the test
        "jitter_seconds": "0",
        "reply_timeout_seconds": "10",
    }
    for key, value in settings.items():
        proc = run_cli(home, "config", "set", key, value, api_base=api)
        assert proc.returncode == 0, proc.stderr
    for channel in channels:
        proc = run_cli(
            home, "channels", "add", "--guild", guild, "--channel", channel, "--mention", target, api_base=api
        )
        assert proc.returncode == 0, proc.stderr
    listed = run_json(home, "channels", "list", api_base=api, expect=0)["channels"]
    # channels add remembered what each channel looks like, so it can be recreated as it was
    remembered = {t["channel_id"]: (t["name"], t["category_id"]) for t in listed}
    assert remembered[deleted] == ("keepalive-2", category)

    # One configured channel is deleted on the server.
    assert sb.control("DELETE", f"/channels/{deleted}") == {"deleted": True}

    # run-now --json exits 1: two channels received exactly one message mentioning the target, one is missing.
    first = run_json(home, "run-now", api_base=api, expect=1)
    results = _by_channel(first)
    assert set(results) == set(channels)
    assert results[deleted]["state"] == "missing"
    for channel in kept:
        assert results[channel]["state"] == "replied", results[channel]
        (message,) = bot_messages(sb.messages(channel))
        assert f"<@{target}>" in message["content"]
        assert results[channel]["message_id"] == message["id"]
    assert first["outcome"] == "failed"

    # A second run-now the same day sends nothing more; --force sends again.
    second = run_json(home, "run-now", api_base=api, expect=1)
    assert set(_by_channel(second)) == {deleted}  # only the still-missing channel was tried again
    assert len(second["skipped_done"]) == 2
    assert _counts(sb, kept) == dict.fromkeys(kept, 1)
    forced = run_json(home, "run-now", "--force", api_base=api, expect=1)
    assert {c: r["state"] for c, r in _by_channel(forced).items()} == {
        kept[0]: "replied",
        kept[1]: "replied",
        deleted: "missing",
    }
    assert _counts(sb, kept) == dict.fromkeys(kept, 2)

    status = run_json(home, "status", api_base=api, expect=0)
    assert {c["channel_id"]: c["state"] for c in status["channels"]}[deleted] == "missing"

    # readd-missing recreates it with the same name under the same category, once.
    assert _creates(sb) == []
    readd = run_json(home, "readd-missing", api_base=api, expect=0)
    (entry,) = readd["entries"]
    assert entry["ok"] and entry["old_channel_id"] == deleted
    new_id = entry["new_channel_id"]
    assert new_id not in channels
    recreated = {c["id"]: c for c in sb.channels(guild)}[new_id]
    assert (recreated["name"], recreated["parent_id"], recreated["type"]) == ("keepalive-2", category, 0)
    assert len(_creates(sb)) == 1
    again = run_json(home, "readd-missing", api_base=api, expect=0)
    assert again["entries"] == []
    assert len(_creates(sb)) == 1, "a second readd-missing must create nothing"
    listed = run_json(home, "channels", "list", api_base=api, expect=0)["channels"]
    assert sorted(t["channel_id"] for t in listed) == sorted([*kept, new_id])

    # The next run-now sends to the new ID (and only there: the others are done for this slot).
    after = run_json(home, "run-now", api_base=api, expect=0)
    assert {c: r["state"] for c, r in _by_channel(after).items()} == {new_id: "replied"}
    (message,) = bot_messages(sb.messages(new_id))
    assert f"<@{target}>" in message["content"]
    assert _counts(sb, kept) == dict.fromkeys(kept, 2)

    # The server never saw a DELETE request: no configured channel (nor any other) was deleted by the app.
    requests = sb.requests()
    assert requests, "the request log is empty: the checks above proved nothing"
    assert [r for r in requests if r["method"] == "DELETE"] == []
    configured = {*channels, new_id}
    assert not [r for r in requests if r["method"] == "DELETE" and r["path"].split("/")[-1] in configured]


def test_token_check_logs_in_or_says_token_invalid(home: Path, sandbox_proc: SandboxProcess) -> None:
    api = sandbox_proc.api_base
    good = run_cli(home, "token", "check", api_base=api)
    assert good.returncode == 0, good.stderr
    assert "CDP Sandbox Bot" in good.stdout

    bad = run_cli(home, "token", "check", api_base=api, token=WRONG_TOKEN)
    assert bad.returncode == 2
    assert "token_invalid" in bad.stderr
    assert "Traceback" not in bad.stderr
