"""Take the README's picture of the HTML view: a page kg exported, in headless Chromium.

    make run
    .venv/bin/python tools/screenshot_view.py kg-out/graph.html docs/graph-view.png --select "Recep Tayyip Erdoğan"

``--select NAME`` searches for an actor as a reader would (typing in the search
box, then Enter), so the picture shows the evidence panel too. The browser is
Debian's Chromium (scripts/install-chromium), or KG_CHROMIUM.
"""
from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path, help="an exported page (kg export --format html)")
    parser.add_argument("png", type=Path, help="where to write the screenshot")
    parser.add_argument("--select", metavar="NAME", help="search for this actor and open its panel")
    parser.add_argument("--size", default="1400x860", help="viewport, WIDTHxHEIGHT (default 1400x860)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    executable = os.environ.get("KG_CHROMIUM") or shutil.which("chromium")
    if not executable:
        raise SystemExit("no Chromium: run scripts/install-chromium, or set KG_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--enable-unsafe-swiftshader"])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(args.page.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]")
        if args.select:
            page.locator("#search").fill(args.select)
            page.locator("#search").press("Enter")
            page.wait_for_timeout(600)  # the camera's move to the actor
        args.png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.png))
        browser.close()
    print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
