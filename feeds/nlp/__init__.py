"""feeds/nlp"""
