"""Text utilities below every layer that reads text (the roster, language processing,
races): fold (one folded form of a story or a name, with a way back to its offsets)."""
