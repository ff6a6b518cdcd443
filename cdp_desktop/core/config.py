"""Settings and keep-alive targets: typed model, validation with precise messages, versioned JSON.

The file is written atomically (temp file, fsync, rename) with mode 0600. A file that cannot be read
is moved aside with its original bytes and reported; a file written by a newer version is read but
never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from . import schedule
from .atomic_file import atomic_write
from .locking import CHANGING_CONFIG, FileLock, LockTimeout
from .messages import Message, Param, template
from .run_texts import TEMPORARY_LABEL
from .schedule import Slot
from .validation import (
    MAX_MESSAGE_LENGTH,
    PROXY_SCHEMES,
    SECRET_SETTINGS,
    SUPPORTED_LANGUAGES,
    TEMPLATE_PLACEHOLDERS,
    ConfigError,
    clean_name,
    int_parser,
    parse_api_base_url,
    parse_bool,
    parse_cdp_url,
    parse_language,
    parse_proxy_url,
    parse_schedule_time,
    parse_snowflake,
    parse_template,
    parse_template_with_mention,
    parse_timezone,
    printable,
    redact_url,
    require_mention,
)

# The validators live in core.validation; they are part of this module's interface too.
__all__ = [
    "CONFIG_FILENAME",
    "DEFAULT_TEMPLATE",
    "LOCK_FILENAME",
    "LOCK_TIMEOUT",
    "MAX_MESSAGE_LENGTH",
    "PROXY_SCHEMES",
    "SCHEMA_VERSION",
    "SECRET_SETTINGS",
    "SETTING_KEYS",
    "SUPPORTED_LANGUAGES",
    "TEMPLATE_PLACEHOLDERS",
    "TEMPORARY_LABEL",
    "Config",
    "ConfigError",
    "ConfigStore",
    "LoadResult",
    "Settings",
    "Target",
    "clean_name",
    "config_from_dict",
    "config_to_dict",
    "int_parser",
    "new_uid",
    "parse_api_base_url",
    "parse_bool",
    "parse_cdp_url",
    "parse_language",
    "parse_proxy_url",
    "parse_schedule_time",
    "parse_snowflake",
    "parse_template",
    "parse_template_with_mention",
    "parse_timezone",
    "printable",
    "redact_url",
    "require_mention",
    "system_zone_name",
    "target_from_dict",
    "target_to_dict",
    "utcnow",
    "validate_target",
    "with_changes",
]

T = TypeVar("T")

SCHEMA_VERSION = 1
CONFIG_FILENAME = "config.json"
LOCK_FILENAME = "config.json.lock"
LOCK_TIMEOUT = 30.0  # seconds a writer waits for another process's edit (or a temporary channel's delete)
DEFAULT_TEMPLATE = "{mention} daily keep-alive \u00b7 {date} {time}"

_C = "ConfigError"
NOT_CONFIGURED = template(
    _C, "config.not_configured", "{value} is not a configured channel; see `channels list`."
)
ALREADY_CONFIGURED = template(_C, "config.already_configured", "channel {channel} is already configured.")
TEMPORARY_EXISTS = template(
    _C, "config.temporary_exists", "a temporary channel for this guild and category is already configured."
)
UNKNOWN_SETTING = template(_C, "config.unknown_setting", "unknown setting; known settings are {keys}.")
NAME_TOO_LONG = template(_C, "config.name_too_long", "channel names are at most 100 characters.")
NOTE_TOO_LONG = template(_C, "config.note_too_long", "notes are at most 200 characters.")
NOT_DATETIME = template(_C, "config.not_datetime", "{value} is not an ISO 8601 date and time.")
UNKNOWN_TARGET_KEY = template(_C, "config.unknown_target_key", "unknown key {key} in a target.")
NO_GUILD = template(_C, "config.no_guild", "a target has no guild_id.")
NOT_AN_OBJECT = template(_C, "config.not_an_object", "the file does not hold a JSON object.")
UNKNOWN_TOP_KEY = template(_C, "config.unknown_top_key", "unknown key at the top level of the configuration.")
EXPECTED_OBJECT = template(_C, "config.expected_object", "expected an object.")
EXPECTED_LIST = template(_C, "config.expected_list", "expected a list.")
TARGET_NOT_OBJECT = template(_C, "config.target_not_object", "each target must be an object.")

# What loading the file says when it cannot be used as it is (shown as warnings; English in the log file).
_F = "ConfigFile"
CANNOT_READ = template(
    _F,
    "config_file.cannot_read",
    "Could not read {path} ({error}); using defaults. Check the file's permissions.",
)
CANNOT_READ_NOT_SAVED = template(
    _F, "config_file.cannot_read_not_saved", "{path} could not be read ({error}); fix its permissions first."
)
NEWER = template(
    _F,
    "config_file.newer",
    "{path} was written by a newer version of CDP Desktop (schema {version}); it is used read-only and will"
    " not be overwritten. Upgrade CDP Desktop to change settings.",
)
NEWER_NOT_SAVED = template(
    _F,
    "config_file.newer_not_saved",
    "{path} was written by a newer version of CDP Desktop and is not overwritten; upgrade CDP Desktop to"
    " change settings.",
)
BAD_SETTING = template(
    _F,
    "config_file.bad_setting",
    "{path}: {problem} The default is used until you set it again,"
    " e.g. `cdp-desktop config set {field} VALUE`.",
)
UNKNOWN_SETTING_IGNORED = template(
    _F,
    "config_file.unknown_setting",
    "{path}: {field}: unknown setting, ignored; it is dropped at the next save.",
)
DAMAGED_NOT_MOVED = template(
    _F,
    "config_file.damaged_not_moved",
    "The configuration file {path} could not be read ({reason}) nor moved aside ({error}); CDP Desktop uses"
    " default settings and does not save them. Fix or remove the file.",
)
DAMAGED_NOT_SAVED = template(
    _F, "config_file.damaged_not_saved", "{path} is damaged and could not be moved aside ({error})."
)
MOVED_ASIDE = template(
    _F,
    "config_file.moved_aside",
    "The configuration file {path} could not be read ({reason}). It was moved to {aside} with its original"
    " contents; CDP Desktop starts with default settings.",
)


# --------------------------------------------------------------------------- model


@dataclass
class Settings:
    schedule_time: str = "00:00"
    timezone: str | None = None  # None: the system zone
    jitter_seconds: int = 60
    catch_up: bool = True
    reply_timeout_seconds: int = 60
    message_template: str = DEFAULT_TEMPLATE
    proxy_url: str | None = None
    api_base_url: str | None = None
    notifications: bool = True
    language: str | None = None  # None: follow the system locale
    presence_intents: bool = False  # ask for the privileged members + presences intents
    cdp_url: str | None = None  # coze-discord-proxy's API, checked with GET /v1/models after each run

    @property
    def time_of_day(self) -> time:
        hh, mm = self.schedule_time.split(":")
        return time(int(hh), int(mm))

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone or system_zone_name())

    def current_slot(self, now: datetime) -> Slot:
        """The latest slot of this schedule (time, zone, jitter) whose fire time is at or before ``now``."""
        return schedule.current_slot(now, self.time_of_day, self.zone(), self.jitter_seconds)

    def next_slot(self, now: datetime) -> Slot:
        """The first slot of this schedule whose fire time is after ``now``."""
        return schedule.next_slot(now, self.time_of_day, self.zone(), self.jitter_seconds)


SETTING_PARSERS: dict[str, Callable[[object], Any]] = {
    "schedule_time": parse_schedule_time,
    "timezone": parse_timezone,
    "jitter_seconds": int_parser("jitter_seconds", 0, 3600),
    "catch_up": lambda v: parse_bool(v, "catch_up"),
    "reply_timeout_seconds": int_parser("reply_timeout_seconds", 0, 600),
    "message_template": parse_template,
    "proxy_url": parse_proxy_url,
    "api_base_url": parse_api_base_url,
    "notifications": lambda v: parse_bool(v, "notifications"),
    "language": parse_language,
    "presence_intents": lambda v: parse_bool(v, "presence_intents"),
    "cdp_url": parse_cdp_url,
}
SETTING_KEYS = tuple(SETTING_PARSERS)


def system_zone_name() -> str:
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
        if name:
            ZoneInfo(name)
            return name
    except Exception:  # tzlocal raises various errors on unusual systems; UTC is a safe answer
        pass
    return "UTC"


def new_uid() -> str:
    return secrets.token_hex(6)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Target:
    """One keep-alive target. ``channel_id`` None means "a temporary channel created for each run"."""

    guild_id: int
    channel_id: int | None
    mention_id: int | None = None
    name: str = ""
    category_id: int | None = None
    topic: str | None = None
    position: int | None = None
    template: str | None = None
    enabled: bool = True
    added_at: datetime = field(default_factory=utcnow)
    enabled_at: datetime = field(default_factory=utcnow)
    uid: str = field(default_factory=new_uid)
    note: str = ""  # shown beside the channel; an import from coze-discord-proxy puts the bot's models here

    def __post_init__(self) -> None:
        self.name = clean_name(self.name)

    @property
    def is_temporary(self) -> bool:
        return self.channel_id is None

    @property
    def active_since(self) -> datetime:
        """Slots at or before this instant are not owed (adding a channel at 15:00 skips that day's 00:00)."""
        return max(self.added_at, self.enabled_at)

    @property
    def label(self) -> str:
        """How the target is named in English (log files, ``--json``)."""
        return str(self.label_message())

    def label_message(self) -> Param:
        """How the target is named in a sentence: ``#name``, its ID, or "temporary channel" translated."""
        if self.name:
            return f"#{self.name}"
        return str(self.channel_id) if self.channel_id else TEMPORARY_LABEL()


@dataclass
class Config:
    settings: Settings = field(default_factory=Settings)
    targets: list[Target] = field(default_factory=list)
    paused: bool = False
    schema_version: int = SCHEMA_VERSION

    # -- targets -----------------------------------------------------------------------------------
    def find(self, ref: str | int) -> Target:
        """A target by channel ID or uid; ConfigError when there is none."""
        text = str(ref).strip()
        mention = re.fullmatch(r"<#([0-9]+)>", text)  # the form Discord copies, accepted by `add` too
        if mention:
            text = mention.group(1)
        for t in self.targets:
            if text == t.uid or (t.channel_id is not None and text == str(t.channel_id)):
                return t
        raise ConfigError("channel", NOT_CONFIGURED(value=text))

    def add_target(self, target: Target) -> Target:
        validate_target(target)
        if target.channel_id is not None and any(t.channel_id == target.channel_id for t in self.targets):
            raise ConfigError("channel", ALREADY_CONFIGURED(channel=str(target.channel_id)))
        if target.is_temporary and any(
            t.is_temporary and t.guild_id == target.guild_id and t.category_id == target.category_id
            for t in self.targets
        ):
            raise ConfigError("channel", TEMPORARY_EXISTS())
        self.targets.append(target)
        return target

    def remove_target(self, ref: str | int) -> Target:
        target = self.find(ref)
        self.targets.remove(target)
        return target

    def set_enabled(self, ref: str | int, enabled: bool, now: datetime | None = None) -> Target:
        target = self.find(ref)
        if enabled and not target.enabled:
            target.enabled_at = now or utcnow()
        target.enabled = enabled
        return target

    def enabled_targets(self) -> list[Target]:
        return [t for t in self.targets if t.enabled]

    def configured_channel_ids(self) -> set[int]:
        return {t.channel_id for t in self.targets if t.channel_id is not None}

    # -- settings ----------------------------------------------------------------------------------
    def set_setting(self, key: str, value: object) -> object:
        if key not in SETTING_PARSERS:
            raise ConfigError(key, UNKNOWN_SETTING(keys=", ".join(SETTING_KEYS)))
        parsed = SETTING_PARSERS[key](value)
        setattr(self.settings, key, parsed)
        return parsed

    def get_setting(self, key: str) -> object:
        if key not in SETTING_PARSERS:
            raise ConfigError(key, UNKNOWN_SETTING(keys=", ".join(SETTING_KEYS)))
        return getattr(self.settings, key)

    def copy(self) -> Config:
        return config_from_dict(config_to_dict(self))


def validate_target(t: Target) -> None:
    parse_snowflake(t.guild_id, "guild")
    if t.channel_id is not None:
        parse_snowflake(t.channel_id, "channel")
    if t.mention_id is not None:
        parse_snowflake(t.mention_id, "mention")
    if t.category_id is not None:
        parse_snowflake(t.category_id, "category")
    if t.template is not None:
        parse_template(t.template, "template")
    if len(t.name) > 100:
        raise ConfigError("name", NAME_TOO_LONG())
    if len(t.note) > 200:
        raise ConfigError("note", NOTE_TOO_LONG())


# --------------------------------------------------------------------------- JSON (de)serialisation


def _dt_to_json(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _dt_from_json(value: object, field_name: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(field_name, NOT_DATETIME(value=repr(value))) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def target_to_dict(t: Target) -> dict[str, Any]:
    return {
        "uid": t.uid,
        "guild_id": str(t.guild_id),
        "channel_id": str(t.channel_id) if t.channel_id is not None else None,
        "mention_id": str(t.mention_id) if t.mention_id is not None else None,
        "name": clean_name(t.name),
        "category_id": str(t.category_id) if t.category_id is not None else None,
        "topic": t.topic,
        "position": t.position,
        "template": t.template,
        "enabled": t.enabled,
        "added_at": _dt_to_json(t.added_at),
        "enabled_at": _dt_to_json(t.enabled_at),
        "note": t.note,
    }


_TARGET_KEYS = {f.name for f in fields(Target)}


def target_from_dict(data: dict[str, Any]) -> Target:
    unknown = set(data) - _TARGET_KEYS
    if unknown:
        raise ConfigError("targets", UNKNOWN_TARGET_KEY(key=repr(sorted(unknown)[0])))

    def opt_id(key: str) -> int | None:
        v = data.get(key)
        return None if v in (None, "") else parse_snowflake(v, key.removesuffix("_id") or key)

    if "guild_id" not in data:
        raise ConfigError("guild", NO_GUILD())
    added = _dt_from_json(data["added_at"], "added_at") if data.get("added_at") else utcnow()
    position = data.get("position")
    target = Target(
        guild_id=parse_snowflake(data["guild_id"], "guild"),
        channel_id=opt_id("channel_id"),
        mention_id=opt_id("mention_id"),
        name=clean_name(data.get("name")),
        category_id=opt_id("category_id"),
        topic=None if data.get("topic") is None else str(data["topic"]),  # hand edits: numbers become text
        position=int(position) if position is not None else None,
        template=None if data.get("template") is None else parse_template(data["template"], "template"),
        enabled=parse_bool(data.get("enabled", True), "enabled"),
        added_at=added,
        enabled_at=_dt_from_json(data["enabled_at"], "enabled_at") if data.get("enabled_at") else added,
        uid=str(data.get("uid") or new_uid()),
        note=str(data.get("note") or ""),
    )
    validate_target(target)
    return target


def config_to_dict(config: Config) -> dict[str, Any]:
    s = config.settings
    return {
        "schema_version": SCHEMA_VERSION,
        "settings": {key: getattr(s, key) for key in SETTING_KEYS},
        "paused": config.paused,
        "targets": [target_to_dict(t) for t in config.targets],
    }


def config_from_dict(data: object, setting_problems: list[ConfigError] | None = None) -> Config:
    """``setting_problems``: when given, a bad or unknown setting is collected there and its default kept
    (a hand-edited ``"timezone": "Europe"`` must not cost the user every target); otherwise it raises."""
    if not isinstance(data, dict):
        raise ConfigError("config", NOT_AN_OBJECT())
    unknown = set(data) - {"schema_version", "settings", "targets", "paused"}
    if unknown:
        raise ConfigError(sorted(unknown)[0], UNKNOWN_TOP_KEY())
    config = Config()
    raw_settings = data.get("settings") or {}
    if not isinstance(raw_settings, dict):
        raise ConfigError("settings", EXPECTED_OBJECT())
    for key, value in raw_settings.items():
        if value is None and key in SETTING_PARSERS:
            # JSON null: the default (a hand-edited `"message_template": null` must not become "None")
            setattr(config.settings, key, getattr(Settings(), key))
            continue
        try:
            config.set_setting(key, value)
        except ConfigError as exc:
            if setting_problems is None:
                raise
            setting_problems.append(exc)
    config.paused = parse_bool(data.get("paused", False), "paused")
    raw_targets = data.get("targets") or []
    if not isinstance(raw_targets, list):
        raise ConfigError("targets", EXPECTED_LIST())
    for raw in raw_targets:
        if not isinstance(raw, dict):
            raise ConfigError("targets", TARGET_NOT_OBJECT())
        config.add_target(target_from_dict(raw))
    return config


# --------------------------------------------------------------------------- file store


@dataclass
class LoadResult:
    config: Config
    warnings: list[Message] = field(default_factory=list)  # in the reader's language when rendered
    moved_aside: Path | None = None
    read_only: bool = False  # written by a newer version: never overwrite


class ConfigStore:
    """Loads and saves ``config.json`` in a directory."""

    def __init__(
        self, directory: Path, clock: Callable[[], datetime] = utcnow, *, lock_timeout: float | None = None
    ) -> None:
        self.directory = Path(directory)
        self.path = self.directory / CONFIG_FILENAME
        # Every read-modify-write of the file, in any process, happens under this lock.
        self.lock = FileLock(
            self.directory / LOCK_FILENAME,
            timeout=LOCK_TIMEOUT if lock_timeout is None else lock_timeout,
            what=CHANGING_CONFIG,
        )
        self.read_only = False
        self.read_only_reason: Message | None = None
        self._clock = clock
        self._stamp: tuple[int, int] | None = None  # (mtime, size) as last read or written by us

    def _set_read_only(self, reason: Message) -> None:
        self.read_only = True
        self.read_only_reason = reason

    def load(self) -> LoadResult:
        result = self._load()
        self._stamp = self._current_stamp()
        return result

    def changed_on_disk(self) -> bool:
        """Whether another process (the CLI beside the GUI) wrote the file since we last read or wrote it."""
        return self._current_stamp() != self._stamp

    def _current_stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def _load(self) -> LoadResult:
        self.read_only, self.read_only_reason = False, None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult(Config())
        except OSError as exc:
            # An unreadable file is still the user's: saving over it would destroy it.
            error = exc.strerror or type(exc).__name__
            self._set_read_only(CANNOT_READ_NOT_SAVED(path=str(self.path), error=error))
            return LoadResult(Config(), [CANNOT_READ(path=str(self.path), error=error)], read_only=True)
        try:
            data = json.loads(raw.decode("utf-8"))
            version = data.get("schema_version", 1) if isinstance(data, dict) else 1
            if isinstance(version, int) and version > SCHEMA_VERSION:
                self._set_read_only(NEWER_NOT_SAVED(path=str(self.path)))
                return LoadResult(
                    self._load_newer(data), [NEWER(path=str(self.path), version=version)], read_only=True
                )
            problems: list[ConfigError] = []
            config = config_from_dict(data, problems)
            return LoadResult(
                config,
                [
                    BAD_SETTING(path=str(self.path), problem=p.message, field=p.field)
                    if p.field in SETTING_PARSERS
                    else UNKNOWN_SETTING_IGNORED(path=str(self.path), field=p.field)
                    for p in problems
                ],
            )
        except (
            UnicodeDecodeError,
            json.JSONDecodeError,
            ConfigError,
            TypeError,
            ValueError,
            AttributeError,
            RecursionError,  # hand-made JSON nested thousands of levels deep
        ) as exc:
            reason = str(exc) or type(exc).__name__
            try:
                aside = self._move_aside()
            except OSError as move_exc:
                error = move_exc.strerror or type(move_exc).__name__
                self._set_read_only(DAMAGED_NOT_SAVED(path=str(self.path), error=error))
                return LoadResult(
                    Config(),
                    [DAMAGED_NOT_MOVED(path=str(self.path), reason=reason, error=error)],
                    read_only=True,
                )
            return LoadResult(
                Config(),
                [MOVED_ASIDE(path=str(self.path), reason=reason, aside=str(aside))],
                moved_aside=aside,
            )

    def _load_newer(self, data: dict[str, Any]) -> Config:
        """Best effort: read the parts we understand, ignore the rest."""
        try:
            known = {k: v for k, v in data.items() if k in ("settings", "targets", "paused")}
            settings = known.get("settings") or {}
            known["settings"] = {k: v for k, v in settings.items() if k in SETTING_PARSERS}
            known["targets"] = [
                {k: v for k, v in t.items() if k in _TARGET_KEYS} for t in known.get("targets") or []
            ]
            return config_from_dict(known)
        except (ConfigError, TypeError, ValueError, AttributeError):
            return Config()

    def _move_aside(self) -> Path:
        stamp = self._clock().strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        os.replace(self.path, aside)
        return aside

    def save(self, config: Config) -> None:
        if self.read_only:
            raise ConfigError("config", self.read_only_reason or NEWER_NOT_SAVED(path=str(self.path)))
        payload = json.dumps(config_to_dict(config), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        atomic_write(self.path, payload)
        self._stamp = self._current_stamp()

    def update(
        self, mutate: Callable[[Config], T], on_load: Callable[[LoadResult], object] | None = None
    ) -> tuple[LoadResult, T]:
        """Read-modify-write under the inter-process lock: the file as it is now, changed by ``mutate``,
        validated by a round trip and saved. Two processes editing at once both keep their change.

        ``on_load`` sees what was read (its warnings) before anything can fail. Returns what was loaded
        (its ``config`` is the saved one) and what ``mutate`` returned."""
        with self.locked():
            loaded = self.load()
            if on_load is not None:
                on_load(loaded)
            value = mutate(loaded.config)
            validated = config_from_dict(config_to_dict(loaded.config))  # ConfigError on invalid input
            self.save(validated)
            loaded.config = validated
            return loaded, value

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the config lock; waiting too long is a ConfigError (the window shows it like any refusal)."""
        try:
            self.lock.acquire()
        except LockTimeout as exc:
            raise ConfigError("config", exc.message) from None
        try:
            yield
        finally:
            self.lock.release()

    def configured_ids_on_disk(self) -> set[int]:
        """The channel IDs configured in the file right now, read leniently (a setting this version finds
        invalid must not hide a configured channel from the delete guard). Raises when the file exists but
        cannot be read as JSON: the delete guard then refuses (fail closed)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return set()
        data = json.loads(raw.decode("utf-8"))
        ids: set[int] = set()
        targets = data.get("targets") if isinstance(data, dict) else None
        for target in targets if isinstance(targets, list) else []:
            value = target.get("channel_id") if isinstance(target, dict) else None
            digits = re.sub(r"[^0-9]", "", str(value)) if value is not None else ""
            if digits:
                ids.add(int(digits))
        return ids


def with_changes(target: Target, **changes: Any) -> Target:
    return replace(target, **changes)
