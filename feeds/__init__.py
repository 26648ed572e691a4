"""Everything between a feed URL and a tagged story: fetch, parse, roster, tag, transfers."""
