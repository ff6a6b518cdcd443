"""PyInstaller entry for the windowed build (``cdp-desktop-gui``): same as the ``cdp-desktop-gui`` script."""

from cdp_desktop.cli import gui_main

raise SystemExit(gui_main())
