"""Slash commands, one cog per area; each module has `async def setup(bot)`."""
