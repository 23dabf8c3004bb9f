"""The admin page against the real bot, in headless Chromium: the knowledge loop, XSS, feedback.

The demo portal's ``/admin?user=admin`` plays the portal's admin sign-in: it mints a token with
``role: admin`` and opens ``/webhooks/portal/admin#token=…`` on the Rasa server. The question
log rows come from the action server (``actions/knowledge.py`` → ``bot.ops.log.log_question``);
feedback from the widget's 👍/👎 (``feedback`` socket event → ``bot.ops.feedback``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bot import texts
from tests.browser.conftest import Portal
from tests.browser.test_widget import ask, bot_messages, open_widget

pytestmark = [pytest.mark.browser, pytest.mark.servers]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "admin.png"
UNKNOWN = "门店晨会的七步流程是什么"
TOPIC = "service_marketing_steps"  # 服务营销步骤, whose steps facet is 服务营销的五个步骤
TOPIC_ANSWER = "市场分析"
XSS_QUESTION = "<img src=x onerror=alert(1)>门店晨会怎么签到"
XSS_COMMENT = "<script>alert(2)</script><img src=y onerror=alert(3)>"
ANSWERED = "售后服务经理的职责有哪些"


def open_admin(page: Page, portal: Portal) -> None:
    page.goto(f"{portal.url}/admin?user=admin")
    expect(page.locator("body[data-loaded='1']")).to_have_count(1)
    assert "#token" not in page.url and "token=" not in page.url, "the token leaves the address bar"
    expect(page.locator("#adm-notice")).to_be_hidden()


def example(page: Page, question: str):
    return page.locator(".adm-example", has=page.locator(".adm-question", has_text=question)).first


def last_bot_text(page: Page) -> str:
    return bot_messages(page).last.inner_text()


def test_unanswered_question_becomes_an_answer_without_retraining(portal: Portal, new_page) -> None:
    user = new_page()
    open_widget(user, portal.page_url("loop-user"))
    ask(user, UNKNOWN)
    assert texts.UNKNOWN_ANSWER in last_bot_text(user), "the bot must decline it first"

    admin = new_page(viewport={"width": 1200, "height": 900})
    open_admin(admin, portal)
    row = example(admin, UNKNOWN)
    expect(row).to_be_visible()
    expect(admin.locator(".adm-group", has=row).locator(".adm-count")).to_contain_text("次")
    row.locator(".adm-as-question").click()
    form = row.locator("form[data-kind='question']")
    form.locator("select").select_option(TOPIC)
    expect(form.locator("input")).to_have_value(UNKNOWN)
    form.locator("button[type='submit']").click()
    expect(form.locator(".adm-status")).to_have_class("adm-status adm-ok")
    expect(form.locator(".adm-status")).to_contain_text("服务营销步骤")
    admin.screenshot(path=str(SCREENSHOT))  # docs/admin.md shows the page at this moment

    # The running servers pick the new revision up within their cache age: no retrain, no restart.
    deadline = time.monotonic() + 30
    while True:
        ask(user, UNKNOWN)
        reply = last_bot_text(user)
        if TOPIC_ANSWER in reply or time.monotonic() > deadline:
            break
        user.wait_for_timeout(3000)
    assert TOPIC_ANSWER in reply and texts.UNKNOWN_ANSWER not in reply, reply

    admin.reload()  # the token stays in this tab's sessionStorage
    expect(admin.locator("body[data-loaded='1']")).to_have_count(1)
    audit = admin.locator("#audit-list tbody tr", has_text=TOPIC)
    expect(audit.first).to_contain_text("加示例问题")
    expect(audit.first).to_contain_text("admin")
    expect(audit.first).to_contain_text(UNKNOWN)  # the change: questions + …


def test_the_page_refuses_without_an_admin_token(portal: Portal, new_page) -> None:
    page = new_page()
    page.goto(f"{portal.bot.url}/webhooks/portal/admin")
    expect(page.locator("#adm-notice")).to_contain_text("缺少管理员令牌")
    user_token = new_page()
    user_token.goto(portal.page_url("not-admin"))
    token = user_token.locator("script[data-token]").get_attribute("data-token")
    page.goto(f"{portal.bot.url}/webhooks/portal/admin#token={token}")
    expect(page.locator("#adm-notice")).to_contain_text("没有管理员权限")
    assert page.locator(".adm-example").count() == 0
    assert page.request.get(f"{portal.url}/admin?user=mallory").status == 403  # not a demo admin


def test_hostile_text_renders_as_text_on_the_admin_page(portal: Portal, new_page) -> None:
    user = new_page()
    open_widget(user, portal.page_url("xss-user"))
    ask(user, XSS_QUESTION)
    token = user.locator("script[data-token]").get_attribute("data-token")
    saved = user.evaluate("""([server, token, question, comment]) => new Promise(resolve => {
        const s = io(server, {transports: ['websocket'], auth: {token}, forceNew: true});
        s.on('connect', () => s.emit('feedback', {topic: null, question, answer: '<b>answer</b>',
                                                  rating: 'down', reason: '其他', comment}));
        s.on('feedback_saved', data => { s.close(); resolve(data); });
    })""", [portal.bot.url, token, XSS_QUESTION, XSS_COMMENT])
    assert saved["ok"] is True, saved

    admin = new_page()
    dialogs: list[str] = []
    admin.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_admin(admin, portal)
    expect(admin.locator(".adm-question", has_text=XSS_QUESTION).first).to_be_visible()
    negative = admin.locator("#feedback-negative tbody tr", has_text=XSS_COMMENT).first
    expect(negative).to_contain_text(XSS_QUESTION)
    expect(negative).to_contain_text("<b>answer</b>")
    admin.wait_for_timeout(500)
    assert admin.locator("main img, main script, main b").count() == 0
    assert dialogs == []


def test_keyboard_feedback_in_the_widget_reaches_the_admin_page(portal: Portal, new_page) -> None:
    user = new_page()
    open_widget(user, portal.page_url("fb-user"))
    ask(user, ANSWERED)
    answer = user.locator(".sma-msg.sma-bot", has=user.locator(".sma-feedback")).last
    expect(answer).to_be_visible()
    up, down = answer.locator(".sma-fb-up"), answer.locator(".sma-fb-down")
    expect(up).to_have_attribute("aria-label", "有帮助")
    expect(down).to_have_attribute("aria-pressed", "false")

    down.focus()
    user.keyboard.press("Enter")
    expect(down).to_have_attribute("aria-pressed", "true")
    reasons = answer.locator(".sma-reason")
    expect(reasons).to_have_text(["答非所问", "不完整", "过时", "其他"])
    expect(reasons.first).to_be_focused()  # focus moves to the reasons
    user.keyboard.press("Tab")
    expect(reasons.nth(1)).to_be_focused()
    user.keyboard.press("Space")
    expect(reasons.nth(1)).to_have_attribute("aria-pressed", "true")
    for _ in range(3):
        user.keyboard.press("Tab")
    expect(answer.locator(".sma-fb-comment")).to_be_focused()
    user.keyboard.type("没有提到考核指标")
    user.keyboard.press("Enter")
    expect(answer.locator(".sma-fb-status")).to_have_text("谢谢反馈")
    expect(answer.locator(".sma-reasons")).to_be_hidden()

    ask(user, "服务经理的职责是什么")
    second = user.locator(".sma-msg.sma-bot", has=user.locator(".sma-feedback")).last
    second.locator(".sma-fb-up").focus()
    user.keyboard.press("Space")
    expect(second.locator(".sma-fb-status")).to_have_text("谢谢反馈")
    expect(second.locator(".sma-fb-up")).to_have_attribute("aria-pressed", "true")

    user.reload()  # the buttons come back with the history
    expect(user.locator(".sma-feedback")).not_to_have_count(0)

    admin = new_page()
    open_admin(admin, portal)
    negative = admin.locator("#feedback-negative tbody tr", has_text="没有提到考核指标").first
    expect(negative).to_contain_text("不完整")
    expect(negative).to_contain_text(ANSWERED)
    expect(negative).to_contain_text("fb-user")
    rows = admin.locator("#feedback-topics tbody tr")
    expect(rows).not_to_have_count(0)
