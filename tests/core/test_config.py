"""Settings and targets: round trip, every validation message, corrupt files, newer schema, atomic save."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cdp_desktop.core import config as cfg
from cdp_desktop.core.config import (
    SCHEMA_VERSION,
    Config,
    ConfigError,
    ConfigStore,
    Target,
    config_from_dict,
    config_to_dict,
    parse_snowflake,
)
from cdp_desktop.paths import AppPaths

GUILD, CHANNEL, BOT = 123456789012345678, 234567890123456789, 345678901234567890


def sample_config() -> Config:
    c = Config()
    c.set_setting("schedule_time", "7:05")
    c.set_setting("timezone", "Asia/Shanghai")
    c.set_setting("jitter_seconds", "0")
    c.set_setting("catch_up", "off")
    c.set_setting("proxy_url", "socks5h://user:pw@127.0.0.1:1080")
    c.set_setting("api_base_url", "http://127.0.0.1:8123/api/v10/")
    c.set_setting("message_template", "早上好 {mention} {{literal}} {date}")
    c.set_setting("language", "zh-CN")
    c.add_target(Target(guild_id=GUILD, channel_id=CHANNEL, mention_id=BOT, name="keep-alive", topic="t"))
    c.add_target(Target(guild_id=GUILD, channel_id=None, category_id=BOT + 1, template="{mention}"))
    c.paused = True
    return c


# --------------------------------------------------------------------------- model and round trip


def test_round_trip_through_file(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    original = sample_config()
    store.save(original)
    loaded = store.load()
    assert loaded.warnings == [] and not loaded.read_only
    assert loaded.config == original
    assert loaded.config.settings.schedule_time == "07:05"
    assert loaded.config.settings.api_base_url == "http://127.0.0.1:8123/api/v10"
    assert loaded.config.settings.language == "zh_CN"
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["targets"][0]["channel_id"] == str(CHANNEL)  # IDs as strings: JSON readers lose 64-bit ints
    assert "早上好" in store.path.read_text(encoding="utf-8")


def test_defaults_when_no_file(tmp_path: Path) -> None:
    result = ConfigStore(tmp_path / "nothing-here").load()
    assert result.config == Config() and result.warnings == [] and result.moved_aside is None
    s = result.config.settings
    assert (s.schedule_time, s.jitter_seconds, s.catch_up, s.reply_timeout_seconds) == ("00:00", 60, True, 60)
    assert s.notifications is True and s.timezone is None and s.proxy_url is None
    assert "{mention}" in s.message_template


def test_saved_file_is_private(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path / "sub")
    store.save(Config())
    assert store.path.stat().st_mode & 0o777 == 0o600
    store.path.chmod(0o644)  # a later save does not keep a looser mode
    store.save(Config())
    assert store.path.stat().st_mode & 0o777 == 0o600


def test_targets_enable_disable_find_remove() -> None:
    c = Config()
    t = c.add_target(Target(guild_id=GUILD, channel_id=CHANNEL))
    assert c.find(str(CHANNEL)) is t and c.find(t.uid) is t
    later = datetime(2030, 1, 1, tzinfo=UTC)
    c.set_enabled(CHANNEL, False)
    assert c.enabled_targets() == []
    c.set_enabled(CHANNEL, True, now=later)
    assert t.enabled and t.enabled_at == later and t.active_since == later
    assert c.remove_target(CHANNEL) is t and c.targets == []


# --------------------------------------------------------------------------- validation messages


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("abc", "guild"),
        ("1" * 16, "guild"),
        ("1" * 21, "channel"),
        ("99999999999999999999", "mention"),
        ("", "x"),
    ],
)
def test_snowflake_rejected_with_field_name(value: str, field: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_snowflake(value, field)
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    assert "17 to 20 digits" in str(info.value) and "Copy ID" in str(info.value)


@pytest.mark.parametrize(
    "value", ["1" * 17, "1" * 20, f" {GUILD} ", f"<@{BOT}>", f"<@!{BOT}>", f"<#{CHANNEL}>"]
)
def test_snowflake_accepted(value: str) -> None:
    assert str(parse_snowflake(value, "guild")) in value


SETTING_ERRORS = [
    ("schedule_time", "24:00", "use HH:MM from 00:00 to 23:59"),
    ("schedule_time", "12:60", "use HH:MM from 00:00 to 23:59"),
    ("schedule_time", "noon", "is not a time of day"),
    ("timezone", "Mars/Olympus_Mons", "is not a known time zone; use an IANA name"),
    ("timezone", "../../etc/passwd", "is not a known time zone"),
    ("jitter_seconds", "3601", "out of range; use 0 to 3600"),
    ("jitter_seconds", "1.5", "is not a whole number from 0 to 3600"),
    ("jitter_seconds", True, "expected a whole number"),
    ("reply_timeout_seconds", "-1", "out of range; use 0 to 600"),
    ("catch_up", "maybe", "is not true or false"),
    ("notifications", "2", "is not true or false"),
    ("message_template", "   ", "the message template is empty"),
    ("message_template", "{user}", "unknown placeholder {user}; use {mention}, {date}, {time}, {channel}"),
    ("message_template", "{mention", "unbalanced brace"),
    ("message_template", "{date:%Y}", "formats are not supported"),
    ("message_template", "{mention!z}", "formats are not supported"),
    ("message_template", "x" * 1801, "too long"),
    ("proxy_url", "ftp://127.0.0.1:21", "use http://, https://, socks5:// or socks5h://"),
    ("proxy_url", "socks4://127.0.0.1:1080", "no supported scheme"),
    ("proxy_url", "127.0.0.1:7890", "no supported scheme"),
    ("proxy_url", "http://127.0.0.1", "needs a host and a port"),
    ("proxy_url", "http://127.0.0.1:99999", "invalid port"),
    ("api_base_url", "ftp://discord.com/api", "is not an http(s) URL"),
    ("api_base_url", "discord.com/api/v10", "is not an http(s) URL"),
    ("language", "fr", "is not available; use en, zh_CN or system"),
    ("no_such_setting", "1", "unknown setting; known settings are schedule_time"),
]


@pytest.mark.parametrize(("key", "value", "expected"), SETTING_ERRORS)
def test_setting_messages(key: str, value: object, expected: str) -> None:
    c = Config()
    before = config_to_dict(c)
    with pytest.raises(ConfigError) as info:
        c.set_setting(key, value)
    assert info.value.field == key
    assert expected in str(info.value)
    assert config_to_dict(c) == before  # a rejected value changes nothing


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("proxy_url", "http://127.0.0.1:7890", "http://127.0.0.1:7890"),
        ("proxy_url", "https://p.example:443", "https://p.example:443"),
        ("proxy_url", "socks5://127.0.0.1:1080", "socks5://127.0.0.1:1080"),
        ("proxy_url", "", None),
        ("timezone", "system", None),
        ("timezone", "America/Santiago", "America/Santiago"),
        ("api_base_url", "https://discord.com/api/v10", "https://discord.com/api/v10"),
        ("catch_up", "yes", True),
        ("message_template", "{mention} {channel} {time}", "{mention} {channel} {time}"),
    ],
)
def test_setting_accepted(key: str, value: str, stored: object) -> None:
    c = Config()
    assert c.set_setting(key, value) == stored and c.get_setting(key) == stored


def test_get_unknown_setting() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        Config().get_setting("bogus")


def test_duplicate_channel_rejected() -> None:
    c = Config()
    c.add_target(Target(guild_id=GUILD, channel_id=CHANNEL))
    with pytest.raises(ConfigError, match=f"channel: channel {CHANNEL} is already configured"):
        c.add_target(Target(guild_id=GUILD + 1, channel_id=CHANNEL))
    c.add_target(Target(guild_id=GUILD, channel_id=None))
    with pytest.raises(
        ConfigError, match="temporary channel for this guild and category is already configured"
    ):
        c.add_target(Target(guild_id=GUILD, channel_id=None))
    assert len(c.targets) == 2


def test_target_field_messages() -> None:
    c = Config()
    with pytest.raises(ConfigError, match=r"^mention: 'x'"):
        c.add_target(Target(guild_id=GUILD, channel_id=CHANNEL, mention_id="x"))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"^name: channel names are at most 100"):
        c.add_target(Target(guild_id=GUILD, channel_id=CHANNEL, name="n" * 101))
    with pytest.raises(ConfigError, match=r"^template: unknown placeholder"):
        c.add_target(Target(guild_id=GUILD, channel_id=CHANNEL, template="{nope}"))
    with pytest.raises(ConfigError, match=r"^channel: .* is not a configured channel; see `channels list`"):
        c.find(CHANNEL)


def _doc(**changes: object) -> dict[str, object]:
    data = config_to_dict(sample_config())
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "field", "expected"),
    [
        (_doc(colour="blue"), "colour", "unknown key at the top level"),
        (_doc(settings={"volume": 3}), "volume", "unknown setting"),
        (
            _doc(targets=[{"guild_id": str(GUILD), "channel_id": str(CHANNEL), "owner": "me"}]),
            "targets",
            "unknown key 'owner' in a target",
        ),
        (_doc(targets=[{"channel_id": str(CHANNEL)}]), "guild", "a target has no guild_id"),
        (_doc(targets=[{"guild_id": "12"}]), "guild", "is not a Discord ID"),
        (_doc(targets="nope"), "targets", "expected a list"),
        (_doc(settings=[1]), "settings", "expected an object"),
        ([1, 2], "config", "does not hold a JSON object"),
        (
            _doc(targets=[{"guild_id": str(GUILD), "channel_id": str(CHANNEL)}] * 2),
            "channel",
            "already configured",
        ),
    ],
)
def test_document_messages(data: object, field: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(data)
    assert info.value.field == field and expected in str(info.value)


# --------------------------------------------------------------------------- corrupt and newer files


def _fixed_clock() -> datetime:
    return datetime(2025, 3, 30, 0, 0, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"schema_version": 1, "settings": {"schedule_time": "00:0',  # truncated
        b"\xff\xfe not utf-8",
        b"[]",
        b'{"schema_version": 1, "targets": [{"guild_id": "12"}]}',
        b"[" * 100_000 + b"]" * 100_000,  # deeper than the JSON parser's recursion limit
        b"",
    ],
    ids=["truncated", "not-utf8", "list", "bad-target", "100k-deep", "empty"],
)
def test_corrupt_file_moved_aside_with_original_bytes(tmp_path: Path, raw: bytes) -> None:
    store = ConfigStore(tmp_path, clock=_fixed_clock)
    store.path.write_bytes(raw)
    result = store.load()
    aside = tmp_path / "config.json.corrupt-20250330T000005"
    assert result.moved_aside == aside
    assert aside.read_bytes() == raw
    assert not store.path.exists()
    assert result.config == Config() and not result.read_only
    (warning,) = map(str, result.warnings)
    assert str(aside) in warning and "default settings" in warning
    store.save(result.config)  # defaults may be saved; the moved-aside copy stays
    assert aside.read_bytes() == raw


def test_bad_setting_in_the_file_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    """A hand-edited ``"timezone": "Europe"`` (a folder of the zone database): that setting falls back to its
    default with a warning naming it and the command that fixes it; targets and other settings stay."""
    store = ConfigStore(tmp_path, clock=_fixed_clock)
    data = config_to_dict(sample_config())
    data["settings"].update(timezone="Europe", schedule_time="99:99", jitter_seconds=5, gone=1)
    raw = json.dumps(data).encode()
    store.path.write_bytes(raw)
    result = store.load()
    assert result.moved_aside is None and not result.read_only and store.path.read_bytes() == raw
    assert [t.channel_id for t in result.config.targets] == [t.channel_id for t in sample_config().targets]
    assert result.config.settings.jitter_seconds == 5
    assert result.config.settings.timezone is None and result.config.settings.schedule_time == "00:00"
    time_, zone, unknown = map(str, result.warnings)  # in the file's order
    assert "'Europe'" in zone and "config set timezone" in zone
    assert "'99:99'" in time_ and "config set schedule_time" in time_
    assert "gone" in unknown and "unknown setting" in unknown
    store.save(result.config)  # saving writes valid values: the next load is clean
    assert store.load().warnings == []


def test_second_corrupt_file_gets_its_own_name(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path, clock=_fixed_clock)
    store.path.write_bytes(b"{1")
    first = store.load().moved_aside
    store.path.write_bytes(b"{2")
    second = store.load().moved_aside
    assert first is not None and second is not None and first != second
    assert first.read_bytes() == b"{1" and second.read_bytes() == b"{2"


def test_newer_schema_is_read_but_never_overwritten(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    data = config_to_dict(sample_config())
    data["schema_version"] = SCHEMA_VERSION + 1
    data["settings"]["future_setting"] = 1
    data["future_top_level"] = {"x": 1}
    raw = json.dumps(data).encode()
    store.path.write_bytes(raw)
    result = store.load()
    assert result.read_only and store.read_only
    newer = str(result.warnings[0])
    assert "newer version" in newer and f"schema {SCHEMA_VERSION + 1}" in newer
    assert result.config.settings.schedule_time == "07:05"  # what we understand is used
    assert [t.channel_id for t in result.config.targets] == [CHANNEL, None]
    with pytest.raises(ConfigError, match="newer version of CDP Desktop and is not overwritten"):
        store.save(result.config)
    assert store.path.read_bytes() == raw
    assert list(tmp_path.iterdir()) == [store.path]


def test_unreadable_file_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ConfigStore(tmp_path)
    original = sample_config()
    store.save(original)
    real_read_bytes = Path.read_bytes

    def denied(path: Path) -> bytes:  # chmod 0 does not stop root, who runs CI: refuse the read instead
        if path == store.path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = store.load()
    assert result.read_only and "Could not read" in str(result.warnings[0])
    with pytest.raises(ConfigError, match="could not be read"):
        store.save(Config())
    monkeypatch.undo()
    assert store.load().config == original


def test_unreadable_directory_entry_is_not_overwritten(tmp_path: Path) -> None:
    """A config.json that is a directory cannot be read (also as root); saving must not clobber it."""
    store = ConfigStore(tmp_path)
    store.path.mkdir()
    result = store.load()
    assert result.read_only and result.warnings
    with pytest.raises(ConfigError):
        store.save(Config())
    assert store.path.is_dir()


def test_reload_after_fix_clears_read_only(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1}))
    assert store.load().read_only
    store.path.write_text(json.dumps({"schema_version": SCHEMA_VERSION}))
    assert not store.load().read_only
    store.save(Config())


# --------------------------------------------------------------------------- interrupted saves


@pytest.mark.parametrize("victim", ["fsync", "replace", "write"])
def test_crash_during_save_keeps_previous_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, victim: str
) -> None:
    store = ConfigStore(tmp_path)
    original = sample_config()
    store.save(original)
    before = store.path.read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if victim == "write":
        # fail in the middle of the data: half of the new bytes are in the temp file
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, fh: object) -> None:
                self.fh = fh

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc: object) -> None:
                self.fh.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> None:
                self.fh.write(data[: len(data) // 2])  # type: ignore[attr-defined]
                self.fh.flush()  # type: ignore[attr-defined]
                boom()

        monkeypatch.setattr(cfg.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(cfg.os, victim, boom)
    with pytest.raises(OSError, match="No space left"):
        store.save(Config())
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]
    assert store.load().config == original


def test_killed_process_mid_write_leaves_previous_file(tmp_path: Path) -> None:
    """A real crash: SIGKILL while the writer is between writing the temp file and renaming it."""
    store = ConfigStore(tmp_path)
    original = sample_config()
    store.save(original)
    before = store.path.read_bytes()
    ready = tmp_path / "ready"
    script = textwrap.dedent(
        f"""
        import os, time, pathlib
        from cdp_desktop.core import config as cfg
        real_fsync = os.fsync
        def slow_fsync(fd):
            real_fsync(fd)
            pathlib.Path({str(ready)!r}).write_text("x")
            time.sleep(60)
        cfg.os.fsync = slow_fsync
        cfg.ConfigStore(pathlib.Path({str(tmp_path)!r})).save(cfg.Config())
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2])
    try:
        deadline = time.monotonic() + 20
        while not ready.exists():
            assert proc.poll() is None, "writer exited early"
            assert time.monotonic() < deadline, "writer never reached the rename"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert store.path.read_bytes() == before
    assert store.load().config == original
    # the orphaned temp file is hidden (dot-prefixed) and never mistaken for the config
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("config.json", "ready")]
    assert all(name.startswith(".config.json.") and name.endswith(".tmp") for name in leftovers)


