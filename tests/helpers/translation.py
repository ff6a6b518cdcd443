"""The window's language for one test: translators installed as the app installs them, removed afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from cdp_desktop import i18n
from cdp_desktop.ui import app as app_module


@contextmanager
def ui_language(qapp: Any, language: str) -> Iterator[str]:
    """Speak ``language`` ("en": the source texts) until the block ends, then English again."""
    keep = len(i18n._keep), len(app_module._keep)
    try:
        if language != "en":
            assert app_module.install_translators(qapp, language) == language
        yield language
    finally:
        for kept, n in ((i18n._keep, keep[0]), (app_module._keep, keep[1])):
            for obj in kept[n:]:
                if isinstance(obj, QTranslator):
                    QCoreApplication.removeTranslator(obj)
            del kept[n:]
        i18n._active = False
        QLocale.setDefault(QLocale("en_US"))


def cjk(text: str) -> bool:
    """Whether ``text`` has Chinese characters in it."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
