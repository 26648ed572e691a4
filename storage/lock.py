"""One writing process per database: an OS lock on `<database>.lock`, beside the file.

SQLite's own locks keep two transactions apart, not two bots: two `domestique run` on one
file would both poll and both deliver. `flock` is held by the open file, so the kernel
releases it when the process ends, however it ends (SIGKILL included); the file itself
stays, holding the last holder's pid, host and start time for the refusal message.
"""

from __future__ import annotations

import fcntl
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

HOLDER_MAX_BYTES = 300
"""The lock file is ours, but any process may write to it: read a bounded, printable line."""


class LockHeld(Exception):
    """Another process holds the lock; `holder` says who, as it wrote it."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path(database: str | Path) -> Path:
    return Path(f"{database}.lock")


class WriterLock:
    """Held from `acquire` to `release` (or the end of the process)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, database: str | Path) -> Self:
        """The lock, or LockHeld naming its holder; OSError when the file cannot be made."""
        path = lock_path(database)
        # Never unlinked: a process that opened the old file would lock a different inode.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise LockHeld(holder) from None
        except BaseException:
            os.close(fd)
            raise
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, describe_holder().encode() + b"\n", 0)
        except OSError:
            pass  # the lock holds without the note; a refusal then says less
        return cls(path, fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the last descriptor releases the flock
            self._fd = None


def describe_holder() -> str:
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"pid {os.getpid()} on {socket.gethostname()}, started {started}"


def _read_holder(fd: int) -> str:
    try:
        raw = os.pread(fd, HOLDER_MAX_BYTES, 0)
    except OSError:
        raw = b""
    text = raw.decode("utf-8", "replace").strip().splitlines()
    line = "".join(c if c.isprintable() else " " for c in text[0]) if text else ""
    # The holder writes its note just after locking: an empty file is that moment.
    return line or "a process that has not written its details yet"
