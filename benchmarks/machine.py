"""What the benchmark ran on: processors, memory, CPU model, Python and library versions."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

LIBRARIES = (
    "torch",
    "sentence-transformers",
    "chromadb",
    "bm25s",
    "PyStemmer",
    "llama-index-core",
    "llama-index-vector-stores-chroma",
    "llama-index-retrievers-bm25",
    "gradio",
)


def _cpu_model(cpuinfo: str) -> str:
    for line in cpuinfo.splitlines():
        if line.lower().startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory_gb(meminfo: str) -> float:
    for line in meminfo.splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return 0.0


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git_commit(repo: Path) -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (other users share these processors)."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def describe(repo: Path) -> dict[str, str]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info = {
        "processors (nproc)": str(usable),
        "memory": f"{_memory_gb(_read('/proc/meminfo')):.1f} GB",
        "CPU": _cpu_model(_read("/proc/cpuinfo")),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "niceness": str(os.getpriority(os.PRIO_PROCESS, 0)),
        "commit": _git_commit(repo),
    }
    info.update({name: _version(name) for name in LIBRARIES})
    return info
