"""The widget on the demo portal, in headless Chromium, against the real bot.

Each test signs in as its own demo user (``?user=…``), so conversations never mix.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import jwt
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SECRET, Portal

pytestmark = [pytest.mark.browser, pytest.mark.servers]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "widget.png"
QUESTION = "售后服务经理的职责有哪些"
XSS = "<img src=x onerror=alert(1)>"


def open_widget(page: Page, url: str) -> None:
    page.goto(url)
    page.click(".sma-launcher")
    expect(page.locator(".sma-status")).to_have_text("在线")


def bot_messages(page: Page):
    return page.locator(".sma-msg.sma-bot:not(.sma-typing)")


def user_messages(page: Page):
    return page.locator(".sma-msg.sma-user")


def ask(page: Page, text: str) -> None:
    """Type, press Enter, and wait until the bot has answered (one more bot message)."""
    before = bot_messages(page).count()
    page.fill(".sma-input", text)
    page.press(".sma-input", "Enter")
    expect(bot_messages(page)).not_to_have_count(before)
    page.wait_for_timeout(300)  # a reply may come as several messages


def test_question_answer_buttons_and_screenshot(portal: Portal, new_page) -> None:
    page = new_page(viewport={"width": 1100, "height": 800})
    open_widget(page, portal.page_url("alice"))
    page.evaluate("""() => {
        const typing = document.querySelector('.sma-typing');
        new MutationObserver(() => { if (!typing.hidden) window.typingSeen = true; })
            .observe(typing, {attributes: true});
    }""")
    ask(page, QUESTION)

    expect(user_messages(page).last).to_have_text(QUESTION)
    answer = bot_messages(page).first
    expect(answer).to_contain_text("职责")
    assert answer.locator("ol.sma-list li").count() >= 3, "numbered lines render as a list"
    assert page.evaluate("window.typingSeen") is True, "typing indicator shown while waiting"
    expect(page.locator(".sma-typing")).to_be_hidden()
    page.locator(".sma-log").evaluate("el => { el.scrollTop = 0; }")  # question and answer in view
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    button = page.locator(".sma-button").first
    title = button.inner_text()
    before = bot_messages(page).count()
    button.click()
    expect(user_messages(page).last).to_have_text(title)  # the title, not the /intent payload
    expect(bot_messages(page)).not_to_have_count(before)
    page.wait_for_timeout(500)



def test_conversation_survives_reload_and_page_change(portal: Portal, new_page) -> None:
    page = new_page()
    open_widget(page, portal.page_url("carol"))
    ask(page, QUESTION)
    bots = bot_messages(page).count()

    page.reload()
    expect(page.locator(".sma-panel")).to_be_visible()  # still open after the reload
    expect(user_messages(page).first).to_have_text(QUESTION)
    expect(bot_messages(page)).to_have_count(bots)

    page.click("a[href='/knowledge.html']")
    expect(page).to_have_title("员工门户 · 知识库")
    expect(page.locator(".sma-status")).to_have_text("在线")
    expect(user_messages(page).first).to_have_text(QUESTION)
    ask(page, "服务经理的职责是什么")
    expect(user_messages(page)).to_have_count(2)

    # the button title (not its payload) is what history shows after a reload
    title = page.locator(".sma-button").last.inner_text()
    before = bot_messages(page).count()
    page.locator(".sma-button").last.click()
    expect(bot_messages(page)).not_to_have_count(before)
    page.reload()
    expect(user_messages(page)).to_have_count(3)
    expect(user_messages(page).last).to_have_text(title)


def test_xss_text_is_shown_literally(portal: Portal, new_page) -> None:
    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_widget(page, portal.page_url("mallory"))
    ask(page, XSS)

    expect(user_messages(page).last).to_have_text(XSS)
    page.reload()
    expect(user_messages(page).last).to_have_text(XSS)  # and again when re-rendered from history
    page.evaluate("""() => window.serviceAdvisorWidget.render({
        text: '<script>alert(2)</script> <b>bold</b>',
        buttons: [{title: '<img src=y onerror=alert(3)>', payload: '/x'}],
        custom: {type: 'report_link', url: 'javascript:alert(4)', title: '报告'}})""")
    page.wait_for_timeout(500)
    assert page.locator(".sma-root img, .sma-root script, .sma-root b").count() == 0
    assert page.locator(".sma-root a[href^='javascript']").count() == 0
    assert dialogs == []


def test_ime_composition_enter_does_not_send(portal: Portal, new_page) -> None:
    page = new_page()
    open_widget(page, portal.page_url("ime"))
    box = page.locator(".sma-input")
    box.focus()
    # A real composition through Chromium's IME interface: typing pinyin, Enter picks a candidate.
    ime = page.context.new_cdp_session(page)
    ime.send("Input.imeSetComposition", {"text": "shouhou", "selectionStart": 7, "selectionEnd": 7})
    page.keyboard.press("Enter")  # keydown: key Enter, isComposing true
    # Safari-style: the confirming keydown arrives as keyCode 229.
    box.evaluate("""el => el.dispatchEvent(new KeyboardEvent('keydown',
        {key: 'Enter', keyCode: 229, bubbles: true, cancelable: true}))""")
    page.wait_for_timeout(500)
    expect(user_messages(page)).to_have_count(0)
    expect(page.locator(".sma-typing")).to_be_hidden()

    ime.send("Input.insertText", {"text": "售后服务经理的职责"})  # the candidate is committed
    page.keyboard.press("Enter")  # now Enter sends
    expect(user_messages(page)).to_have_count(1)
    expect(user_messages(page).first).to_have_text("售后服务经理的职责")
    expect(box).to_have_value("")


def test_users_cannot_see_each_other(portal: Portal, new_page) -> None:
    alice = new_page()
    open_widget(alice, portal.page_url("iso-alice"))
    ask(alice, "alice 的秘密分析")

    bob = new_page()
    open_widget(bob, portal.page_url("iso-bob"))
    expect(user_messages(bob)).to_have_count(0)

    # Bob's token, asking for Alice's session id: the server ignores the id it is given.
    bob_token = bob.locator("script[data-token]").get_attribute("data-token")
    seen = bob.evaluate("""([server, token]) => new Promise(resolve => {
        const s = io(server, {transports: ['websocket'], auth: {token}, forceNew: true});
        const got = {};
        s.on('connect', () => s.emit('session_request', {session_id: 'iso-alice'}));
        s.on('session_confirm', id => { got.id = id; });
        s.on('history', items => { got.history = items; s.close(); resolve(got); });
    })""", [portal.bot.url, bob_token])
    assert seen["id"] == "iso-bob"
    assert "alice" not in str(seen["history"])

    ask(bob, "bob 的问题")
    alice.reload()
    expect(user_messages(alice)).to_have_count(1)
    expect(user_messages(alice).first).to_have_text("alice 的秘密分析")


@pytest.mark.parametrize("token", [
    None,
    "not-a-jwt",
    jwt.encode({"sub": "eve", "exp": 4102444800}, "wrong-secret-" * 4, algorithm="HS256"),
    jwt.encode({"sub": "eve", "exp": 946684800}, SECRET, algorithm="HS256"),  # expired (2000)
    jwt.encode({"exp": 4102444800}, SECRET, algorithm="HS256"),  # no sub
])
def test_bad_tokens_are_refused(portal: Portal, new_page, token) -> None:
    page = new_page()
    page.goto(portal.page_url("eve"))
    page.wait_for_function("typeof io === 'function'")
    outcome = page.evaluate("""([server, token]) => new Promise(resolve => {
        const s = io(server, {transports: ['websocket'], auth: token ? {token} : {}, forceNew: true,
                              reconnection: false});
        s.on('connect', () => { s.close(); resolve('connected'); });
        s.on('connect_error', () => resolve('refused'));
    })""", [portal.bot.url, token])
    assert outcome == "refused"


def _handshake(url: str, origin: str) -> int:
    request = urllib.request.Request(f"{url}/socket.io/?EIO=4&transport=polling", headers={"Origin": origin})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_only_configured_origins(portal: Portal) -> None:
    assert _handshake(portal.bot.url, portal.url) == 200
    assert _handshake(portal.bot.url, "http://evil.example") == 400


def test_small_screen(portal: Portal, new_page) -> None:
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    open_widget(page, portal.page_url("mobile"))
    box = page.locator(".sma-panel").bounding_box()
    assert box is not None and box["width"] <= 360 and box["x"] >= 0
    expect(page.locator(".sma-input")).to_be_in_viewport()
    expect(page.locator(".sma-send")).to_be_in_viewport()


def test_swot_matrix_and_report_link(portal: Portal, new_page) -> None:
    page = new_page()
    open_widget(page, portal.page_url("matrix"))
    page.evaluate("""() => window.serviceAdvisorWidget.render({
        text: 'TOWS 矩阵如下：',
        custom: {type: 'swot_matrix', title: 'TOWS 矩阵', highlight: 'SO',
                 cells: {SO: ['用品牌优势抢占新市场'], WO: ['借政策补齐短板'],
                         ST: ['以服务差异化应对竞争'], WT: []}}})""")
    page.evaluate("""() => window.serviceAdvisorWidget.render({
        text: '报告已导出：http://127.0.0.1:1/reports/7.md',
        custom: {type: 'report_link', url: '/reports/7.md', title: '下载 SWOT 报告'}})""")
    cells = page.locator(".sma-matrix .sma-cell")
    expect(cells).to_have_count(4)
    assert [c.get_attribute("data-cell") for c in cells.all()] == ["SO", "WO", "ST", "WT"]
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"], "a 2×2 grid"
    expect(page.locator(".sma-highlight")).to_have_attribute("data-cell", "SO")
    expect(cells.nth(3)).to_contain_text("—")
    links = page.locator(".sma-link")
    expect(links).to_have_count(2)
    assert links.nth(0).get_attribute("href") == "http://127.0.0.1:1/reports/7.md"
    assert links.nth(1).get_attribute("href") == f"{portal.url}/reports/7.md"


def test_market_share_result_is_a_table(portal: Portal, new_page) -> None:
    """A tool's rows and columns arrive as the generic table payload and render as <table>."""
    page = new_page()
    open_widget(page, portal.page_url("share-table"))
    ask(page, "我们区域有1.2万辆车，每车每年修3小时，去年做了9000个工时，市场份额是多少")
    table = page.locator(".sma-table")
    expect(table).to_have_count(1)
    headers = table.locator("th").all_inner_texts()
    assert headers[:2] == ["排名", "区域(服务站)"] and "市场份额" in headers
    cells = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert cells[4:7] == ["36,000", "9,000", "25%"]
    page.evaluate("""() => window.serviceAdvisorWidget.render({custom: {type: 'table',
        columns: ['项目', '<b>x</b>'], rows: [['<img src=x onerror=alert(1)>', '2']]}})""")
    expect(page.locator(".sma-table td", has_text="<img src=x onerror=alert(1)>")).to_have_count(1)
    assert page.locator(".sma-table img").count() == 0
