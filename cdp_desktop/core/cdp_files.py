"""Readers for the files a coze-discord-proxy (CDP) deployment is configured with, keeping line numbers.

* ``docker-compose.yml``: PyYAML's node tree (``yaml.compose``), so every value knows its line; merge keys
  (``<<: *defaults``) are followed.
* ``.env`` / ``env_file``: python-dotenv's tokenizer (quotes, ``export``, comments, multi-line values), then
  ``${VAR}`` references resolved the way docker compose does: earlier variables of the same file only,
  nothing from the environment of the process reading it, no interpolation inside single quotes.
* ``bot_config.json``: JSON with ``//`` and ``/* */`` comments and trailing commas, stripped by a scanner that
  knows where strings are (a ``//`` inside ``"http://…"`` stays), line numbers preserved.

All text is read as UTF-8 with or without a BOM, with any line ending. Every problem is a
:class:`CdpFileError` naming the file and the line.
"""

from __future__ import annotations

import io
import json
import json.decoder
import json.scanner
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CdpError
from .messages import Message, Param, Template, Translate, english, template

log = logging.getLogger(__name__)
_C = "CdpImport"  # translation context of the messages of the import

FOLDER_NOT_FILE = template(_C, "cdp_file.folder_not_file", "this is a folder, not a file.")
CANNOT_READ = template(_C, "cdp_file.cannot_read_os", "cannot be read; check that it exists and is readable.")
DOES_NOT_EXIST = template(_C, "cdp_file.does_not_exist", "the file does not exist; check the path.")
NO_PERMISSION = template(
    _C, "cdp_file.no_permission", "permission denied: you may not read this file; check its permissions."
)
NOT_UTF8 = template(_C, "cdp_file.not_utf8", "the file is not UTF-8 text; save it as UTF-8 and try again.")
LINE_NOT_KEY_VALUE = template(
    _C,
    "cdp_file.line_not_key_value",
    "this line is not KEY=VALUE (check the quotes; a value with spaces needs quotes).",
)
YAML_ERROR = template(_C, "cdp_file.yaml_error", "YAML syntax error: {problem}.")
JSON_ERROR = template(_C, "cdp_file.json_error", "JSON syntax error: {problem}.")


@dataclass(frozen=True)
class Where:
    """A place in a file (``line`` None: the file as a whole)."""

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


# A message for people about an imported file (``core.messages``), rendered in the reader's language.
Text = Message

_AT = template(_C, "cdp_file.at", "{where}: {text}")


class CdpFileError(CdpError):
    """A CDP file that cannot be imported; ``where`` names the file and line."""

    def __init__(self, where: Where, text: Message) -> None:
        self.where = where
        self.text = text
        self.message = _AT(where=str(where), text=text)  # "<file>:<line>: what is wrong"
        super().__init__(str(self.message))

    def render(self, translate: Translate = english) -> str:
        return self.message.render(translate)


def fail(path: Path, line: int | None, what: Template, **params: Param) -> CdpFileError:
    return CdpFileError(Where(path, line), what(**params))


# --------------------------------------------------------------------------- text


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (a BOM is dropped), ``\\r\\n`` and ``\\r`` turned into ``\\n``."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise fail(path, None, FOLDER_NOT_FILE) from None
    except FileNotFoundError:
        raise fail(path, None, DOES_NOT_EXIST) from None
    except PermissionError:
        raise fail(path, None, NO_PERMISSION) from None
    except OSError as exc:  # the OS's own words are English: they go to the log, the user gets a message
        log.info("cannot read %s: %s", path, exc.strerror or type(exc).__name__)
        raise fail(path, None, CANNOT_READ) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Notepad's "Unicode": UTF-16 with a BOM
        try:
            return raw.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass  # not really UTF-16: reported as not UTF-8 below
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(path, line, NOT_UTF8) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- ${VAR} interpolation

_VAR = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}"
    r"|(?P<named>[A-Za-z_][A-Za-z0-9_]*))"
)


