"""A run at DEBUG level everywhere writes no token into its home or its output (discord.py's DEBUG request
lines included). The same scan over every home and output of the end-to-end tests runs once they have all
finished, in whatever order: the session finalizer in tests/e2e/conftest.py."""

from __future__ import annotations

from pathlib import Path

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.sandbox import SandboxThread
from tests.e2e import support
from tests.e2e.support import TOKEN, TOKEN_SECRET, files_containing, run_json, safe_schedule_time


def test_token_is_in_no_file_and_no_output(home: Path) -> None:
    # A run at DEBUG level everywhere: the most a log can say.
    with SandboxThread(token=TOKEN, rate_limits=False) as sb:
        settings = Settings(timezone="UTC", schedule_time=safe_schedule_time(), reply_timeout_seconds=5)
        target = Target(sb.guild_id, sb.text_channel_ids[0], sb.target_bot_id)
        ConfigStore(home).save(Config(settings=settings, targets=[target]))
        report = run_json(home, "-vv", "run-now", api_base=sb.api_base, expect=0)
        assert [r["state"] for r in report["results"]] == ["replied"]

    logs = [p for h in support.HOMES for p in h.rglob("*.log") if p.stat().st_size > 0]
    assert logs, "no log file was written: the scan below would prove nothing"
    # discord.py's DEBUG request lines reached a file: the place a header dump would show up
    assert any(b"DEBUG   discord.http" in p.read_bytes() for p in logs)
    for h in support.HOMES:
        assert h.is_dir()
        for needle in (TOKEN, TOKEN_SECRET):
            assert files_containing(h, needle) == [], f"the token is in a file under {h}"
    assert support.OUTPUTS, "no output was captured"
    for text in support.OUTPUTS:
        assert TOKEN_SECRET not in text, "the token leaked into captured output"
