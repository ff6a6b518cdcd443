"""Where files live: platformdirs locations, or everything under one ``--home`` directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import APP_ID
from .core.errors import SetupError
from .i18n import _

HOME_ENV = "CDP_DESKTOP_HOME"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        """``home`` (or ``$CDP_DESKTOP_HOME``) puts config, history and logs under one directory."""
        home = home or os.environ.get(HOME_ENV) or None
        if home:
            root = Path(home).expanduser().absolute()
            return cls(config_dir=root, data_dir=root, log_dir=root / "logs")
        import platformdirs

        # appauthor=False: no vendor folder on Windows
        # (…\AppData\Local\cdp-desktop, not …\cdp-desktop\cdp-desktop)
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        )

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def history_file(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "cdp-desktop.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "instance.lock"

    @property
    def folders(self) -> tuple[Path, ...]:
        return (self.config_dir, self.data_dir, self.log_dir)

    def problem(self, *, writing: bool = True) -> str | None:
        """Why the app's folders cannot be used (a file in the way; with ``writing``, a read-only folder).

        Only folders that exist are looked at: missing ones are created when first needed."""
        for folder in self.folders:
            existing = folder
            while not existing.exists() and existing.parent != existing:
                existing = existing.parent
            if not existing.is_dir():
                return _("{path} is a file, not a folder; move it away or pass --home DIR").format(
                    path=existing
                )
            if writing and not os.access(existing, os.W_OK | os.X_OK):
                return _(
                    "the folder {path} is not writable; CDP Desktop keeps its settings, history and logs "
                    "there: make it writable or pass --home DIR"
                ).format(path=existing)
        return None

    def ensure(self) -> None:
        """Create the folders, each missing one (a new ``--home`` included) with mode 0700."""
        from .core.locking import make_private_dir

        for d in self.folders:
            try:
                make_private_dir(d)
            except OSError as exc:
                raise SetupError(
                    _("cannot create the folder {path} ({problem}); pass --home DIR").format(
                        path=d, problem=exc.strerror or exc
                    )
                ) from None
