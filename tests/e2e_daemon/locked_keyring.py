"""A keyring backend for the daemon's locked-keyring test, chosen with PYTHON_KEYRING_BACKEND in a subprocess.

It behaves like a Secret Service collection that is locked until the user logs in: every read raises
``KeyringLocked`` until the file named by ``CDP_TEST_UNLOCKED_FILE`` exists; then it holds the token given in
``CDP_TEST_KEYRING_TOKEN``."""

from __future__ import annotations

import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class LockedUntilFile(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _open(self) -> None:
        if not Path(os.environ["CDP_TEST_UNLOCKED_FILE"]).exists():
            raise KeyringLocked("the collection is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._open()
        return os.environ["CDP_TEST_KEYRING_TOKEN"]

    def set_password(self, service: str, username: str, password: str) -> None:
        self._open()

    def delete_password(self, service: str, username: str) -> None:
        self._open()
        raise PasswordDeleteError("read-only test keyring")
