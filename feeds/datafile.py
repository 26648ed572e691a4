"""The error every data file of the project (roster, race calendar) is refused with."""

from __future__ import annotations


class DataFileError(ValueError):
    """A data file that cannot be used; names the file, the line where known, and why."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason
