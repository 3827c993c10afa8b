"""Session fixtures for a real browser: Debian's Chromium, driven by Playwright.

``browser`` is a headless Chromium (``KG_CHROMIUM``, else ``chromium`` on PATH,
which ``scripts/install-chromium`` installs; Playwright downloads no browser of
its own). WebGL runs on Chromium's software renderer, SwiftShader, since the
machines that run the tests have no GPU.

``open_page(path)`` opens an exported page, waits until it has drawn its first
frame, and returns a :class:`OpenedPage`: the Playwright page plus every request
it made, every script error and console error, and every dialog it tried to
open (an ``alert()`` from injected markup would land there).

When no Chromium can be found, the tests that use these fixtures are skipped
with the reason, except when the environment variable ``CI`` is set: then they
fail, so a CI run never passes with the browser tests skipped. They are marked
``@pytest.mark.browser``.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Where the tests leave their screenshots (build/ is ignored by git).
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


def chromium_path() -> str | None:
    return os.environ.get("KG_CHROMIUM") or shutil.which("chromium")


@dataclass
class OpenedPage:
    page: object  # playwright.sync_api.Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        message = "no Chromium: run scripts/install-chromium, or set KG_CHROMIUM to a Chromium binary"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--enable-unsafe-swiftshader"])
        print(f"\nbrowser: Chromium {browser.version} ({executable})")
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., OpenedPage]]:
    contexts = []

    def run(path: Path, width: int = 1400, height: int = 900) -> OpenedPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page=page, url=path.resolve().as_uri())
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(opened.url)
        page.wait_for_selector("body[data-ready=true]", timeout=30_000)
        return opened

    yield run
    for context in contexts:
        context.close()
