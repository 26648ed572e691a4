"""feeds/ingest"""