# --------------------------------------------------------------------------- paths


def test_paths_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CDP_DESKTOP_HOME", raising=False)
    p = AppPaths.resolve(tmp_path / "h")
    assert p.config_file == tmp_path / "h" / "config.json"
    assert p.log_file.parent == tmp_path / "h" / "logs"
    assert p.history_file.parent == tmp_path / "h"
    monkeypatch.setenv("CDP_DESKTOP_HOME", str(tmp_path / "env"))
    assert AppPaths.resolve().config_dir == tmp_path / "env"
    assert AppPaths.resolve(tmp_path / "arg").config_dir == tmp_path / "arg"  # --home wins over the env
    p.ensure()
    assert (tmp_path / "h" / "logs").is_dir()
    assert (tmp_path / "h").stat().st_mode & 0o777 == 0o700


def test_paths_platformdirs_without_vendor_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CDP_DESKTOP_HOME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    p = AppPaths.resolve()
    if sys.platform.startswith("linux"):
        assert p.config_dir == tmp_path / "cfg" / "cdp-desktop"
        assert p.log_dir == tmp_path / "state" / "cdp-desktop" / "log"
    assert "cdp-desktop/cdp-desktop" not in p.config_dir.as_posix()


def test_a_template_without_mention_is_refused_when_set_but_an_old_file_still_loads() -> None:
    from cdp_desktop.core.config import (
        config_from_dict,
        config_to_dict,
        parse_template_with_mention,
        require_mention,
    )

    c = Config()
    with pytest.raises(ConfigError, match=r"no \{mention\}: a message that does not mention the target bot"):
        parse_template_with_mention("good morning {channel}")
    with pytest.raises(ConfigError, match=r"template: the template has no \{mention\}"):
        require_mention("hello {date}", "template")
    assert parse_template_with_mention("{mention} hi") == "{mention} hi"
    # A file written before the rule keeps loading (the user is told when editing it).
    data = config_to_dict(c)
    data["settings"]["message_template"] = "hello"
    assert config_from_dict(data).settings.message_template == "hello"


