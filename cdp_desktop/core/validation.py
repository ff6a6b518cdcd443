"""Validation of settings and targets: one function per kind of value, raising :class:`ConfigError` with a
message (``core.messages``) that says precisely what is wrong and how to write it instead."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from urllib.parse import SplitResult, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import CdpError
from .messages import Message, template, verbatim

TEMPLATE_PLACEHOLDERS = ("mention", "date", "time", "channel")
MAX_MESSAGE_LENGTH = 1900  # Discord allows 2000; the slot marker needs the rest

# What the validators say (English is the wording of ``str(err)``, which scripts and the log files read).
_C = "ConfigError"
FIELD_PROBLEM = template(_C, "config.field_problem", "{field}: {problem}")
NOT_SNOWFLAKE = template(
    _C,
    "config.not_snowflake",
    "{value} is not a Discord ID. IDs are 17 to 20 digits; copy one with Developer Mode on"
    " (right-click \u2192 Copy ID).",
)
NOT_TIME = template(_C, "config.not_time", "{value} is not a time of day; use HH:MM from 00:00 to 23:59.")
UNKNOWN_ZONE = template(
    _C, "config.unknown_zone", "{value} is not a known time zone; use an IANA name such as Asia/Shanghai."
)
EXPECTED_NUMBER = template(_C, "config.expected_number", "expected a whole number from {low} to {high}.")
NOT_NUMBER = template(_C, "config.not_number", "{value} is not a whole number from {low} to {high}.")
OUT_OF_RANGE = template(_C, "config.out_of_range", "{value} is out of range; use {low} to {high}.")
NOT_BOOL = template(_C, "config.not_bool", "{value} is not true or false.")
TEMPLATE_EMPTY = template(_C, "config.template_empty", "the message template is empty.")
TEMPLATE_TOO_LONG = template(
    _C, "config.template_too_long", "the template is too long ({length} characters; keep it under 1800)."
)
TEMPLATE_BRACE = template(
    _C,
    "config.template_brace",
    "the template has an unbalanced brace ({error}); write {{{{ for a literal {{.",
)
UNKNOWN_PLACEHOLDER = template(
    _C, "config.unknown_placeholder", "unknown placeholder {{{name}}}; use {allowed}."
)
PLACEHOLDER_FORMAT = template(
    _C,
    "config.placeholder_format",
    "write placeholders plainly, like {{{name}}}; formats are not supported.",
)
NO_MENTION = template(
    _C,
    "config.no_mention",
    "the template has no {{mention}}: a message that does not mention the target bot"
    " does not keep it active.",
)
URL_SPACES = template(
    _C, "config.url_spaces", "{value} contains spaces or control characters; e.g. {example}."
)
URL_BAD_PORT = template(_C, "config.url_bad_port", "{value} has an invalid port; use 1 to 65535.")
URL_INVALID = template(_C, "config.url_invalid", "{value} is not a valid URL; e.g. {example}.")
URL_PORT_RANGE = template(_C, "config.url_port_range", "{value} has port {port}; use a port from 1 to 65535.")
URL_NO_HOST = template(_C, "config.url_no_host", "{value} has no host name; e.g. {example}.")
PROXY_SCHEME = template(
    _C,
    "config.proxy_scheme",
    "{value} has no supported scheme; use http://, https://, socks5:// or socks5h://.",
)
PROXY_NO_PORT = template(_C, "config.proxy_no_port", "{value} needs a host and a port, e.g. {example}.")
NOT_HTTP = template(_C, "config.not_http", "{value} is not an http(s) URL, e.g. {example}.")
CDP_BAD_PORT = template(_C, "config.cdp_bad_port", "{value} has an invalid port.")
NO_LANGUAGE = template(_C, "config.no_language", "{value} is not available; use {languages} or system.")


class ConfigError(CdpError):
    """Invalid input. ``field`` names the setting or target field at fault; ``problem`` says what is wrong
    with it (what a form shows under the field) and ``message`` is the whole "field: problem" line, both
    rendered in the reader's language; ``detail`` and ``str(err)`` are their English words (logs, scripts)."""

    def __init__(self, field_name: str, problem: str | Message) -> None:
        self.problem = problem if isinstance(problem, Message) else verbatim(problem)
        self.field = field_name
        self.detail = str(self.problem)
        self.message = FIELD_PROBLEM(field=field_name, problem=self.problem)
        super().__init__(str(self.message))


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
            NOT_SNOWFLAKE(value=repr(text)),
        )
    return int(text)


