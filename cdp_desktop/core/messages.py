"""What the core and adapters tell a person: a message key and typed parameters, never a finished sentence.

A :class:`Template` is declared once, next to the code that reports it::

    RUN_STARTED = template(_C, "run.started", "Run {run} started: slot {slot} ({trigger}).")
    log(RUN_STARTED(run=3, slot="2026-11-28", trigger=TRIGGER_MANUAL()))

Calling it gives a :class:`Message`: the key and the parameters. Nothing is rendered until a person looks:
the window renders with ``QCoreApplication.translate``, the command line with ``cdp_desktop.i18n``, and
``str(message)`` gives the English sentence for the log files on disk (they are for bug reports). A message
is stored as JSON (``to_json``/``from_json``), so a run recorded in English reads in Chinese after the
language changes.

The English text is the Qt source text (``pyside6-lupdate`` and ``scripts/update_translations.py`` extract
``template(CONTEXT, key, text)``); the key is the stable identity, so a stored message still renders after
its English wording is improved. Placeholders are ``str.format`` names. A template with ``plural="count"``
uses Qt's ``%n`` for that parameter, so each language writes its own plural forms.

Parameter values are ``str``, ``int``, ``float``, ``bool`` or a nested :class:`Message` (rendered in the same
language, e.g. a Discord failure explanation inside a run-log line). Proper names (channel names, IDs) are
passed as ``str`` and never translated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

# (context, source text, plural count or None) -> the text in the active language.
Translate = Callable[[str, str, "int | None"], str]

Param = Union[str, int, float, bool, "Message"]


def english(context: str, text: str, n: int | None) -> str:
    """The untranslated source text (for logs, and whenever no translation is active)."""
    # The proper English plural forms live in cdp_desktop_en.ts; untranslated, %n is only the number.
    return text.replace("%n", str(n)) if n is not None else text


@dataclass(frozen=True)
class Template:
    """One user-visible sentence: a stable key, its translation context and its English text."""

    context: str
    key: str
    text: str
    plural: str | None = None  # the parameter that is the %n count, if the sentence has plural forms

    def __call__(self, **params: Param) -> Message:
        return Message(self.key, dict(params))


_CATALOG: dict[str, Template] = {}


def template(context: str, key: str, text: str, *, plural: str | None = None) -> Template:
    """Declare a template (at module level, so the extractor finds it). Keys are unique."""
    known = _CATALOG.get(key)
    if known is not None and (known.context, known.text, known.plural) != (context, text, plural):
        raise ValueError(f"message key {key!r} is declared twice with different texts")
    made = Template(context, key, text, plural)
    _CATALOG[key] = made
    return made


def lookup(key: str) -> Template | None:
    return _CATALOG.get(key)


def catalog() -> Mapping[str, Template]:
    """Every declared template by key (for tests that render them all)."""
    return dict(_CATALOG)


@dataclass(frozen=True)
class Message:
    """A template key and its parameters: what to say, rendered in a language only when shown."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def render(self, translate: Translate = english) -> str:
        tmpl = _CATALOG.get(self.key)
        if tmpl is None:  # a message stored by a newer version: say what we can rather than nothing
            return self.key + "".join(f" {k}={_plain(v, translate)}" for k, v in self.params.items())
        n: int | None = None
        if tmpl.plural is not None:
            raw = self.params.get(tmpl.plural, 0)
            n = int(raw) if isinstance(raw, (int, float)) else 0
        pattern = translate(tmpl.context, tmpl.text, n)
        values = {k: _plain(v, translate) for k, v in self.params.items()}
        try:
            return pattern.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation: the English words, never nothing
            return english(tmpl.context, tmpl.text, n).format(**values)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "params": {k: _to_json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        params = data.get("params") or {}
        return cls(str(data["key"]), {str(k): _from_json(v) for k, v in params.items()})


_C = "Messages"

# Text stored before messages were structured (an old history row) or that came from outside (an
# exception's own words): shown as it is, in every language.
VERBATIM = template(_C, "text.verbatim", "{text}")


def verbatim(text: str) -> Message:
    """A message that says ``text`` as it is (old English history rows, other programs' words)."""
    return VERBATIM(text=text)


def message_from_json(raw: str | None) -> Message | None:
    """A message stored as JSON text (None, or text that is not a stored message: None)."""
    if not raw:
        return None
    try:
        data = json.loads(raw)
        return Message.from_json(data) if isinstance(data, dict) and "key" in data else None
    except (ValueError, TypeError):
        return None


def message_to_json(message: Message | None) -> str | None:
    if message is None:
        return None
    return json.dumps(message.to_json(), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Param, translate: Translate) -> str:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _to_json(value: Param) -> Any:
    return value.to_json() if isinstance(value, Message) else value


def _from_json(value: Any) -> Param:
    if isinstance(value, Mapping) and "key" in value:
        return Message.from_json(value)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
