"""Token store: shape check, env override, real gnome-keyring Secret Service, no backend, hanging keyring."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from jaraco.classes import properties
from keyring import errors
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from cdp_desktop.token_store import (
    SERVICE,
    TOKEN_ENV,
    USERNAME,
    TokenShapeError,
    TokenState,
    TokenStore,
    check_token_shape,
    normalize_token,
)
from tests.desktop_session import Service

REPO = Path(__file__).resolve().parents[1]
USER_ID = "123456789012345678"
TOKEN = base64.urlsafe_b64encode(USER_ID.encode()).decode().rstrip("=") + ".GaBcDe." + "x1Y2z3_-" * 5


# ------------------------------------------------------------------- test backends (never auto-selected)


class _TestBackend(KeyringBackend):
    """In-memory keyring. ``priority`` raises: keyring never picks (or instantiates) these on its own."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test backend")

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append("get")
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append("set")
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append("delete")
        if self.data.pop((service, username), None) is None:
            raise errors.PasswordDeleteError("not found")


class HangingKeyring(_TestBackend):
    """Like a locked collection whose unlock prompt nobody answers: every call blocks until released."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait()
        super().set_password(service, username, password)


class RaisingKeyring(_TestBackend):
    def __init__(self, exc: BaseException) -> None:
        super().__init__()
        self.exc = exc

    def get_password(self, service: str, username: str) -> str | None:
        raise self.exc

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.exc


class DroppingKeyring(_TestBackend):
    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append("set")  # accepts and forgets


class FileKeyring(_TestBackend):
    """Shaped like keyrings.alt's PlaintextKeyring: it has a file_path."""

    file_path = "/tmp/never-written.cfg"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)


# --------------------------------------------------------------------------- shape


def test_valid_token_shape() -> None:
    assert check_token_shape(TOKEN) is None
    assert check_token_shape(f"  Bot {TOKEN}\n") is None
    assert normalize_token(f"bot {TOKEN} ") == TOKEN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "The token is empty"),
        ("   \n", "The token is empty"),
        ("abc.def", "three parts separated by dots; this text has 2"),
        (TOKEN + ".extra", "this text has 4"),
        (TOKEN.replace("GaBcDe", "Ga+cDe"), "only letters, digits, - and _"),
        (TOKEN.replace("GaBcDe", "Ga cDe"), "only letters, digits, - and _"),
        ("aGVsbG8gd29ybGQ.GaBcDe." + "x" * 30, "encodes the bot's user ID"),  # "hello world"
        ("MTIz.GaBcDe." + "x" * 30, "encodes the bot's user ID"),  # "123": too short for an ID
        ("%%%." * 2 + "x", "only letters"),
        (TOKEN + "x" * 300, "too long"),
    ],
)
def test_bad_token_shapes(text: str, expected: str) -> None:
    problem = check_token_shape(text)
    assert problem is not None
    message = str(problem)  # what the English user reads
    assert expected in message
    assert "Developer Portal" in message


def test_set_rejects_bad_shape_before_touching_the_keyring() -> None:
    backend = _TestBackend()
    with pytest.raises(TokenShapeError, match="three parts"):
        TokenStore(backend=backend).set("not-a-token")
    assert backend.calls == []


def test_result_repr_never_shows_the_token() -> None:
    backend = _TestBackend()
    result = TokenStore(backend=backend).set(TOKEN)
    assert result.state is TokenState.OK and result.token == TOKEN
    assert TOKEN not in repr(result) and TOKEN not in str(result)


# --------------------------------------------------------------------------- env override


def test_env_overrides_and_never_touches_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = HangingKeyring()  # would block if it were asked
    monkeypatch.setenv(TOKEN_ENV, f" Bot {TOKEN} ")
    store = TokenStore(backend=backend, timeout=0.2)
    result = store.get()
    assert (result.state, result.token, result.source) == (TokenState.OK, TOKEN, "env")
    assert asyncio.run(store.aget()).token == TOKEN
    assert backend.calls == []


def test_env_is_not_written_by_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    backend = _TestBackend()
    other = TOKEN.replace("GaBcDe", "ZZZZZZ")
    result = TokenStore(backend=backend).set(other)
    assert result.ok and TOKEN_ENV in str(result.message)  # says the env still wins
    assert backend.data == {(SERVICE, USERNAME): other}
    assert os.environ[TOKEN_ENV] == TOKEN