def parse_schedule_time(value: object) -> str:
    text = str(value).strip()
    m = _HHMM.match(text)
    if not m or not (0 <= int(m.group(1)) <= 23 and 0 <= int(m.group(2)) <= 59):
        raise ConfigError("schedule_time", NOT_TIME(value=repr(text)))
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
        raise ConfigError("timezone", UNKNOWN_ZONE(value=repr(name))) from None
    return name


def int_parser(field_name: str, lo: int, hi: int) -> Callable[[object], int]:
    def parse(value: object) -> int:
        if isinstance(value, bool):
            raise ConfigError(field_name, EXPECTED_NUMBER(low=lo, high=hi))
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ConfigError(field_name, NOT_NUMBER(value=repr(value), low=lo, high=hi)) from None
        if not lo <= number <= hi:
            raise ConfigError(field_name, OUT_OF_RANGE(value=number, low=lo, high=hi))
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
    raise ConfigError(field_name, NOT_BOOL(value=repr(value)))


def parse_template(value: object, field_name: str = "message_template") -> str:
    if value is None:
        raise ConfigError(field_name, TEMPLATE_EMPTY())
    text = str(value)
    if not text.strip():
        raise ConfigError(field_name, TEMPLATE_EMPTY())
    if len(text) > MAX_MESSAGE_LENGTH - 100:
        raise ConfigError(field_name, TEMPLATE_TOO_LONG(length=len(text)))
    try:
        fields_ = [
            (name, spec, conv) for _, name, spec, conv in string.Formatter().parse(text) if name is not None
        ]
    except ValueError as exc:
        raise ConfigError(field_name, TEMPLATE_BRACE(error=str(exc))) from None
    allowed = ", ".join("{" + p + "}" for p in TEMPLATE_PLACEHOLDERS)
    for name, spec, conv in fields_:
        if name not in TEMPLATE_PLACEHOLDERS:
            raise ConfigError(field_name, UNKNOWN_PLACEHOLDER(name=name, allowed=allowed))
        if spec or conv:
            # "{date:d}" or "{mention!z}" pass str.format's parser but fail when the message is built
            raise ConfigError(field_name, PLACEHOLDER_FORMAT(name=name))
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
            NO_MENTION(),
        )
    return text


def parse_template_with_mention(value: object, field_name: str = "message_template") -> str:
    return require_mention(parse_template(value, field_name), field_name)


PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def _split_url(field_name: str, text: str, example: str) -> tuple[SplitResult, int | None]:
    """``urlsplit`` with the port checked (1-65535); any malformation is a ConfigError naming the field."""
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ConfigError(field_name, URL_SPACES(value=repr(text), example=example))
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError for a port that is not a number or not in 0-65535
        host = parts.hostname
    except ValueError as exc:  # e.g. "http://[::1" (unclosed IPv6 bracket), "http://h:99999"
        if "port" in str(exc).lower():
            raise ConfigError(field_name, URL_BAD_PORT(value=repr(text))) from None
        raise ConfigError(field_name, URL_INVALID(value=repr(text), example=example)) from None
    if port is not None and not 1 <= port <= 65535:
        raise ConfigError(field_name, URL_PORT_RANGE(value=repr(text), port=port))
    if not host:
        raise ConfigError(field_name, URL_NO_HOST(value=repr(text), example=example))
    return parts, port


def parse_proxy_url(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    example = "http://127.0.0.1:7890"
    if text.partition(":")[0].lower() not in PROXY_SCHEMES:
        raise ConfigError("proxy_url", PROXY_SCHEME(value=repr(text)))
    _parts, port = _split_url("proxy_url", text, example)
    if port is None:
        raise ConfigError("proxy_url", PROXY_NO_PORT(value=repr(text), example=example))
    return text


def parse_api_base_url(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().rstrip("/")
    example = "https://discord.com/api/v10"
    if text.partition(":")[0].lower() not in ("http", "https"):
        raise ConfigError("api_base_url", NOT_HTTP(value=repr(text), example=example))
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
        raise ConfigError("cdp_url", CDP_BAD_PORT(value=repr(text))) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigError("cdp_url", NOT_HTTP(value=repr(text), example="http://127.0.0.1:7077"))
    return text


def parse_language(value: object) -> str | None:
    if value is None or str(value).strip() in ("", "system"):
        return None
    text = str(value).strip().replace("-", "_")
    if text not in SUPPORTED_LANGUAGES:
        raise ConfigError("language", NO_LANGUAGE(value=repr(text), languages=", ".join(SUPPORTED_LANGUAGES)))
    return text


SUPPORTED_LANGUAGES = ("en", "zh_CN")
