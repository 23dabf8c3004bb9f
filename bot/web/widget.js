/*
 * 服务营销顾问 — chat widget for the intranet portal. Plain JavaScript, no build step.
 *
 *   <script src="https://bot.example/widget.js" data-server="http://localhost:5005"
 *           data-token="<JWT for the signed-in user>"></script>
 *
 * Loads widget.css and vendor/socket.io.min.js from next to itself, talks to the Rasa
 * `bot.web.channel.PortalInput` channel over socket.io (websocket) and re-renders the
 * conversation from the server's `history` event after every (re)connect, so it survives
 * reloads and moving between portal pages. Bot and user text is only ever set with
 * textContent. Message shapes and the swot_matrix convention: docs/portal.md.
 *
 * An `answer_meta` custom message (sent right after an answer) draws nothing itself: it adds
 * 👍 / 👎 to the bot bubble before it; 👎 asks for a reason. They are real <button>s with
 * aria-pressed, so keyboard and screen-reader users can rate too; the rating goes to the
 * server as the `feedback` event and `feedback_saved` confirms it (docs/admin.md).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__serviceAdvisorWidget) return;
  window.__serviceAdvisorWidget = true;

  var base = script.src.replace(/[^/]*([?#].*)?$/, "");
  var server = script.getAttribute("data-server") || "http://localhost:5005";
  var token = script.getAttribute("data-token") || "";
  var title = script.getAttribute("data-title") || "服务营销顾问";
  var ANON_KEY = "serviceAdvisor.anonymousSession";   // development mode only
  var OPEN_KEY = "serviceAdvisor.open";
  var TOWS = [["SO", "WO"], ["ST", "WT"]];
  var SWOT = [["S", "W"], ["O", "T"]];
  var REASONS = ["答非所问", "不完整", "过时", "其他"];
  var LABELS = {
    SO: "SO 增长型战略", WO: "WO 扭转型战略", ST: "ST 多元化战略", WT: "WT 防御型战略",
    S: "S 优势", W: "W 劣势", O: "O 机会", T: "T 威胁"
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function load(tag, attrs, done) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (done) { node.onload = done; node.onerror = done; }
    document.head.appendChild(node);
  }

  // ---- the DOM -----------------------------------------------------------------------
  var root = el("div", "sma-root");
  var launcher = el("button", "sma-launcher", "问");
  launcher.type = "button";
  launcher.setAttribute("aria-label", "打开" + title);
  var panel = el("section", "sma-panel");
  panel.setAttribute("aria-label", title);
  panel.hidden = true;
  var header = el("header", "sma-header");
  var heading = el("div", "sma-title", title);
  var status = el("div", "sma-status", "连接中…");
  var close = el("button", "sma-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "关闭");
  header.append(el("div", null), close);
  header.firstChild.append(heading, status);
  var log = el("div", "sma-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  var typing = el("div", "sma-msg sma-bot sma-typing");
  typing.setAttribute("aria-label", "对方正在输入");
  typing.append(el("span"), el("span"), el("span"));
  typing.hidden = true;
  var form = el("form", "sma-form");
  var input = el("textarea", "sma-input");
  input.rows = 1;
  input.placeholder = "请输入问题…";
  input.title = "Enter 发送，Shift+Enter 换行";
  input.setAttribute("aria-label", "输入问题");
  var sendButton = el("button", "sma-send", "发送");
  sendButton.type = "submit";
  form.append(input, sendButton);
  panel.append(header, log, form);
  log.append(typing);
  root.append(panel, launcher);

  function setOpen(open) {
    panel.hidden = !open;
    launcher.hidden = open;
    sessionStorage.setItem(OPEN_KEY, open ? "1" : "");
    if (open) { input.focus(); scrollDown(); }
  }
  launcher.addEventListener("click", function () { setOpen(true); });
  close.addEventListener("click", function () { setOpen(false); });

  // ---- rendering ---------------------------------------------------------------------
  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function safeUrl(url) {
    try {
      var parsed = new URL(url, document.baseURI);
      return /^https?:$/.test(parsed.protocol) ? parsed.href : null;
    } catch (e) { return null; }
  }

  function link(url, label) {
    var href = safeUrl(url);
    if (!href) return el("span", null, label || url);
    var a = el("a", "sma-link", label || url);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  // Text with line breaks; consecutive "1. …" / "1、…" lines become a numbered list;
  // http(s) URLs become links. Everything goes through textContent.
  function renderText(text) {
    var box = el("div", "sma-text");
    var list = null;
    String(text).split("\n").forEach(function (line) {
      var item = /^\s*(\d+)[.、)）]\s*(.*)$/.exec(line);
      if (item) {
        if (!list) {
          list = el("ol", "sma-list");
          list.start = parseInt(item[1], 10);
          box.append(list);
        }
        var li = el("li");
        appendLinked(li, item[2]);
        list.append(li);
      } else {
        list = null;
        var p = el("p", "sma-line");
        appendLinked(p, line);
        box.append(p);
      }
    });
    return box;
  }

  function appendLinked(parent, line) {
    var re = /https?:\/\/[^\s，。；、）)]+/g, last = 0, m;
    while ((m = re.exec(line))) {
      parent.append(document.createTextNode(line.slice(last, m.index)), link(m[0]));
      last = m.index + m[0].length;
    }
    parent.append(document.createTextNode(line.slice(last)));
  }

  function renderMatrix(custom) {
    var cells = custom.cells || {};
    var layout = ("S" in cells || "O" in cells) ? SWOT : TOWS;
    var box = el("div", "sma-matrix-box");
    if (custom.title) box.append(el("div", "sma-matrix-title", custom.title));
    var grid = el("div", "sma-matrix");
    layout.forEach(function (row) {
      row.forEach(function (key) {
        var cell = el("div", "sma-cell" + (custom.highlight === key ? " sma-highlight" : ""));
        cell.setAttribute("data-cell", key);
        cell.append(el("div", "sma-cell-title", (custom.labels || {})[key] || LABELS[key]));
        var ul = el("ul");
        (cells[key] || []).forEach(function (entry) { ul.append(el("li", null, entry)); });
        if (!ul.childNodes.length) ul.append(el("li", "sma-empty", "—"));
        cell.append(ul);
        grid.append(cell);
      });
    });
    box.append(grid);
    return box;
  }

  // The generic table payload of the tools: {type: "table", columns, rows, caption, text}.
  function renderTable(custom) {
    var box = el("div", "sma-table-box");
    var table = el("table", "sma-table");
    if (custom.caption) table.append(el("caption", null, custom.caption));
    var head = el("tr");
    (custom.columns || []).forEach(function (c) {
      var th = el("th", null, String(c));
      th.scope = "col";
      head.append(th);
    });
    var thead = el("thead");
    thead.append(head);
    table.append(thead);
    var body = el("tbody");
    (custom.rows || []).forEach(function (row) {
      var tr = el("tr");
      (row || []).forEach(function (cell) { tr.append(el("td", null, String(cell))); });
      body.append(tr);
    });
    table.append(body);
    box.append(table);
    return box;
  }

  function renderCustom(custom) {
    if (custom && custom.type === "table") return renderTable(custom);
    if (custom && custom.type === "swot_matrix") return renderMatrix(custom);
    if (custom && custom.type === "report_link") return link(custom.url, custom.title || "下载报告");
    if (custom && custom.text) return renderText(custom.text);
    return null;
  }

  // ---- answer feedback -------------------------------------------------------------------
  var lastBot = null;          // the bubble an answer_meta message belongs to
  var pendingFeedback = {};    // ref of a sent feedback event -> its controls
  var feedbackCount = 0;

  function toggle(label, text) {
    var button = el("button", "sma-fb-button", text);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.setAttribute("aria-pressed", "false");
    return button;
  }

  function pressed(button, on) { button.setAttribute("aria-pressed", on ? "true" : "false"); }

  function addFeedback(bubble, meta) {
    if (!bubble || bubble.querySelector(".sma-feedback")) return;
    var box = el("div", "sma-feedback");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "这个回答有帮助吗？");
    var up = toggle("有帮助", "👍");
    up.classList.add("sma-fb-up");
    var down = toggle("没有帮助", "👎");
    down.classList.add("sma-fb-down");
    var state = el("span", "sma-fb-status");
    state.setAttribute("role", "status");
    state.tabIndex = -1;
    var reasons = el("form", "sma-reasons");
    reasons.hidden = true;
    reasons.setAttribute("aria-label", "哪里不好？");
    var chosen = null;
    var reasonRow = el("div", "sma-reason-row");
    var reasonButtons = REASONS.map(function (reason) {
      var b = toggle(reason, reason);
      b.className = "sma-reason";
      b.addEventListener("click", function () {
        chosen = chosen === reason ? null : reason;
        reasonButtons.forEach(function (other) { pressed(other, other.textContent === chosen); });
      });
      reasonRow.append(b);
      return b;
    });
    var comment = el("input", "sma-fb-comment");
    comment.type = "text";
    comment.maxLength = 500;
    comment.placeholder = "补充说明（可选）";
    comment.setAttribute("aria-label", "补充说明（可选）");
    var submitButton = el("button", "sma-fb-submit", "提交");
    submitButton.type = "submit";
    var commentRow = el("div", "sma-fb-comment-row");
    commentRow.append(comment, submitButton);
    reasons.append(el("div", "sma-reasons-title", "哪里不好？"), reasonRow, commentRow);
    var row = el("div", "sma-fb-row");
    row.append(up, down, state);
    box.append(row, reasons);
    bubble.append(box);

    function emit(rating, reason, text) {
      if (box.getAttribute("data-saved") === "1") return;
      if (!socket) { state.textContent = "未连接，请稍后再试"; return; }
      var ref = "fb" + (++feedbackCount);
      pendingFeedback[ref] = { box: box, state: state, reasons: reasons };
      state.textContent = "提交中…";
      socket.emit("feedback", {
        ref: ref, topic: meta.topic || null, question: meta.question || "", answer: meta.answer || "",
        rating: rating, reason: reason || null, comment: text || null
      });
    }
    up.addEventListener("click", function () {
      if (box.getAttribute("data-saved") === "1") return;
      pressed(up, true);
      pressed(down, false);
      reasons.hidden = true;
      emit("up");
    });
    down.addEventListener("click", function () {
      if (box.getAttribute("data-saved") === "1") return;
      pressed(down, true);
      pressed(up, false);
      reasons.hidden = false;
      state.textContent = "";
      reasonButtons[0].focus();
      scrollDown();
    });
    reasons.addEventListener("submit", function (event) {
      event.preventDefault();
      emit("down", chosen, comment.value.trim());
    });
  }

  function feedbackSaved(data) {
    data = data || {};
    var pending = pendingFeedback[data.ref];
    if (!pending) return;
    delete pendingFeedback[data.ref];
    if (data.ok) {
      var hadFocus = pending.box.contains(document.activeElement);
      pending.box.setAttribute("data-saved", "1");
      Array.prototype.forEach.call(pending.box.querySelectorAll("button"), function (b) {
        b.setAttribute("aria-disabled", "true");
      });
      pending.reasons.hidden = true;
      pending.state.textContent = "谢谢反馈";
      if (hadFocus && !pending.box.contains(document.activeElement)) pending.state.focus();
    } else {
      pending.state.textContent = data.error || "评价没能保存，请稍后再试";
    }
  }

  function addMessage(from, message) {
    // answer_meta: live it comes alone after the answer; from history it shares the answer's event.
    var meta = from !== "user" && message.custom && message.custom.type === "answer_meta" ? message.custom : null;
    if (meta) {
      message = Object.assign({}, message);
      delete message.custom;
    }
    drawMessage(from, message);
    if (meta) addFeedback(lastBot, meta);
  }

  function drawMessage(from, message) {
    var bubble = el("div", "sma-msg " + (from === "user" ? "sma-user" : "sma-bot"));
    if (message.text) bubble.append(renderText(message.text));
    if (message.custom) {
      var custom = renderCustom(message.custom);
      if (custom) bubble.append(custom);
    }
    var attachment = message.attachment;
    if (attachment && attachment.payload && (attachment.payload.url || attachment.payload.src)) {
      bubble.append(link(attachment.payload.url || attachment.payload.src,
                         attachment.payload.title || "打开附件"));
    }
    if (!bubble.childNodes.length) return;
    log.insertBefore(bubble, typing);
    lastBot = from === "user" ? null : bubble;
    var buttons = message.buttons || message.quick_replies || [];
    if (buttons.length) {
      var row = el("div", "sma-buttons");
      buttons.forEach(function (b) {
        var button = el("button", "sma-button", b.title);
        button.type = "button";
        button.addEventListener("click", function () { send(b.payload, b.title); });
        row.append(button);
      });
      log.insertBefore(row, typing);
    }
    scrollDown();
  }

  function clearLog() {
    lastBot = null;
    while (log.firstChild !== typing) log.removeChild(log.firstChild);
  }

  var typingTimer = null;
  function setTyping(on) {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) typingTimer = setTimeout(function () { typing.hidden = true; }, 30000);
    scrollDown();
  }

  // ---- the connection ----------------------------------------------------------------
  var socket = null;

  function send(message, display) {
    message = String(message || "").trim();
    if (!message || !socket) return;
    addMessage("user", { text: display || message });
    socket.emit("user_uttered", { message: message, display: display || "" });
    setTyping(true);
  }

  function connect() {
    socket = window.io(server, {
      path: "/socket.io", transports: ["websocket"], auth: token ? { token: token } : {}
    });
    socket.on("connect", function () {
      status.textContent = "在线";
      socket.emit("session_request", { session_id: localStorage.getItem(ANON_KEY) });
    });
    socket.on("session_confirm", function (id) {
      if (/^anon-/.test(String(id))) localStorage.setItem(ANON_KEY, id);
    });
    socket.on("history", function (items) {
      clearLog();
      (items || []).forEach(function (item) { addMessage(item.from, item); });
    });
    socket.on("bot_uttered", function (message) { setTyping(false); addMessage("bot", message || {}); });
    socket.on("feedback_saved", feedbackSaved);
    socket.on("user_echo", function (message) { addMessage("user", message || {}); });
    socket.on("auth_expired", function () { status.textContent = "登录已过期，请刷新页面"; });
    socket.on("disconnect", function () { status.textContent = "已断开，正在重连…"; });
    socket.on("connect_error", function () {
      status.textContent = socket.active ? "连接中…" : "未登录或登录已过期，请刷新页面";
    });
  }

  // Enter sends; Enter that confirms an IME candidate (pinyin) does not.
  var composing = false;
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey) return;
    if (composing || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    form.requestSubmit ? form.requestSubmit() : submit();
  });
  function submit(event) {
    if (event) event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  }
  form.addEventListener("submit", submit);

  function start() {
    document.body.append(root);
    setOpen(sessionStorage.getItem(OPEN_KEY) === "1");
    if (typeof window.io !== "function") {
      status.textContent = "无法加载 socket.io";
      return;
    }
    connect();
  }

  // A small handle for portal scripts (and the browser tests): open the panel, render a
  // bot-shaped message locally (nothing is sent to the server).
  window.serviceAdvisorWidget = {
    open: function () { setOpen(true); },
    render: function (message) { addMessage("bot", message || {}); }
  };

  load("link", { rel: "stylesheet", href: base + "widget.css" });
  var ready = function () {
    if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  };
  if (typeof window.io === "function") ready();
  else load("script", { src: base + "vendor/socket.io.min.js" }, ready);
})();
