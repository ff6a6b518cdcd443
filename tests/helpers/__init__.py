"""Helpers shared by the test packages (one copy of each: a fix lands everywhere at once)."""