# --------------------------------------------------------------------------- issue 18: names, nulls, secrets


def test_clean_name_drops_control_and_bidi_characters() -> None:
    from cdp_desktop.core.config import clean_name, printable

    assert clean_name("a\x1b[31mb\r\n\tc\u202ed\x7f\x9b") == "a[31mbcd"
    assert clean_name(None) == ""
    assert clean_name("  général-日本  ") == "général-日本"
    assert printable("a\x1bb\nc") == "a\\x1bb\\nc"
    assert Target(guild_id=123456789012345678, channel_id=None, name="x\x1by").name == "xy"


def test_redact_url_masks_only_the_password() -> None:
    from cdp_desktop.core.config import redact_url

    assert redact_url("http://alice:S3cret@127.0.0.1:7890") == "http://alice:***@127.0.0.1:7890"
    assert redact_url("socks5://alice:p@ss:w@[::1]:1080") == "socks5://alice:***@[::1]:1080"
    assert redact_url("https://bob@relay.example/api/v10") == "https://bob@relay.example/api/v10"
    assert redact_url("http://127.0.0.1:7890") == "http://127.0.0.1:7890"
    assert redact_url(None) is None


def test_null_settings_take_their_default() -> None:
    config = config_from_dict({"settings": {"message_template": None, "reply_timeout_seconds": None}})
    assert config.settings.message_template == cfg.DEFAULT_TEMPLATE
    assert config.settings.reply_timeout_seconds == 60
    with pytest.raises(ConfigError, match="empty"):
        Config().set_setting("message_template", None)


def test_find_accepts_the_channel_mention_form() -> None:
    config = Config()
    target = config.add_target(Target(guild_id=123456789012345678, channel_id=234567890123456789))
    assert config.find("<#234567890123456789>") is target
    assert config.find(" 234567890123456789 ") is target
