"""User-facing sentences from the core's structured results, in the UI language.

The core reports messages (``core.messages``): a key and parameters. The window renders them here with
``QCoreApplication.translate`` at the moment they are shown; nothing is parsed back out of English text.
"""

from __future__ import annotations

from typing import Any

from ..core.events import TRIGGER_NAMES, Trigger
from ..core.messages import Message
from ..i18n import qt_translate


def render(message: Message) -> str:
    """A core message in the window's language."""
    return message.render(qt_translate)


def shown(text: Message | str | None) -> str:
    """A core message in the window's language; plain text (a path, an OS error, Discord's own words) as it
    is; nothing as ""."""
    if isinstance(text, Message):
        return render(text)
    return "" if text is None else str(text)


def error_text(exc: BaseException) -> str:
    """An error in the window's language: the message it carries (``exc.message`` or its argument, as the
    history, lock and configuration errors do), else its own words."""
    for candidate in (getattr(exc, "message", None), *exc.args[:1]):
        if isinstance(candidate, Message):
            return render(candidate)
    return str(exc) or type(exc).__name__


def trigger_label(trigger: Any) -> str:
    """Translated name of a run trigger ("scheduled", "catch-up", "manual", "retry")."""
    value = str(getattr(trigger, "value", trigger))
    try:
        return render(TRIGGER_NAMES[Trigger(value)])
    except ValueError:
        return value


def run_summary(report: Any) -> str:
    """ "Run 2 (manual, slot 2026-11-28): 2 replied, 1 missing." in the UI language."""
    return render(report.summary_message())


def readd_summary(report: Any) -> str:
    """How many missing channels were recreated and how many failed, in the UI language."""
    return render(report.summary_message())


def readd_entry_message(entry: Any) -> str:
    """One re-add result line in the UI language."""
    return render(entry.note)
