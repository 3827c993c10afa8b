"""The HTML view at size: 5,000 actors and 20,000 relations (not a test).

    python bench/html_view.py [--actors 5050] [--relationships 20000] [--loads 3]

Builds a synthetic graph (bench/synthetic.py: kg's own structures, one evidence
sentence per relation; 5,050 possible actors give about 5,000 with relations),
exports it with :func:`kg.sinks.html.write_html` and reports:

- the export: seconds (layout included, and the layout alone) and the page's size;
- in headless Chromium (Debian's, as in the tests; WebGL on the SwiftShader
  software renderer, since this machine has no GPU: a reader's GPU draws faster),
  over ``--loads`` fresh loads, the median time from navigation to the first
  drawn frame (the page's ``kg-drawn`` performance mark) and the script heap;
- how the page answers once drawn: unticking a relation type (filter and
  redraw), typing a name in the search box (suggestions shown), and choosing an
  actor (its panel written), each timed in the page.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.sinks.html import layout, write_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_graph  # noqa: E402  (bench/ is a folder of scripts, not a package)

# Timed in the page: each returns milliseconds measured with performance.now().
UNTICK_TYPE = """() => {
    const box = document.getElementById("type-MEETS");
    const t0 = performance.now(); box.click(); const t1 = performance.now();
    box.click();
    return t1 - t0;
}"""
TYPE_NAME = """(query) => {
    const input = document.getElementById("search");
    const t0 = performance.now();
    input.value = query; input.dispatchEvent(new Event("input"));
    return [performance.now() - t0, document.querySelectorAll("#suggestions li").length];
}"""
CHOOSE_ACTOR = """() => {
    const input = document.getElementById("search");
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
    return [performance.now() - t0, document.querySelectorAll("#details blockquote").length];
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, default=5050)
    parser.add_argument("--relationships", type=int, default=20_000)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args()
    executable = os.environ.get("KG_CHROMIUM") or shutil.which("chromium")
    if not executable:
        raise SystemExit("no Chromium: run scripts/install-chromium, or set KG_CHROMIUM")

    graph, articles = synthetic_graph(args.relationships, actors=args.actors)
    print(f"graph: {graph.number_of_nodes():,} actors, {graph.number_of_edges():,} relations, "
          f"{len(articles):,} articles")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        t0 = time.perf_counter()
        layout(graph)
        layout_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_html(graph, path, articles, title="benchmark")
        export_s = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"export: {export_s:.2f} s (layout alone {layout_s:.2f} s), page {path.stat().st_size / 1e6:.1f} MB, "
              f"peak memory of this process {peak_mb:.0f} MB")

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=["--enable-unsafe-swiftshader"])
            print(f"browser: Chromium {browser.version}, headless, WebGL on SwiftShader")
            drawn, heaps = [], []
            for _ in range(args.loads):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(path.as_uri())
                page.wait_for_selector("body[data-ready=true]", timeout=120_000)
                drawn.append(page.evaluate("performance.getEntriesByName('kg-drawn')[0].startTime"))
                heaps.append(page.evaluate("performance.memory.usedJSHeapSize") / 1e6)
                status = page.locator("#status").text_content()
                untick = page.evaluate(UNTICK_TYPE)
                search_ms, found = page.evaluate(TYPE_NAME, "ka")
                choose_ms, sentences = page.evaluate(CHOOSE_ACTOR)
                page.close()
            browser.close()
        print(f"first frame drawn after {statistics.median(drawn) / 1000:.2f} s (median of {args.loads}: "
              f"{', '.join(f'{d / 1000:.2f}' for d in drawn)}); script heap {statistics.median(heaps):.0f} MB; {status}")
        print(f"untick a relation type: {untick:.0f} ms; type a name: {search_ms:.0f} ms ({found} suggestions); "
              f"choose an actor: {choose_ms:.0f} ms ({sentences} evidence sentences in its panel)")


if __name__ == "__main__":
    main()
