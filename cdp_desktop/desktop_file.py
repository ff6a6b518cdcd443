"""freedesktop Desktop Entry files: writing the app's entry, quoting ``Exec`` and reading entries back.

Quoting follows the Desktop Entry Specification 1.4 ("The Exec key"): an argument holding a reserved character
is put in double quotes, inside which ``"``, `````, ``$`` and ``\\`` get a backslash; a literal ``%`` is
``%%``; then the whole value gets the string escapes (``\\`` → ``\\\\``, newline → ``\\n``). Shell single
quotes are not part of the spec and ``desktop-file-validate`` rejects them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import APP_NAME, DESKTOP_ID

SPEC_VERSION = "1.4"  # the newest version desktop-file-validate 0.26 (Debian 12) knows
RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = frozenset('"`$\\')


def escape_string(value: str) -> str:
    """A value of type string: backslash, newline, tab and carriage return escaped."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def unescape_string(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for c in chars:
        if c != "\\":
            out.append(c)
            continue
        nxt = next(chars, "")
        out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
    return "".join(out)


def quote_arg(arg: str) -> str:
    """One ``Exec`` argument, before the string escapes."""
    arg = arg.replace("%", "%%")
    if arg and not RESERVED.intersection(arg):
        return arg
    return '"' + "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in arg) + '"'


def exec_value(argv: Sequence[str]) -> str:
    """The value to write after ``Exec=`` for ``argv``."""
    return escape_string(" ".join(quote_arg(a) for a in argv))


def parse_exec(value: str) -> list[str]:
    """The argument vector of an ``Exec`` value as written in the file (field codes like ``%u`` dropped)."""
    text = unescape_string(value)
    args: list[str] = []
    current: list[str] = []
    in_arg = quoted = False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPED_IN_QUOTES:
                current.append(text[i + 1])
                i += 1
            elif c == '"':
                quoted = False
            else:
                current.append(c)
        elif c == '"':
            quoted = in_arg = True
        elif c in " \t\n":
            if in_arg:
                args.append("".join(current))
                current, in_arg = [], False
        else:
            current.append(c)
            in_arg = True
        i += 1
    if quoted:
        raise ValueError(f"unterminated quote in Exec value: {value!r}")
    if in_arg:
        args.append("".join(current))
    return [a for a in (_field_codes(a) for a in args) if a is not None]


def _field_codes(arg: str) -> str | None:
    """``%%`` → ``%``; a lone field code (``%f``, ``%U``, …) is dropped, as a launcher with no files does."""
    if len(arg) == 2 and arg[0] == "%" and arg[1] != "%":
        return None
    out: list[str] = []
    i = 0
    while i < len(arg):
        if arg[i] == "%" and i + 1 < len(arg):
            if arg[i + 1] == "%":
                out.append("%")
            i += 2
            continue
        out.append(arg[i])
        i += 1
    return "".join(out)


def read_group(text: str, group: str = "Desktop Entry") -> dict[str, str]:
    """The keys of one group (values still escaped; localized keys like ``Name[zh_CN]`` kept)."""
    values: dict[str, str] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        if current == group and "=" in line:
            key, _sep, value = line.partition("=")
            values.setdefault(key.strip(), value.strip())
    return values


def is_true(value: str | None) -> bool:
    return (value or "").strip() == "true"


@dataclass(frozen=True)
class EntryOptions:
    """What differs between the menu entry, the autostart entry and the file shipped in packaging/."""

    argv: Sequence[str]
    try_exec: str | None = None  # defaults to argv[0]
    workdir: str | None = None
    menu: bool = True  # GenericName, Categories and Keywords (an autostart entry needs none)
    autostart: bool = False


def render_entry(opts: EntryOptions) -> str:
    """The app's desktop entry; one source for packaging/, ``install-desktop-entry`` and autostart."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Version={SPEC_VERSION}",
        f"Name={APP_NAME}",
    ]
    if opts.menu:
        lines += ["GenericName=Discord Bot Keep-Alive", "GenericName[zh_CN]=Discord 机器人保活"]
    lines += [
        "Comment=Keep Discord bots alive with a verified daily keep-alive message",
        "Comment[zh_CN]=每天向 Discord 频道发送保活消息并确认机器人回复",
        f"TryExec={escape_string(opts.try_exec or opts.argv[0])}",
        f"Exec={exec_value(opts.argv)}",
    ]
    if opts.workdir:
        lines.append(f"Path={escape_string(opts.workdir)}")
    lines += [f"Icon={DESKTOP_ID}", "Terminal=false"]
    if opts.menu:
        lines += [
            "Categories=Network;Chat;",
            "Keywords=Discord;Coze;bot;keep-alive;proxy;tray;",
            "Keywords[zh_CN]=Discord;Coze;机器人;保活;代理;托盘;",
        ]
    lines += ["StartupNotify=false", f"StartupWMClass={DESKTOP_ID}"]
    if opts.autostart:
        lines.append("X-GNOME-Autostart-enabled=true")
    return "\n".join(lines) + "\n"


def lines_without(text: str, keys: Iterable[str]) -> str:
    """``text`` without the lines of ``keys`` (for comparisons that ignore them)."""
    drop = tuple(f"{k}=" for k in keys)
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(drop))
