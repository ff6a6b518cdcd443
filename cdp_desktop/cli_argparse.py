"""The command line's argument parser."""

from __future__ import annotations

import argparse
from typing import NoReturn

from .cli_context import UsageError
from .i18n import _


class Parser(argparse.ArgumentParser):
    """The command line's parser: a syntax error is a :class:`UsageError` (one line, exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{problem} (see `{prog} --help`)").format(problem=message, prog=self.prog))
