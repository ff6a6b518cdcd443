"""CDP Desktop: keeps Discord bots alive from the system tray."""

__version__ = "0.1.0"
APP_NAME = "CDP Desktop"
APP_ID = "cdp-desktop"
