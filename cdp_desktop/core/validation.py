"""Validation of settings and targets: one function per kind of value, raising :class:`ConfigError` with a
message that says precisely what is wrong and how to write it instead."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from urllib.parse import SplitResult, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import CdpError

TEMPLATE_PLACEHOLDERS = ("mention", "date", "time", "channel")
MAX_MESSAGE_LENGTH = 1900  # Discord allows 2000; the slot marker needs the rest


class ConfigError(CdpError):
    """Invalid input. ``field`` names the setting or target field at fault."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.detail = message


# --------------------------------------------------------------------------- validators


_SNOWFLAKE = re.compile(r"^[0-9]{17,20}$")
_HHMM = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")


def parse_snowflake(value: object, field_name: str) -> int:
    """A Discord ID: a decimal snowflake of 17 to 20 digits. Accepts ``<@123…>`` / ``<#123…>`` mentions."""
    text = str(value).strip()
    m = re.fullmatch(r"<[@#]!?([0-9]+)>", text)
    if m:
        text = m.group(1)
    if not _SNOWFLAKE.match(text) or int(text) >= 2**64:
        raise ConfigError(
            field_name,
            f"{text!r} is not a Discord ID. IDs are 17 to 20 digits; copy one with Developer Mode "
            "on (right-click \u2192 Copy ID).",
        )
    return int(text)


def parse_schedule_time(value: object) -> str:
    text = str(value).strip()
    m = _HHMM.match(text)
    if not m or not (0 <= int(m.group(1)) <= 23 and 0 <= int(m.group(2)) <= 59):
        raise ConfigError("schedule_time", f"{text!r} is not a time of day; use HH:MM from 00:00 to 23:59.")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_timezone(value: object) -> str | None:
    """An IANA zone name, or empty/None for the system zone."""
    if value is None or str(value).strip() in ("", "system"):
        return None
    name = str(value).strip()
    try:
        # A folder of the zone database ("America") raises IsADirectoryError, a data file ValueError.
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigError(
            "timezone", f"{name!r} is not a known time zone; use an IANA name such as Asia/Shanghai."
        ) from None
    return name


def int_parser(field_name: str, lo: int, hi: int) -> Callable[[object], int]:
    def parse(value: object) -> int:
        if isinstance(value, bool):
            raise ConfigError(field_name, f"expected a whole number from {lo} to {hi}.")
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ConfigError(field_name, f"{value!r} is not a whole number from {lo} to {hi}.") from None
        if not lo <= number <= hi:
            raise ConfigError(field_name, f"{number} is out of range; use {lo} to {hi}.")
        return number

    return parse


