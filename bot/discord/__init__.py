"""bot/discord"""
