"""Both views in a real headless Chromium: highlights, tooltips, card selection, no script.

Run with Debian's ``chromium`` and ``chromium-driver`` packages and the
``selenium`` package; without them these tests skip, unless
``BILATX_REQUIRE_BROWSER=1`` (CI), where they fail. With
``BILATX_SCREENSHOT_DIR=docs/_static`` the screenshot test refreshes the
documentation's screenshots.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bilatx import Extraction
from bilatx.html import article, report

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _open(driver: WebDriver, path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8")
    _logs(driver)  # drop what earlier pages logged
    driver.get(path.as_uri())


def _logs(driver: WebDriver) -> list[dict[str, Any]]:
    """Return (and clear) the console messages; selenium leaves get_log untyped."""
    logs: list[dict[str, Any]] = driver.get_log("browser")  # type: ignore[no-untyped-call]
    return logs


def _console_errors(driver: WebDriver) -> list[dict[str, Any]]:
    return [e for e in _logs(driver) if e["level"] == "SEVERE"]


def _js(driver: WebDriver, script: str, *args: object) -> Any:
    return driver.execute_script(script, *args)


def _mark(driver: WebDriver, ex: Extraction, text: str) -> WebElement:
    from selenium.webdriver.common.by import By

    index = next(i for i, m in enumerate(ex.mentions) if m.text == text)
    return driver.find_element(By.ID, f"bx-m{index}")


def _tip(driver: WebDriver) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script("return !document.querySelector('.bx-tip').hidden")
    )
    text: str = _js(driver, "return document.querySelector('.bx-tip').innerText")
    return text


def _lit(driver: WebDriver) -> str:
    text: str = _js(
        driver,
        "return Array.from(document.querySelectorAll('.bx-ev-on'))"
        ".map(function (e) { return e.textContent; }).join('')",
    )
    return text


def test_highlights_and_tooltips_by_mouse(
    browser: WebDriver, tmp_path: Path, sample: Extraction
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    _open(browser, tmp_path / "a.html", article(sample))
    heads = _js(browser, "return document.querySelectorAll('mark[tabindex=\"0\"]').length")
    assert heads == len(list(sample.mentions))
    colour = _js(
        browser, "return getComputedStyle(document.querySelector('.bx-m-date')).backgroundColor"
    )
    assert colour not in {"rgba(0, 0, 0, 0)", "transparent"}

    ActionChains(browser).move_to_element(_mark(browser, sample, "last year")).perform()
    tip = _tip(browser)
    assert "Date: 2023" in tip
    assert "2024-03-04" in tip  # the base date
    assert "test-rule" in tip
    assert "views-test" in tip
    box = _js(browser, "return document.querySelector('.bx-tip').getBoundingClientRect().toJSON()")
    assert box["left"] >= 0
    assert box["right"] <= _js(browser, "return window.innerWidth")

    # Inside a quote, the innermost mention's tooltip is shown.
    ActionChains(browser).move_to_element(_mark(browser, sample, "ports")).perform()
    assert "Sector: connectivity" in _tip(browser)
    assert _console_errors(browser) == []


def test_tooltips_by_keyboard(browser: WebDriver, tmp_path: Path, sample: Extraction) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    _open(browser, tmp_path / "a.html", article(sample))
    for _ in range(20):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if _js(browser, "return document.activeElement.tagName") == "MARK":
            break
    focused = _js(browser, "return document.activeElement.textContent")
    assert focused == "Spain's"
    assert "Place: Spain (ESP)" in _tip(browser)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert "Official: Ana Ruiz (Foreign Minister, ESP)" in _tip(browser)
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert _js(browser, "return document.querySelector('.bx-tip').hidden") is True
    assert _js(browser, "return document.activeElement.tagName") == "MARK"
    assert _console_errors(browser) == []


def test_selecting_a_card_highlights_its_evidence(
    browser: WebDriver, tmp_path: Path, sample: Extraction
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, tmp_path / "a.html", article(sample))
    assert _lit(browser) == ""
    buttons = browser.find_elements(By.CSS_SELECTOR, ".bx-sel")
    assert len(buttons) == len(sample.records)

    buttons[0].click()  # the visit
    assert buttons[0].get_attribute("aria-pressed") == "true"
    lit = _lit(browser)
    assert "for a three-day visit" in lit
    assert "In Rabat" in lit
    assert "EUR" not in lit
    status = _js(browser, "return document.querySelector('.bx-status').textContent")
    assert status == "Visit 1: Ana Ruiz, ESP \u2192 MAR: its evidence is highlighted in the text."

    # Keyboard: focus the first trade figure's button and press space.
    trade = buttons[4]
    _js(browser, "arguments[0].focus()", trade)
    ActionChains(browser).send_keys(Keys.SPACE).perform()
    assert trade.get_attribute("aria-pressed") == "true"
    assert buttons[0].get_attribute("aria-pressed") == "false"
    lit = _lit(browser)
    assert "EUR 22 billion" in lit
    assert "EUR 16 billion" in lit  # the trend's earlier figure
    assert "three-day" not in lit

    # Selecting again clears; a click anywhere on a card selects it too.
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert _lit(browser) == ""
    browser.find_elements(By.CSS_SELECTOR, ".bx-card dl")[3].click()  # the statement
    assert buttons[3].get_attribute("aria-pressed") == "true"
    assert "Ruiz wrote in a post on X" in _lit(browser)
    assert _console_errors(browser) == []


def test_legend_hides_a_kind(browser: WebDriver, tmp_path: Path, sample: Extraction) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path / "a.html", article(sample))
    box = browser.find_element(By.CSS_SELECTOR, '.bx-legend input[value="date"]')
    assert box.is_enabled()
    box.click()
    colour = _js(
        browser, "return getComputedStyle(document.querySelector('.bx-m-date')).backgroundColor"
    )
    assert colour == "rgba(0, 0, 0, 0)"
    money = _js(
        browser, "return getComputedStyle(document.querySelector('.bx-m-money')).backgroundColor"
    )
    assert money != "rgba(0, 0, 0, 0)"


def test_narrow_window_and_print(browser: WebDriver, tmp_path: Path, sample: Extraction) -> None:
    _open(browser, tmp_path / "a.html", article(sample))
    wide = _js(
        browser, "return getComputedStyle(document.querySelector('.bx-layout')).gridTemplateColumns"
    )
    assert len(wide.split()) == 2
    size = browser.get_window_size()
    try:
        browser.set_window_size(400, 800)
        columns = _js(
            browser,
            "return getComputedStyle(document.querySelector('.bx-layout')).gridTemplateColumns",
        )
        assert len(columns.split()) == 1
        text = _js(
            browser, "return document.querySelector('.bx-text').getBoundingClientRect().bottom"
        )
        cards = _js(
            browser, "return document.querySelector('.bx-records').getBoundingClientRect().top"
        )
        assert cards >= text
        assert _js(browser, "return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        browser.set_window_size(size["width"], size["height"])
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert (
            _js(browser, "return getComputedStyle(document.querySelector('.bx-layout')).display")
            == "block"
        )
        assert (
            _js(
                browser,
                "return getComputedStyle(document.querySelector('.bx-legend input')).display",
            )
            == "none"
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_detector_sees_script_that_does_run(browser: WebDriver, tmp_path: Path) -> None:
    # The canary: markup that is not escaped does run here, so the checks below can fail.
    _open(browser, tmp_path / "raw.html", '<img src="x" onerror="window.__pwned = 1">')
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return window.__pwned") == 1)


def test_hostile_article_runs_no_script(
    browser: WebDriver, tmp_path: Path, hostile: Extraction
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path / "h.html", article(hostile))
    for mark in browser.find_elements(By.CSS_SELECTOR, "mark[tabindex]"):
        ActionChains(browser).move_to_element(mark).perform()
        _tip(browser)
    for button in browser.find_elements(By.CSS_SELECTOR, ".bx-sel"):
        button.click()
    assert _js(browser, "return window.__pwned") is None
    injected = "return document.querySelectorAll('img, iframe, svg, .bx-text a, a[href^=\"javascript\"]').length"
    assert _js(browser, injected) == 0
    assert _js(browser, "return document.scripts.length") == 1
    shown = _js(browser, "return document.querySelector('.bx-text').textContent")
    assert "<script>window.__pwned = 1;</script>" in shown
    assert '<a href="javascript:window.__pwned = 4">here</a>' in shown
    assert "Evil<script>" not in _js(browser, "return document.title")
    assert _console_errors(browser) == []


def test_notebook_fragments_work_side_by_side(
    browser: WebDriver, tmp_path: Path, corpus: list[Extraction]
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    # As a notebook shows outputs: fragments one after another, no page policy.
    html = f"<!DOCTYPE html><html><body>{corpus[0]._repr_html_()}<hr>{corpus[1]._repr_html_()}</body></html>"
    _open(browser, tmp_path / "nb.html", html)
    views = browser.find_elements(By.CSS_SELECTOR, ".bilatx-view")
    assert len(views) == 2
    second = views[1]
    mark = second.find_element(By.CSS_SELECTOR, "mark[tabindex]")
    ActionChains(browser).move_to_element(mark).perform()
    assert _js(browser, "return arguments[0].querySelector('.bx-tip').hidden", second) is False
    assert _js(browser, "return arguments[0].querySelector('.bx-tip').hidden", views[0]) is True
    second.find_element(By.CSS_SELECTOR, ".bx-sel").click()
    assert _js(browser, "return arguments[0].querySelectorAll('.bx-ev-on').length", second) > 0
    assert _js(browser, "return arguments[0].querySelectorAll('.bx-ev-on').length", views[0]) == 0
    assert _console_errors(browser) == []


def test_report_opens_and_links_back(
    browser: WebDriver, tmp_path: Path, corpus: list[Extraction]
) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path / "r.html", report(corpus))
    assert _js(browser, "return document.querySelectorAll('svg.bx-chart').length") == 3
    size = browser.get_window_size()
    try:
        browser.set_window_size(400, 800)
        assert _js(browser, "return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        browser.set_window_size(size["width"], size["height"])
    assert _js(browser, "return document.scripts.length") == 0
    link = browser.find_element(By.CSS_SELECTOR, "#statements a[href='#doc-1']")
    link.click()
    assert _js(browser, "return location.hash") == "#doc-1"
    assert _js(browser, "return document.querySelector(':target').id") == "doc-1"
    assert _js(browser, "return window.__pwned") is None
    assert _js(browser, "return document.querySelectorAll('img, iframe, script').length") == 0
    assert _console_errors(browser) == []


def test_screenshots(
    browser: WebDriver, tmp_path: Path, sample: Extraction, corpus: list[Extraction]
) -> None:
    """Refresh the documentation's screenshots (only with BILATX_SCREENSHOT_DIR set)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    target = os.environ.get("BILATX_SCREENSHOT_DIR")
    if not target:
        pytest.skip("set BILATX_SCREENSHOT_DIR to refresh the documentation's screenshots")
    out = Path(target)
    size = browser.get_window_size()
    try:
        browser.set_window_size(1280, 820)
        _open(browser, tmp_path / "a.html", article(sample))
        browser.find_elements(By.CSS_SELECTOR, ".bx-sel")[4].click()
        # Selenium scrolled the window to the card it clicked; show the top, and the card.
        _js(browser, "window.scrollTo(0, 0)")
        _js(
            browser,
            "var c = document.querySelector('.bx-selected');"
            "c.parentNode.closest('.bx-records').scrollTop = c.offsetTop - 60;",
        )
        ActionChains(browser).move_to_element(_mark(browser, sample, "last year")).perform()
        _tip(browser)
        browser.save_screenshot(str(out / "article-view.png"))

        browser.set_window_size(420, 900)
        _open(browser, tmp_path / "a.html", article(sample))
        browser.save_screenshot(str(out / "article-view-narrow.png"))

        browser.set_window_size(1280, 900)
        _open(browser, tmp_path / "r.html", report(corpus[:2]))
        height = _js(browser, "return document.documentElement.scrollHeight")
        browser.set_window_size(1280, min(int(height) + 140, 4000))
        browser.save_screenshot(str(out / "report-view.png"))
    finally:
        browser.set_window_size(size["width"], size["height"])
