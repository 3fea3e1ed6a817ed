"""Reading a text file whatever its encoding."""

from __future__ import annotations

from pathlib import Path


def read_text(path: Path) -> str:
    """Decode UTF-8 (with or without BOM), falling back to cp1252 for older exports."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
