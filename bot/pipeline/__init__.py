"""bot/pipeline"""
