"""Run `python -m assistant ask` in a fresh interpreter and report what it imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# modules a CLI question must not import with a backend that needs no torch
HEAVY = ("torch", "sentence_transformers", "transformers", "chromadb", "gradio", "model2vec")


def ask_and_list_imports(index: Path, question: str, backend: str) -> tuple[dict, set[str]]:
    """The CLI's JSON answer, and the top-level modules it had imported by the end."""
    probe = (
        "import json, os, runpy, sys\n"
        f"os.environ['AVTAL_EMBEDDING_BACKEND'] = {backend!r}\n"
        f"sys.argv = ['assistant', 'ask', '--json', '--index', {str(index)!r}, {question!r}]\n"
        "try:\n"
        "    runpy.run_module('assistant', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    answer_line, modules_line = result.stdout.strip().splitlines()[-2:]
    return json.loads(answer_line), set(json.loads(modules_line))
