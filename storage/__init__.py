"""All SQL lives in this package. `Storage` is the one interface the rest of the code uses."""

from storage.store import Storage

__all__ = ["Storage"]
