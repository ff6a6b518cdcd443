"""The pure core: no Qt, no discord.py imports at module level."""
