"""Moved to assistant.web.documents; this name stays for benchmarks/hostile.py only."""

from assistant.web.documents import Passage, document_view

__all__ = ["Passage", "document_view"]