def parse_bool(value: object, field_name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    raise ConfigError(field_name, f"{value!r} is not true or false.")


def parse_template(value: object, field_name: str = "message_template") -> str:
    if value is None:
        raise ConfigError(field_name, "the message template is empty.")
    text = str(value)
    if not text.strip():
        raise ConfigError(field_name, "the message template is empty.")
    if len(text) > MAX_MESSAGE_LENGTH - 100:
        raise ConfigError(
            field_name, f"the template is too long ({len(text)} characters; keep it under 1800)."
        )
    try:
        fields_ = [
            (name, spec, conv) for _, name, spec, conv in string.Formatter().parse(text) if name is not None
        ]
    except ValueError as exc:
        raise ConfigError(
            field_name, f"the template has an unbalanced brace ({exc}); write {{{{ for a literal {{."
        ) from None
    allowed = ", ".join("{" + p + "}" for p in TEMPLATE_PLACEHOLDERS)
    for name, spec, conv in fields_:
        if name not in TEMPLATE_PLACEHOLDERS:
            raise ConfigError(field_name, f"unknown placeholder {{{name}}}; use {allowed}.")
        if spec or conv:
            # "{date:d}" or "{mention!z}" pass str.format's parser but fail when the message is built
            raise ConfigError(
                field_name, f"write placeholders plainly, like {{{name}}}; formats are not supported."
            )
    return text


# C0/C1 control characters and the bidirectional overrides: a channel name holding ESC or a newline could
# rewrite the user's terminal or fake a line of output.
_UNSAFE_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_name(value: object) -> str:
    """A channel name without control characters (removed on input: from the user, a file or Discord)."""
    return _UNSAFE_CHARS.sub("", str(value or "")).strip()


def printable(text: str) -> str:
    """``text`` with any control character shown as an escape (``\\x1b``), for terminal output."""
    return _UNSAFE_CHARS.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def redact_url(value: object) -> object:
    """A URL with the password of its userinfo shown as ``***`` (``http://alice:***@host:port``)."""
    if not isinstance(value, str) or "@" not in value:
        return value
    parts = urlsplit(value)
    if parts.password is None:
        return value
    userinfo, _, host = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


SECRET_SETTINGS = ("proxy_url", "api_base_url")  # may carry user:password@


def require_mention(text: str, field_name: str = "message_template") -> str:
    """A keep-alive that does not mention the target bot does not keep it active: new templates need one.

    Checked where a person sets a template (``config set``, Settings, the channel editor), not when a config
    is loaded: an older file keeps working, and the user is told when editing it."""
    if not any(name == "mention" for _, name, _, _ in string.Formatter().parse(text)):
        raise ConfigError(
            field_name,
            "the template has no {mention}: a message that does not mention the target bot "
            "does not keep it active.",
        )
    return text


def parse_template_with_mention(value: object, field_name: str = "message_template") -> str:
    return require_mention(parse_template(value, field_name), field_name)


PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def _split_url(field_name: str, text: str, example: str) -> tuple[SplitResult, int | None]:
    """``urlsplit`` with the port checked (1-65535); any malformation is a ConfigError naming the field."""
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ConfigError(field_name, f"{text!r} contains spaces or control characters; e.g. {example}.")
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError for a port that is not a number or not in 0-65535
        host = parts.hostname
    except ValueError as exc:  # e.g. "http://[::1" (unclosed IPv6 bracket), "http://h:99999"
        if "port" in str(exc).lower():
            raise ConfigError(field_name, f"{text!r} has an invalid port; use 1 to 65535.") from None
        raise ConfigError(field_name, f"{text!r} is not a valid URL; e.g. {example}.") from None
    if port is not None and not 1 <= port <= 65535:
        raise ConfigError(field_name, f"{text!r} has port {port}; use a port from 1 to 65535.")
    if not host:
        raise ConfigError(field_name, f"{text!r} has no host name; e.g. {example}.")
    return parts, port


def parse_proxy_url(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    example = "http://127.0.0.1:7890"
    if text.partition(":")[0].lower() not in PROXY_SCHEMES:
        raise ConfigError(
            "proxy_url", f"{text!r} has no supported scheme; use http://, https://, socks5:// or socks5h://."
        )
    _parts, port = _split_url("proxy_url", text, example)
    if port is None:
        raise ConfigError("proxy_url", f"{text!r} needs a host and a port, e.g. {example}.")
    return text


def parse_api_base_url(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().rstrip("/")
    example = "https://discord.com/api/v10"
    if text.partition(":")[0].lower() not in ("http", "https"):
        raise ConfigError("api_base_url", f"{text!r} is not an http(s) URL, e.g. {example}.")
    _split_url("api_base_url", text, example)
    return text


def parse_cdp_url(value: object) -> str | None:
    """coze-discord-proxy's base URL (``http://127.0.0.1:7077``); a pasted ``…/v1…`` tail is cut off."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().rstrip("/")
    for tail in ("/v1/models", "/v1/chat/completions", "/v1"):
        text = text.removesuffix(tail)
    parts = urlsplit(text)
    try:
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise ConfigError("cdp_url", f"{text!r} has an invalid port.") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigError("cdp_url", f"{text!r} is not an http(s) URL, e.g. http://127.0.0.1:7077.")
    return text


def parse_language(value: object) -> str | None:
    if value is None or str(value).strip() in ("", "system"):
        return None
    text = str(value).strip().replace("-", "_")
    if text not in SUPPORTED_LANGUAGES:
        raise ConfigError(
            "language", f"{text!r} is not available; use {', '.join(SUPPORTED_LANGUAGES)} or system."
        )
    return text


SUPPORTED_LANGUAGES = ("en", "zh_CN")
