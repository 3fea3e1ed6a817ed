"""Load test: concurrent clients ask through the app's API while the index is rebuilt.

    python scripts/load_test.py [--clients 20] [--seconds 60] [--index DIR]

Starts app.py on a free loopback port with its own copy of the index, runs N clients (each
a gradio_client session asking questions with known answers) for the given time while
`python -m ingest --full` rebuilds that index, and prints: questions answered, errors
(must be 0), answers mixed up between clients (must be 0), and latency p50/p95.
Only loopback traffic; the loops are bounded in time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# question -> a word only its right answer contains
QUESTIONS = {
    "Vem ansvarar för Söderåsbanan?": "Svalöv",
    "Who is responsible for Söderåsbanan?": "Svalöv",
    "Hur stor är medlemsavgiften i Familjen Helsingborg?": "21 kr",
    "Vem ansvarar för väg 108 Kävlinge-Örkelljunga?": "Perstorp",
    "Hur ofta träffas ledningsgruppen i Business Region Halmstad?": "två till tre",
    "Vilket diarienummer ska svaret till Region Västerbotten märkas med?": "RUN 374-2021",
    "Vem ansvarar för Ostlänken?": "Jag hittar inget",
}


@dataclass
class Tally:
    answered: int = 0
    errors: int = 0
    mixed: int = 0
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the app exited before it served")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the app did not start in time")


def client(url: str, api: str, offset: int, stop: float, tally: Tally) -> None:
    from gradio_client import Client

    session = Client(url, verbose=False)
    items = list(QUESTIONS.items())
    i = offset
    while time.monotonic() < stop:
        question, expected = items[i % len(items)]
        i += 1
        started = time.perf_counter()
        try:
            reply = session.predict(question, api_name=api)
        except Exception as error:  # counted, not raised: the test reports every failure
            with tally.lock:
                tally.errors += 1
                tally.problems.append(f"{question}: {type(error).__name__}: {error}")
            continue
        elapsed = time.perf_counter() - started
        text = reply if isinstance(reply, str) else str(reply)
        with tally.lock:
            tally.answered += 1
            tally.latencies.append(elapsed)
            if expected not in text:
                tally.mixed += 1
                tally.problems.append(f"{question}: expected {expected!r}, got {text[:120]!r}")


def rebuild_loop(index: Path, stop: float, builds: list[float]) -> None:
    while time.monotonic() < stop - 20:  # a full build takes ~20 s here
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "ingest", "--full", "--index", str(index)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        builds.append(time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--index", type=Path, default=REPO / "index")
    parser.add_argument("--api", default="/ask")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="avtal-load-"))
    index = work / "index"
    shutil.copytree(args.index, index, symlinks=True)
    port = free_port()
    env = dict(os.environ, AVTAL_FEEDBACK_DB=str(work / "feedback.sqlite3"))
    app = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), "--index", str(index)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port, app, 180)
        url = f"http://127.0.0.1:{port}/"
        tally = Tally()
        stop = time.monotonic() + args.seconds
        builds: list[float] = []
        threads = [
            threading.Thread(target=client, args=(url, args.api, n, stop, tally))
            for n in range(args.clients)
        ]
        threads.append(threading.Thread(target=rebuild_loop, args=(index, stop, builds)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 300)
    finally:
        app.terminate()
        app.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    latencies = sorted(tally.latencies) or [0.0]
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    print(
        f"clients {args.clients}, {args.seconds:.0f} s, rebuilds completed {len(builds)}: "
        f"answered {tally.answered}, errors {tally.errors}, mixed up {tally.mixed}, "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    )
    for problem in tally.problems[:10]:
        print("  ", problem)
    return 0 if tally.errors == 0 and tally.mixed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
