"""Start the chat app: python app.py [--host HOST] [--port PORT] [--index DIR] [--corpus DIR]

The "Administrera" tab appears when AVTAL_ADMIN_PASSWORD or AVTAL_ADMIN_PASSWORD_FILE is set.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from ingest.offline import enforce_offline


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    from assistant.admin.gate import AdminConfigError, gate_from_settings
    from assistant.config import Settings
    from assistant.service import Assistant
    from assistant.web.app import build_ui, launch, warm_up
    from ingest.store import IndexUnavailable

    defaults = Settings()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=defaults.host)
    parser.add_argument("--port", type=int, default=defaults.port)
    parser.add_argument("--index", type=Path, default=defaults.index_dir)
    parser.add_argument("--corpus", type=Path, default=defaults.corpus_dir)
    args = parser.parse_args(argv)
    settings = defaults.model_copy(
        update={
            "host": args.host,
            "port": args.port,
            "index_dir": args.index,
            "corpus_dir": args.corpus,
        }
    )
    try:
        gate = gate_from_settings(settings)
        assistant = Assistant(settings)
    except (IndexUnavailable, AdminConfigError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    # warmed while the app starts serving: a first question meanwhile is answered as soon
    # as what it needs has loaded
    threading.Thread(target=warm_up, args=(assistant,), name="warm-up", daemon=True).start()
    launch(build_ui(assistant, gate), settings, uploads=gate is not None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
