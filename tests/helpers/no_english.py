"""Find English words in a text that should be entirely in another language (the zh_CN acceptance tests).

``english_words(text, allowed)`` returns the ASCII words left after taking out what stays as it is in every
language: proper names (:data:`PROPER_NAMES`), identifiers (URLs, paths, file names, option names such as
``--json``, placeholders such as ``{mention}``, Discord mentions, IDs and other numbers, names with ``_`` or
``.`` inside such as ``message_template`` or ``config.json``, ALL_CAPS environment names) and whatever the
caller adds in ``allowed`` (channel names, command names, metavars). A unit after a number (``1.4 s``) is
an English word too: Chinese writes ``1.4 秒``.

The command line's acceptance test and the window's both use it, so both hold the same standard.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# Names that are the same in every language (products, protocols, formats, systems).
PROPER_NAMES = frozenset(
    {
        "CDP Desktop",
        "CDP",
        "Desktop",
        "Discord",
        "Discord Developer Portal",
        "Coze",
        "coze-discord-proxy",
        "ID",
        "IDs",
        "API",
        "URL",
        "HTTP",
        "HTTPS",
        "SOCKS5",
        "JSON",
        "CSV",
        "UTC",
        "ISO",
        "Linux",
        "Windows",
        "macOS",
        "systemd",
        "Python",
        "Qt",
        "PySide6",
        "GitHub",
    }
)

_IDENTIFIERS = re.compile(
    r"[a-z][a-z0-9+.-]*://\S+"  # URLs
    r"|(?:~|[A-Za-z]:)?[/\\][\w./\\-]*\w"  # absolute paths
    r"|\b\w+(?:/[\w.-]+)+"  # relative paths
    r"|<[@#&]!?\d+>"  # Discord mentions
    r"|\{\w*(?:[:!][^{}]*)?\}"  # {mention}, {n} and other placeholders shown as such
    r"|%\w"  # %n, %1
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # command-line options (--json, -v)
    r"|(?<![\w.-])[\w-]+(?:\.[A-Za-z0-9]+)+\b"  # docker-compose.yml, config.json, cdp_desktop.cli
    r"|(?<![\w.])\.[a-z]+\b"  # .env
    r"|\b\w+(?:_\w+)+\b"  # message_template
    r"|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"  # CDP_DESKTOP_HOME
    r"|\b[\w.+-]+@[\w.-]+\b"  # e-mail, user@host
)
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The English words in ``text`` outside proper names, identifiers and ``allowed`` (in order)."""
    plain = html.unescape(re.sub(r"<(?![@#&]!?\d)[^>]+>", " ", text))  # rich text markup, not mentions
    names = sorted(PROPER_NAMES | set(allowed), key=len, reverse=True)  # "CDP Desktop" before "CDP"
    for name in names:
        if name:
            plain = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", plain)
    plain = _IDENTIFIERS.sub(" ", plain)
    return [w for w in _WORD.findall(plain) if not _is_variable(w)]


def _is_variable(word: str) -> bool:
    """A single capital letter is a metavariable (``--days N``, ``--guild G``), not a word."""
    return len(word) == 1 and word.isupper()


def assert_no_english(text: str, allowed: Iterable[str] = (), where: str = "") -> None:
    found = english_words(text, allowed)
    assert not found, f"English in {where or 'the output'}: {found}\n---\n{text}"