def interpolate(value: str, lookup: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """Resolve ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``, ``${VAR:+alt}``,
    ``${VAR:?message}`` and ``$$`` like docker compose; returns the text and the names that were unset."""
    unset: list[str] = []

    def sub(m: re.Match[str]) -> str:
        if m.group("escaped"):
            return "$"
        name = m.group("braced") or m.group("named")
        current = lookup(name)
        op, arg = m.group("op"), m.group("arg") or ""
        if op in (":-", "-"):
            use_default = current is None or (op == ":-" and current == "")
            return arg if use_default else str(current)
        if op in (":+", "+"):
            present = current is not None and (op == "+" or current != "")
            return arg if present else ""
        if current is None:
            unset.append(name)
            return ""
        return current

    return _VAR.sub(sub, value), unset


# --------------------------------------------------------------------------- .env


@dataclass(frozen=True)
class EnvValue:
    value: str | None  # None: named without a value (docker compose takes it from the shell)
    where: Where


def parse_env(path: Path, text: str | None = None) -> dict[str, EnvValue]:
    """A ``.env`` file, in order; later lines win; ``${VAR}`` refers to earlier lines of the same file."""
    from dotenv.parser import parse_stream

    if text is None:
        text = read_text(path)
    values: dict[str, EnvValue] = {}

    def lookup(name: str) -> str | None:
        found = values.get(name)
        return found.value if found else None

    for binding in parse_stream(io.StringIO(text)):
        line = binding.original.line
        if binding.error:
            raise fail(
                path,
                line,
                LINE_NOT_KEY_VALUE,
            )
        if binding.key is None:  # a comment or a blank line
            continue
        value = binding.value
        if value is not None and not _single_quoted(binding.original.string):
            value, _unset = interpolate(value, lookup)
        values[binding.key] = EnvValue(value, Where(path, line))
    return values


def _single_quoted(original: str) -> bool:
    """Whether the value on this ``KEY=VALUE`` line is in single quotes (no interpolation in them)."""
    _, _, rest = original.partition("=")
    return rest.lstrip().startswith("'")


# --------------------------------------------------------------------------- YAML


def load_yaml(path: Path, text: str | None = None) -> Any:
    """The document's root node (``yaml.Node`` with ``start_mark``), or None for an empty file."""
    import yaml

    if text is None:
        text = read_text(path)
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise fail(
            path,
            mark.line + 1 if mark else None,
            YAML_ERROR,
            problem=problem,
        ) from None
    except yaml.YAMLError as exc:
        raise fail(path, None, YAML_ERROR, problem=str(exc)) from None


def node_line(node: Any) -> int:
    return int(node.start_mark.line) + 1


def mapping_items(node: Any) -> Iterator[tuple[str, Any]]:
    """(key, value node) of a mapping node; keys from ``<<`` merges first, so that own keys win."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return
    merged: list[tuple[str, Any]] = []
    own: list[tuple[str, Any]] = []
    for key, value in node.value:
        if key.tag == "tag:yaml.org,2002:merge":
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                merged.extend(mapping_items(source))
        elif isinstance(key, yaml.ScalarNode):
            own.append((str(key.value), value))
    yield from merged
    yield from own


def mapping_get(node: Any, key: str) -> Any:
    found = None
    for k, v in mapping_items(node):
        if k == key:
            found = v
    return found


def scalar(node: Any) -> str | None:
    """A scalar's text as written (``1202…`` stays digits, never a float); None for null or non-scalars."""
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        return None
    return str(node.value)


def sequence(node: Any) -> list[Any]:
    import yaml

    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


# --------------------------------------------------------------------------- JSON with comments


def strip_json_comments(text: str) -> str:
    """Blank out ``//`` and ``/* */`` comments and trailing commas outside strings (same lines)."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    pending_comma: int | None = None  # index in ``out`` of a comma that may turn out to be trailing
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"' or c == "\n":  # a newline ends a broken string; json reports it at this line
                in_string = False
            i += 1
            continue
        if c == '"':
            in_string = True
            pending_comma = None
            out.append(c)
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:end]))
            i = end
            continue
        elif c == ",":
            pending_comma = len(out)
            out.append(c)
        elif c in "]}":
            if pending_comma is not None:
                out[pending_comma] = " "
            pending_comma = None
            out.append(c)
        else:
            if not c.isspace():
                pending_comma = None
            out.append(c)
        i += 1
    return "".join(out)


class LocatedDict(dict[str, Any]):
    """A JSON object that remembers the line it starts on and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def load_jsonc(path: Path, text: str | None = None) -> Any:
    """JSON with comments; objects come back as :class:`LocatedDict`."""
    if text is None:
        text = read_text(path)
    clean = strip_json_comments(text)
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[LocatedDict, int]:
        s, start = s_and_end
        obj, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        located = LocatedDict(obj)
        located.line = _line_at(s, start - 1)
        located.key_lines = {}
        for key in located:
            m = re.compile(r'"' + re.escape(key) + r'"\s*:').search(s, start, end)
            located.key_lines[key] = _line_at(s, m.start()) if m else located.line
        return located, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    # the C scanner ignores parse_object
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        return decoder.decode(clean)
    except json.JSONDecodeError as exc:
        raise fail(path, exc.lineno, JSON_ERROR, problem=exc.msg) from None
