"""Warnings and errors a test may declare with ``@pytest.mark.expect_log(...)`` (see ``tests/conftest.py``).

Each pattern is searched in ``"logger.name: message"``. A test that provokes a failure names the records it
expects; anything else logged at WARNING or above fails it.
"""

from __future__ import annotations

# The engine's run log: one line per channel that did not go well, and the run's summary.
CHANNEL_FAILED = r"^cdp_desktop\.engine: .+: [a-z_]+ — "
RUN_SUMMARY = r"^cdp_desktop\.engine: Run \d+ \("
RUN_STOPPED = r"^cdp_desktop\.engine: .+: stopping this run\.$"
NOT_RECREATED = r"^cdp_desktop\.engine: #\S+: not recreated: "
TEMP_CHANNEL_KEPT = r"^cdp_desktop\.engine: Temporary channel .+ (not deleted|could not be deleted)"
RUN_FAILURES = (CHANNEL_FAILED, RUN_SUMMARY)

# The Discord adapter.
DELETE_REFUSED = r"^cdp_desktop\.discord_client\.port: (Refused to delete|delete guard could not read)"
TOKEN_REJECTED = r"^cdp_desktop\.discord_client\.supervisor: Discord connection stopped: Discord rejected"
CONNECTION_LOST = r"^cdp_desktop\.discord_client\.supervisor: Discord connection lost "
INTENTS_REFUSED = r"^cdp_desktop\.discord_client\.supervisor: Privileged intents refused"

# discord.py's own (the app lets its supervisor reconnect; a bare discord.py client logs this as an ERROR).
DISCORD_RECONNECT = r"^discord\.client: Attempting a reconnect in "
DISCORD_RATE_LIMITED = r"^discord\.http: (We are being rate limited|Global rate limit has been hit)"

# Everywhere: discord.py's heartbeat warnings say how loaded the machine is, not what the code did.
MACHINE_LOAD = (
    r"^discord\.gateway: Can't keep up, ",
    r"^discord\.gateway: Shard ID \S+ heartbeat blocked for more than ",
)

# Tests that inject faults at random (property tests) may meet any failure the product reports.
FAULT_INJECTION = (
    *RUN_FAILURES,
    RUN_STOPPED,
    NOT_RECREATED,
    TEMP_CHANNEL_KEPT,
    DELETE_REFUSED,
    TOKEN_REJECTED,
    CONNECTION_LOST,
    DISCORD_RATE_LIMITED,
)
