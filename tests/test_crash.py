"""Crash safety: `kg ingest` killed with SIGKILL midway, then run again, gives the graph of one clean run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.store import GRAPH_GRAPHML, GRAPH_JSON, RECORDS_DIR

DEV = Path(__file__).parent / "data" / "dev"


def test_crash_sigkill_midway_then_rerun_gives_the_clean_graph(tmp_path, dev_output):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kg.cli", "ingest", str(DEV / "articles"), "--out", str(out), "--workers", "1"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    records = out / RECORDS_DIR
    deadline = time.monotonic() + 300
    # kill it once some articles are stored and others are not
    while time.monotonic() < deadline and run.poll() is None:
        if records.is_dir() and len(list(records.glob("*.json"))) >= 5:
            break
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    stored = len(list(records.glob("*.json")))
    assert 5 <= stored < 46 and not (out / GRAPH_JSON).exists()

    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    for name in (GRAPH_JSON, GRAPH_GRAPHML):
        assert (out / name).read_bytes() == (dev_output / name).read_bytes()
    assert len(list(records.glob("*.json"))) == 46
