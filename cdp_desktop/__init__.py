"""CDP Desktop: keeps Discord bots alive from the system tray."""

__version__ = "0.1.0"
APP_NAME = "CDP Desktop"
APP_ID = "cdp-desktop"  # folders, sockets, log names
# The one desktop identity: desktop file and autostart entry name, Qt's desktopFileName, X11 WM_CLASS,
# AppStream component ID, macOS bundle ID and LaunchAgent label, icon name.
DESKTOP_ID = "io.github.cdp_desktop.CdpDesktop"
