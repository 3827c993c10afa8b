"""Where the graph goes: files other tools read (JSON, GraphML) and, later, databases.

Each file sink takes a path or a binary file object. Given a path, it writes
to a temporary file beside it and renames it into place, so an interrupted
run never leaves a half-written graph.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_output(target: str | Path | BinaryIO) -> Iterator[BinaryIO]:
    """Yield a binary file to write; on success it replaces ``target`` in one rename."""
    if not isinstance(target, (str, Path)):
        yield target
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's file is private; the output is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