# ------------------------------------------------------------------- no backend, refused backends, errors

OPTIONS = ("Secret Service", "GNOME Keyring", "KWallet", "Keychain", "Credential Manager", TOKEN_ENV)


@pytest.mark.parametrize(
    "backend", [fail.Keyring(), null.Keyring(), FileKeyring()], ids=["fail", "null", "file"]
)
def test_no_usable_backend_is_unavailable(backend: KeyringBackend) -> None:
    store = TokenStore(backend=backend)
    for result in (store.get(), store.set(TOKEN), store.clear(), asyncio.run(store.aset(TOKEN))):
        assert result.state is TokenState.UNAVAILABLE and result.token is None
        for option in OPTIONS:
            assert option in str(result.message)
        assert "never stored in a plain file" in str(result.message)
    if isinstance(backend, FileKeyring):
        assert backend.calls == []  # refused before any call


def test_no_backend_via_environment_writes_nothing(tmp_path: Path) -> None:
    """keyring's own selection with PYTHON_KEYRING_BACKEND=fail: unavailable, and no file appears anywhere."""
    script = textwrap.dedent(
        f"""
        from cdp_desktop.token_store import TokenStore
        r = TokenStore().set({TOKEN!r})
        print(r.state.value)
        print(r.message)
        """
    )
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop(TOKEN_ENV, None)
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=30
    )
    assert proc.returncode == 0, proc.stderr
    state, message = proc.stdout.splitlines()[:2]
    assert state == "unavailable" and TOKEN_ENV in message
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == []


@pytest.mark.parametrize(
    ("exc", "state", "text"),
    [
        (
            errors.InitError("Failed to create the collection: Prompt dismissed.."),
            TokenState.LOCKED,
            "locked",
        ),
        (errors.KeyringLocked("Failed to unlock the collection!"), TokenState.LOCKED, "Unlock it"),
        (errors.NoKeyringError("No recommended backend"), TokenState.UNAVAILABLE, "GNOME Keyring"),
        (errors.PasswordSetError("boom"), TokenState.UNAVAILABLE, "boom"),
        (ConnectionResetError("D-Bus went away"), TokenState.UNAVAILABLE, "D-Bus went away"),
    ],
)
def test_keyring_errors_map_to_states(exc: BaseException, state: TokenState, text: str) -> None:
    store = TokenStore(backend=RaisingKeyring(exc))
    for result in (store.get(), store.set(TOKEN)):
        assert result.state is state and text in str(result.message) and result.token is None


def test_backend_that_drops_the_token_is_reported() -> None:
    result = TokenStore(backend=DroppingKeyring()).set(TOKEN)
    assert result.state is TokenState.UNAVAILABLE and "did not keep the token" in str(result.message)


def test_missing_and_clear_on_memory_backend() -> None:
    store = TokenStore(backend=_TestBackend())
    assert store.get().state is TokenState.MISSING
    assert store.set(f"Bot {TOKEN}").token == TOKEN  # stored normalised
    assert store.get().token == TOKEN
    cleared = store.clear()
    assert cleared.state is TokenState.MISSING and "removed" in str(cleared.message)
    again = store.clear()
    assert again.state is TokenState.MISSING and "No token was stored" in str(again.message)


# --------------------------------------------------------------------------- a keyring that never answers


@pytest.fixture
def hanging() -> Iterator[HangingKeyring]:
    backend = HangingKeyring()
    yield backend
    backend.release.set()  # let the stuck worker thread finish


def test_hanging_keyring_returns_locked_within_timeout(hanging: HangingKeyring) -> None:
    store = TokenStore(backend=hanging, timeout=0.3)
    start = time.monotonic()
    result = store.get()
    elapsed = time.monotonic() - start
    assert result.state is TokenState.LOCKED and "did not answer within 0.3 s" in str(result.message)
    assert 0.25 <= elapsed < 2.0
    # while the first call is still stuck, later calls do not start more threads and also return in time
    before = threading.active_count()
    start = time.monotonic()
    assert store.set(TOKEN).state is TokenState.LOCKED
    assert store.clear().state is TokenState.LOCKED
    assert time.monotonic() - start < 2.0
    assert threading.active_count() == before
    # once the keyring answers (the user unlocked it), the store works again
    hanging.release.set()
    deadline = time.monotonic() + 5
    while store.get().state is TokenState.LOCKED:
        assert time.monotonic() < deadline
    assert store.set(TOKEN).state is TokenState.OK
    assert store.get().token == TOKEN


