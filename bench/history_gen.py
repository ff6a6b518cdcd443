"""A home directory with N channels configured and D days of history, written through the app's own APIs.

Every past slot is delivered and replied for every channel (sends ledger + results + a few log lines per run),
including the current slot, so an app started on this home is idle: nothing is due, no catch-up runs.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.core.errors import State
from cdp_desktop.core.history import ChannelResult, History
from cdp_desktop.core.message import slot_marker
from cdp_desktop.core.ports import SystemClock
from cdp_desktop.core.schedule import current_slot, slot_for_date
from cdp_desktop.paths import AppPaths


def make_home(
    home: Path, guild_id: int, channel_ids: list[int], mention_id: int, days: int = 30
) -> dict[str, float]:
    t0 = time.monotonic()
    paths = AppPaths.resolve(home)
    paths.ensure()
    clock = SystemClock()
    now = clock.now()
    settings = Settings(jitter_seconds=0)
    zone = settings.zone()
    # The daily slot six hours from now: the current slot is then yesterday's, already delivered below.
    local = (now + timedelta(hours=6)).astimezone(zone)
    settings.schedule_time = f"{local.hour:02d}:{local.minute:02d}"
    added = now - timedelta(days=days + 2)
    targets = [
        Target(
            guild_id=guild_id,
            channel_id=cid,
            mention_id=mention_id,
            name=f"bench-{i}",
            added_at=added,
            enabled_at=added,
        )
        for i, cid in enumerate(channel_ids)
    ]
    ConfigStore(paths.config_dir).save(Config(settings=settings, targets=targets))

    last = current_slot(now, settings.time_of_day, zone, 0)
    rows = 0
    msg_id = 1 << 40
    with History(paths.history_file) as history:
        for back in range(days - 1, -1, -1):
            slot = slot_for_date(last.local_date - timedelta(days=back), settings.time_of_day, zone, 0)
            start = slot.at + timedelta(seconds=1)
            run_id = history.start_run(slot.key, slot.at, "scheduled", start)
            history.add_log(run_id, start, "INFO", f"Run {run_id} started: slot {slot.key}, scheduled")
            for n, t in enumerate(targets):
                at = start + timedelta(milliseconds=20 * n)
                assert t.channel_id is not None
                msg_id += 1
                history.record_intent(t.uid, slot.key, t.channel_id, slot_marker(slot.key), at)
                history.record_sent(t.uid, slot.key, msg_id, at)
                history.add_result(
                    run_id,
                    ChannelResult(
                        run_id=run_id,
                        target_uid=t.uid,
                        channel_id=t.channel_id,
                        label=t.label,
                        state=State.REPLIED,
                        message_id=msg_id,
                        reply_latency=1.5,
                        at=at + timedelta(seconds=1.5),
                    ),
                )
                rows += 1
            end = start + timedelta(seconds=len(targets) / 50 + 2)
            history.add_log(run_id, end, "INFO", f"Run {run_id}: {len(targets)} replied.")
            history.finish_run(run_id, end, "ok")
    return {"seconds": time.monotonic() - t0, "result_rows": rows, "channels": len(targets), "days": days}
