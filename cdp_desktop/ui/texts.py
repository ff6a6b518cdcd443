"""User-facing sentences built from the core's structured results, in the UI language.

The core's ``summary`` properties and notice bodies are English (the CLI and the log use them); the window
formats the same facts here with ``QCoreApplication.translate`` instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from .models import state_name

# Contexts of core texts (QT_TRANSLATE_NOOP) that can reach the UI verbatim inside a notice or a message.
_CORE_CONTEXTS = ("State", "Engine", "Readd", "Notice", "CdpEndpoint")


def trigger_label(trigger: Any) -> str:
    """Translated name of a run trigger ("scheduled", "catch_up", "manual", "retry")."""
    value = str(getattr(trigger, "value", trigger))
    names = {
        "scheduled": QCoreApplication.translate("Texts", "scheduled"),
        "catch_up": QCoreApplication.translate("Texts", "catch-up"),
        "manual": QCoreApplication.translate("Texts", "manual"),
        "retry": QCoreApplication.translate("Texts", "retry"),
    }
    return names.get(value, value)


def run_summary(report: Any) -> str:
    """ "Run 2 (manual, slot 2026-11-28): 2 replied, 1 missing." in the UI language."""
    counts: dict[Any, int] = report.counts
    parts = [
        QCoreApplication.translate("Texts", "{0} {1}").format(n, state_name(state).lower())
        for state, n in sorted(counts.items(), key=lambda kv: -kv[1])
        if n
    ]
    skipped = len(getattr(report, "skipped_done", []) or [])
    if skipped:
        parts.append(QCoreApplication.translate("Texts", "{0} already done").format(skipped))
    body = (
        QCoreApplication.translate("Texts", ", ").join(parts)
        if parts
        else QCoreApplication.translate("Texts", "nothing to do")
    )
    return QCoreApplication.translate("Texts", "Run {run} ({trigger}, slot {slot}): {body}.").format(
        run=report.run_id, trigger=trigger_label(report.trigger), slot=report.slot.key, body=body
    )


def readd_summary(report: Any) -> str:
    """How many missing channels were recreated and how many failed, in the UI language."""
    entries = list(report.entries)
    if not entries:
        return QCoreApplication.translate("Texts", "No configured channel is missing.")
    ok = sum(1 for e in entries if e.ok)
    return QCoreApplication.translate("Texts", "{0} channel(s) recreated, {1} failed.").format(
        ok, len(entries) - ok
    )


def core_text(text: str) -> str:
    """Translate a text the core composed from marked parts: the whole, or the tail after a "prefix: ".

    Notice bodies are "label: explanation" and re-add messages "Could not check the channel: explanation";
    the part before the colon is a channel label or itself a marked prefix. Unknown text stays as it is.
    """
    whole = _known(text)
    if whole is not None:
        return whole
    start = 0
    while (i := text.find(": ", start)) >= 0:
        head, tail = text[: i + 2], text[i + 2 :]
        translated = _known(tail)
        if translated is not None:
            return (_known(head) or head) + translated
        start = i + 1
    return text


def _known(text: str) -> str | None:
    if not text:
        return None
    for context in _CORE_CONTEXTS:
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return None


def readd_entry_message(entry: Any) -> str:
    """One re-add result line in the UI language."""
    if entry.ok:
        if getattr(entry, "reused", False):
            return QCoreApplication.translate("Texts", "Rebound to the channel recreated earlier.")
        return QCoreApplication.translate("Texts", "Recreated.")
    return core_text(entry.message)


def notice_texts(notice: Any) -> tuple[str, str]:
    """A service notice's (title, body) in the UI language."""
    title = QCoreApplication.translate("Notice", notice.title)
    params = getattr(notice, "params", None)
    if not params:
        return title, core_text(notice.body or "")
    body = ""
    for part in getattr(notice, "parts", None) or (notice.body,):
        sentence = QCoreApplication.translate("Notice", part)
        if body and not body.endswith(("\u3002", "\uff01", "\uff1f")):  # Chinese sentences need no space
            body += " "
        body += sentence
    try:
        return title, body.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English words, never nothing
        return title, notice.text