def test_async_hanging_keyring_keeps_the_loop_running(hanging: HangingKeyring) -> None:
    store = TokenStore(backend=hanging, timeout=0.3)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    async def scenario() -> TokenState:
        task = asyncio.create_task(ticker())
        try:
            return (await asyncio.wait_for(store.aget(), 5)).state
        finally:
            task.cancel()

    start = time.monotonic()
    assert asyncio.run(scenario()) is TokenState.LOCKED
    # asyncio.run returned promptly: no executor thread to join at shutdown
    assert time.monotonic() - start < 2.0
    assert ticks >= 10  # the loop kept turning while the keyring hung


def test_hanging_keyring_does_not_block_interpreter_exit() -> None:
    script = textwrap.dedent(
        """
        import threading
        from keyring.backend import KeyringBackend
        from cdp_desktop.token_store import TokenStore

        class Hang(KeyringBackend):
            priority = -1
            def get_password(self, s, u): threading.Event().wait()
            def set_password(self, s, u, p): threading.Event().wait()
            def delete_password(self, s, u): threading.Event().wait()

        print(TokenStore(backend=Hang(), timeout=0.2).get().state.value)
        """
    )
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=20
    )
    assert proc.stdout.strip() == "locked", proc.stderr
    assert time.monotonic() - start < 10


# --------------------------------------------------------------------------- the real Secret Service


@pytest.fixture
def real_keyring(secret_service: Service) -> Iterator[TokenStore]:
    """keyring's own backend choice, made after gnome-keyring is on the bus."""
    import keyring.core

    keyring.core.init_backend()
    store = TokenStore(timeout=10)
    store.clear()
    yield store
    store.clear()


def test_secret_service_backend_is_chosen(real_keyring: TokenStore) -> None:
    from keyring.backends import SecretService

    resolved = real_keyring._resolve()
    assert isinstance(resolved, SecretService.Keyring)
    assert real_keyring.get().backend == "SecretService Keyring"


def test_secret_service_round_trip(real_keyring: TokenStore) -> None:
    assert real_keyring.get().state is TokenState.MISSING
    saved = real_keyring.set(f"Bot {TOKEN}\n")
    assert (saved.state, saved.source, saved.backend) == (TokenState.OK, "keyring", "SecretService Keyring")
    got = real_keyring.get()
    assert (got.state, got.token, got.source) == (TokenState.OK, TOKEN, "keyring")
    if shutil.which("secret-tool"):  # another Secret Service client sees the same item
        lookup = subprocess.run(
            ["secret-tool", "lookup", "service", SERVICE, "username", USERNAME],
            capture_output=True,
            text=True,
            timeout=10,
        )
        assert lookup.stdout.strip() == TOKEN
    assert str(real_keyring.clear().message).startswith("Token removed")
    assert real_keyring.get().state is TokenState.MISSING


def test_secret_service_async_round_trip(real_keyring: TokenStore) -> None:
    async def scenario() -> tuple[TokenState, str | None, TokenState]:
        await real_keyring.aset(TOKEN)
        got = await real_keyring.aget()
        cleared = await real_keyring.aclear()
        return got.state, got.token, cleared.state

    assert asyncio.run(scenario()) == (TokenState.OK, TOKEN, TokenState.MISSING)


def test_secret_service_non_ascii_value(real_keyring: TokenStore) -> None:
    """What another tool left in the item (non-ASCII text) comes back intact; the shape check flags it."""
    from keyring.backends import SecretService

    odd = "令牌-tökén-✓"
    SecretService.Keyring().set_password(SERVICE, USERNAME, odd)
    got = real_keyring.get()
    assert got.state is TokenState.OK and got.token == odd
    assert check_token_shape(odd) is not None
