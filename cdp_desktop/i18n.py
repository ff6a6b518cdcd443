"""Translation of the command line's human-facing strings.

Strings are written in English and passed through ``_()``. When a non-English language is active and a Qt
translation file for it exists, ``_()`` asks ``QCoreApplication.translate("", text)``; otherwise it returns
the text unchanged without importing Qt, so the command line starts fast.

Extract the strings with ``pyside6-lupdate -tr-function-alias tr+=_ cdp_desktop/cli.py …``: lupdate then
files them like a module-level ``tr()`` call, under the empty context.

Translation files are ``cdp_desktop_<lang>.qm`` (e.g. ``cdp_desktop_zh_CN.qm``) in the ``translations`` folder
of the resources. The GUI installs its own translator on its QApplication; ``activate`` reuses an existing
application object and only creates a bare QCoreApplication when there is none (CLI commands).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.errors import QT_TRANSLATE_NOOP
from .core.messages import Message, english

if TYPE_CHECKING:
    from .core.config import Settings

CONTEXT = ""  # the context lupdate gives module-level tr() calls (see above)
QM_PREFIX = "cdp_desktop_"

_active = False
_keep: list[Any] = []  # the translator (and a CLI's QCoreApplication) must outlive their use


def _(text: str) -> str:
    if not _active:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text)


def language_from_env(environ: dict[str, str] | None = None) -> str | None:
    """``zh_CN`` from ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` such as ``zh_CN.UTF-8``; None for C/POSIX."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value.split(".")[0].split("@")[0]
            return None if code in ("C", "POSIX") else code
    return None


def configured_language(config_file: Path) -> str | None:
    """``settings.language`` read straight from the configuration file (before it is loaded properly: the
    command line's --help and the window's first paint need the language already); None when unset."""
    try:
        data = json.loads(config_file.read_text(encoding="utf-8"))
        lang = data.get("settings", {}).get("language")
        return str(lang) if lang else None
    except (OSError, ValueError, AttributeError):
        return None


def translations_dir() -> Path:
    """Installed: ``cdp_desktop/resources/translations``; in a source checkout: ``resources/translations``."""
    installed = Path(__file__).parent / "resources" / "translations"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def find_translation(language: str) -> Path | None:
    folder = translations_dir()
    for code in (language, language.split("_")[0]):
        candidate = folder / f"{QM_PREFIX}{code}.qm"
        if candidate.is_file():
            return candidate
    return None


def is_english(language: str | None) -> bool:
    return not language or language.split("_")[0].lower() == "en"


def activate(language: str | None = None) -> bool:
    """Translate ``_()`` strings into ``language`` (None: the environment's); True when one is active.

    Qt is imported only when a non-English translation file actually exists.
    """
    global _active
    lang = language or language_from_env()
    qm = None if is_english(lang) else find_translation(str(lang))
    if qm is None:
        _active = False
        return False
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication([])
        _keep.append(app)
    translator = QTranslator()
    if not translator.load(str(qm)):
        _active = False
        return False
    QCoreApplication.installTranslator(translator)
    _keep.append(translator)
    _active = True
    return True


def qt_translate(context: str, text: str, n: int | None = None) -> str:
    """``QCoreApplication.translate`` with Qt's plural count (the window renders core messages with this)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text, None, -1 if n is None else n)


def render(message: Message) -> str:
    """A core message in the command line's active language (English when none is active)."""
    return message.render(qt_translate if _active else english)


def translate(context: str, text: str) -> str:
    """``text`` marked with ``QT_TRANSLATE_NOOP(context, …)`` in the core, in the active language."""
    if not _active:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


# --------------------------------------------------------------------------- the default keep-alive text

_SETTINGS = "Settings"
# The same text as core.config.DEFAULT_TEMPLATE (a test keeps them equal), marked for translation here.
DEFAULT_TEMPLATE = QT_TRANSLATE_NOOP(_SETTINGS, "{mention} daily keep-alive \u00b7 {date} {time}")


def default_template() -> str:
    """The default keep-alive text in the active language (its placeholders are kept as they are)."""
    return translate(_SETTINGS, DEFAULT_TEMPLATE)


def localize_default_template(settings: Settings) -> None:
    """At first run: the keep-alive text becomes the default in the language chosen then, unless the user
    already wrote their own. Later language changes leave it alone (it is the user's text by then)."""
    from .core.config import DEFAULT_TEMPLATE as ENGLISH_DEFAULT

    if settings.message_template == ENGLISH_DEFAULT:
        settings.message_template = default_template()
