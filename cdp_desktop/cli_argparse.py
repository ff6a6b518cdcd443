"""argparse in the user's language: its own texts ("usage:", "options", its error messages) and our parser.

argparse looks its texts up at call time through the module-level names ``argparse._`` and
``argparse.ngettext`` (bound to :mod:`gettext` when it is imported). It ships no catalogs of its own, and the
app keeps one translation system (the Qt ``.ts`` files), so :func:`route_argparse_texts` points those two
names at the app's catalog under the context ``argparse``. Untranslated (English, or a text not in the
catalog) the lookup returns argparse's own words, so the English output is unchanged.

The texts below are the ones a user of this command line can meet (Python 3.11 to 3.13), listed so that
``scripts/update_translations.py`` extracts them; the Chinese is in ``cdp_desktop_zh_CN.ts`` like every text.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from . import i18n
from .cli_context import UsageError
from .core.errors import QT_TRANSLATE_NOOP
from .i18n import _

ARGPARSE = "argparse"  # the translation context of argparse's texts

ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP(ARGPARSE, "usage: "),
    QT_TRANSLATE_NOOP(ARGPARSE, "positional arguments"),
    QT_TRANSLATE_NOOP(ARGPARSE, "options"),
    QT_TRANSLATE_NOOP(ARGPARSE, "%(heading)s:"),
    QT_TRANSLATE_NOOP(ARGPARSE, "show this help message and exit"),
    QT_TRANSLATE_NOOP(ARGPARSE, "show program's version number and exit"),
    QT_TRANSLATE_NOOP(ARGPARSE, "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP(ARGPARSE, "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP(ARGPARSE, "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP(ARGPARSE, "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP(ARGPARSE, "not allowed with argument %s"),
    QT_TRANSLATE_NOOP(ARGPARSE, "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP(ARGPARSE, "expected one argument"),
    QT_TRANSLATE_NOOP(ARGPARSE, "expected at most one argument"),
    QT_TRANSLATE_NOOP(ARGPARSE, "expected at least one argument"),
    QT_TRANSLATE_NOOP(ARGPARSE, "expected %s argument"),
    QT_TRANSLATE_NOOP(ARGPARSE, "expected %s arguments"),
    QT_TRANSLATE_NOOP(ARGPARSE, "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP(ARGPARSE, "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP(ARGPARSE, "ignored explicit argument %r"),
)


def argparse_text(text: str) -> str:
    """One of argparse's texts in the active language (argparse's own words when none is active)."""
    return i18n.translate(ARGPARSE, text)


def argparse_plural(singular: str, plural: str, n: int) -> str:
    return argparse_text(singular if n == 1 else plural)


def route_argparse_texts() -> None:
    """Make argparse look its texts up in the app's catalog (see the module docstring)."""
    argparse._ = argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = argparse_plural  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """The command line's parser: a syntax error is a :class:`UsageError` (one line, exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{problem} (see `{prog} --help`)").format(problem=message, prog=self.prog))

    def format_help(self) -> str:
        text = super().format_help()
        # Python 3.11 appends an ASCII ":" to section headings itself; 3.13 looks "%(heading)s:" up.
        heading = argparse_text("%(heading)s:")
        if heading != "%(heading)s:":
            for group in self._action_groups:
                if group.title:
                    translated = heading % {"heading": group.title}
                    text = text.replace(f"\n{group.title}:\n", f"\n{translated}\n")
        return text
