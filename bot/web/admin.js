/*
 * 服务营销顾问 · 知识运营后台 (served with admin.html by bot/web/admin.py).
 *
 * The admin token comes from the URL fragment (#token=…, removed from the address bar at
 * once and kept in sessionStorage for this tab) or from sessionStorage; every API call sends
 * it as "Authorization: Bearer". Every text from the server is set with textContent, never
 * innerHTML: logged questions and feedback comments are typed by anyone. Contract: docs/admin.md.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-base") || "";
  var TOKEN_KEY = "serviceAdvisor.adminToken";
  var OUTCOMES = { fallback: "没听懂", low_confidence: "把握不大", declined: "知识库没有" };
  var ACTIONS = {
    alias: "加别名", question: "加示例问题", topic: "新建主题",
    add_alias: "加别名", add_question: "加示例问题", create_topic: "新建主题"
  };
  var REASONS_EMPTY = "—";
  var T = {
    noToken: "缺少管理员令牌：请从门户的管理入口打开本页。",
    forbidden: "没有管理员权限，或登录已过期：请从门户的管理入口重新打开。",
    failed: "加载失败：",
    network: "连不上服务器，请稍后再试。",
    none: "暂无记录。",
    times: " 次",
    latest: "最近一次：",
    asAlias: "加为别名",
    asQuestion: "加为示例问题",
    newTopic: "新建主题",
    topic: "主题",
    alias: "别名",
    question: "示例问题",
    ok: "确定",
    cancel: "取消",
    saving: "保存中…",
    aliasAdded: "已加为「{topic}」的别名，几秒钟后生效。",
    questionAdded: "已加为「{topic}」的示例问题，几秒钟后生效。",
    topicCreated: "已新建主题「{topic}」，几秒钟后生效。",
    chooseTopic: "请选择主题",
    name: "名称",
    summary: "摘要（概念的定义）",
    category: "分类",
    aliases: "别名（每行一个）",
    questions: "示例问题（每行一个）",
    facets: "方面",
    facetKind: "类型",
    facetTitle: "标题",
    facetItems: "条目（每行一条）",
    addFacet: "添加一个方面",
    removeFacet: "删除这个方面",
    sourceDoc: "出处：文档",
    sourceSection: "出处：章节",
    create: "创建主题",
    colTime: "时间", colUser: "用户", colTopic: "主题", colQuestion: "提问", colAnswer: "给出的回答",
    colReason: "原因", colComment: "补充说明", colUp: "👍", colDown: "👎", colRate: "好评率",
    colContact: "联系人", colContactWay: "联系方式", colActor: "操作人", colAction: "操作",
    colTarget: "对象", colChange: "修改内容",
    unknownTopic: "（未识别主题）",
    admin: "管理员：",
    exported: "已下载 ",
    exportFailed: "导出失败："
  };

  // ---- the token -------------------------------------------------------------------------
  var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  var token = sessionStorage.getItem(TOKEN_KEY) || "";
  window.addEventListener("hashchange", function () {  // a new token pasted into an open page
    if (/(?:^#|&)token=/.test(location.hash)) location.reload();
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(text, className, onClick) {
    var b = el("button", "adm-button" + (className ? " " + className : ""), text);
    b.type = "button";
    if (onClick) b.addEventListener("click", onClick);
    return b;
  }

  function fill(id, nodes) {
    var box = document.getElementById(id);
    box.replaceChildren.apply(box, nodes);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : String(values[k]); });
  }

  var notice = document.getElementById("adm-notice");
  function showNotice(text) { notice.textContent = text; notice.hidden = !text; }
  var toast = document.getElementById("adm-toast");
  var toastTimer = null;
  function showToast(text) {
    toast.textContent = text;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.textContent = ""; }, 4000);
  }

  function when(iso) {
    if (!iso) return "";
    var text = String(iso);
    var date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : text + "Z");  // stored as naive UTC
    if (isNaN(date.getTime())) return text;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + " " +
      pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function whoAmI() {
    try {
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      var json = decodeURIComponent(Array.prototype.map.call(atob(part), function (c) {
        return "%" + ("00" + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(""));
      return JSON.parse(json).sub || "";
    } catch (e) { return ""; }
  }

  // ---- the API ---------------------------------------------------------------------------
  function ApiError(message, status) { this.message = message; this.status = status; }

  function request(path, options) {
    options = options || {};
    var headers = { Authorization: "Bearer " + token };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(base + "/api/" + path, {
      method: options.method || "GET", headers: headers, credentials: "omit", cache: "no-store",
      body: options.body === undefined ? undefined : JSON.stringify(options.body)
    }).catch(function () { throw new ApiError(T.network, 0); }).then(function (res) {
      if (res.status === 403) showNotice(T.forbidden);
      if (res.ok) return res;
      return res.json().catch(function () { return {}; }).then(function (data) {
        throw new ApiError(data.error || (T.failed + res.status), res.status);
      });
    });
  }

  function api(path, options) {
    return request(path, options).then(function (res) { return res.json(); });
  }

  function failure(id) {
    return function (error) { fill(id, [el("p", "adm-error", T.failed + (error.message || error))]); };
  }

  function table(columns, rows) {
    if (!rows.length) return el("p", "adm-empty", T.none);
    var box = el("div", "adm-table-box");
    var t = el("table", "adm-table");
    var head = el("tr");
    columns.forEach(function (c) { var th = el("th", null, c); th.scope = "col"; head.append(th); });
    var thead = el("thead");
    thead.append(head);
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell) {
        var td = el("td");
        if (cell instanceof Node) td.append(cell); else td.textContent = cell === null || cell === undefined ? "" : String(cell);
        tr.append(td);
      });
      body.append(tr);
    });
    t.append(thead, body);
    box.append(t);
    return box;
  }

  // ---- topics (for the pickers) -----------------------------------------------------------
  var topics = [];
  var facetKinds = [];
  function loadTopics() {
    return api("topics").then(function (data) {
      topics = data.topics || [];
      facetKinds = data.facet_kinds || [];
    });
  }
  function topicName(id) {
    var found = topics.filter(function (t) { return t.id === id; })[0];
    return found ? found.name : (id || T.unknownTopic);
  }

  function targetName(id) {
    var name = topicName(id);
    return name && name !== id ? name + "（" + id + "）" : (id || "");
  }

  function topicSelect() {
    var select = el("select");
    select.required = true;
    var placeholder = el("option", null, T.chooseTopic);
    placeholder.value = "";
    select.append(placeholder);
    topics.forEach(function (t) {
      var option = el("option", null, t.name + "（" + t.id + "）");
      option.value = t.id;
      select.append(option);
    });
    return select;
  }

  function labelled(text, control) {
    var label = el("label");
    label.append(el("span", null, text), control);
    return label;
  }

  function lines(value) {
    return String(value || "").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  // The status line and the submit/取消 row of an edit form. submit(path, body, message, reload)
  // POSTs body, then shows message() (or the error) in the status line and calls reload().
  function formFooter(okText, holder) {
    var status = el("p", "adm-status");
    status.setAttribute("role", "status");
    var actions = el("div", "adm-actions");
    var ok = el("button", "adm-button adm-primary", okText);
    ok.type = "submit";
    actions.append(ok, button(T.cancel, null, function () { holder.replaceChildren(); }));
    function submit(path, body, message, reload) {
      status.className = "adm-status";
      status.textContent = T.saving;
      ok.disabled = true;
      api(path, { method: "POST", body: body }).then(function () {
        status.className = "adm-status adm-ok";
        status.textContent = message();
        reload();
      }).catch(function (error) {
        status.className = "adm-status adm-error";
        status.textContent = error.message;
      }).then(function () { ok.disabled = false; });
    }
    return { status: status, actions: actions, submit: submit };
  }

  // ---- 未解决的问题 ------------------------------------------------------------------------
  var formCounter = 0;

  function editForm(kind, example, holder) {
    var form = el("form", "adm-form");
    form.setAttribute("data-kind", kind);
    var select = topicSelect();
    var text = el("input");
    text.type = "text";
    text.value = example.question;
    text.required = true;
    text.maxLength = 200;
    var footer = formFooter(T.ok, holder);
    form.append(labelled(T.topic, select), labelled(kind === "alias" ? T.alias : T.question, text),
                footer.actions, footer.status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { topic_id: select.value, log_id: example.id };
      body[kind] = text.value;
      footer.submit(kind, body, function () {
        return format(kind === "alias" ? T.aliasAdded : T.questionAdded, { topic: topicName(select.value) });
      }, loadAudit);
    });
    return form;
  }

  function facetBlock() {
    var block = el("fieldset", "adm-facet");
    block.append(el("legend", null, T.facets));
    var kind = el("select");
    facetKinds.forEach(function (k) {
      var option = el("option", null, k.name + "（" + k.kind + "）");
      option.value = k.kind;
      kind.append(option);
    });
    var title = el("input");
    title.type = "text";
    var items = el("textarea");
    kind.className = "adm-facet-kind";
    title.className = "adm-facet-title";
    items.className = "adm-facet-items";
    var row = el("div", "adm-row");
    row.append(labelled(T.facetKind, kind), labelled(T.facetTitle, title));
    block.append(row, labelled(T.facetItems, items),
                 button(T.removeFacet, null, function () { block.remove(); }));
    return block;
  }

  function topicForm(example, holder) {
    var form = el("form", "adm-form");
    form.setAttribute("data-kind", "topic");
    function input(value) {
      var node = el("input");
      node.type = "text";
      node.value = value || "";
      return node;
    }
    var name = input();
    name.required = true;
    var summary = el("textarea");
    var category = input();
    var aliases = el("textarea");
    var questions = el("textarea");
    questions.value = example.question;
    var facets = el("div", "adm-facets");
    var doc = input();
    var section = input();
    var footer = formFooter(T.create, holder);
    var sources = el("div", "adm-row");
    sources.append(labelled(T.sourceDoc, doc), labelled(T.sourceSection, section));
    form.append(labelled(T.name, name), labelled(T.summary, summary), labelled(T.category, category),
                labelled(T.aliases, aliases), labelled(T.questions, questions), facets,
                button(T.addFacet, null, function () { facets.append(facetBlock()); }),
                sources, footer.actions, footer.status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {
        kind: "concept", name: name.value.trim(), summary: summary.value.trim(),
        category: category.value.trim(), aliases: lines(aliases.value), questions: lines(questions.value),
        facets: Array.prototype.map.call(facets.querySelectorAll(".adm-facet"), function (block) {
          return {
            kind: block.querySelector(".adm-facet-kind").value,
            title: block.querySelector(".adm-facet-title").value.trim(),
            items: lines(block.querySelector(".adm-facet-items").value)
          };
        }),
        log_id: example.id
      };
      if (doc.value.trim() || section.value.trim()) body.source = { doc: doc.value.trim(), section: section.value.trim() };
      footer.submit("topic", body, function () { return format(T.topicCreated, { topic: body.name }); },
                    function () { loadTopics(); loadAudit(); });
    });
    return form;
  }

  function exampleNode(example) {
    var item = el("div", "adm-example");
    item.setAttribute("data-log-id", String(example.id));
    var qid = "adm-q-" + (++formCounter);
    var q = el("div", "adm-question", example.question);
    q.id = qid;
    var meta = el("div", "adm-meta", [when(example.created_at), OUTCOMES[example.outcome] || example.outcome,
                                      example.user_id].filter(Boolean).join(" · "));
    var holder = el("div", "adm-form-holder");
    function open(make) {
      return function () {
        holder.replaceChildren(make());
        var first = holder.querySelector("select, input, textarea");
        if (first) first.focus();
      };
    }
    var actions = el("div", "adm-actions");
    [[T.asAlias, "adm-as-alias", function () { return editForm("alias", example, holder); }],
     [T.asQuestion, "adm-as-question", function () { return editForm("question", example, holder); }],
     [T.newTopic, "adm-new-topic", function () { return topicForm(example, holder); }]].forEach(function (spec) {
      var b = button(spec[0], spec[1], open(spec[2]));
      b.setAttribute("aria-describedby", qid);
      actions.append(b);
    });
    item.append(q, meta, actions, holder);
    return item;
  }

  function loadUnanswered() {
    return api("unanswered").then(function (data) {
      var groups = data.groups || [];
      if (!groups.length) return fill("unanswered-list", [el("p", "adm-empty", T.none)]);
      fill("unanswered-list", groups.map(function (group) {
        var box = el("article", "adm-group");
        var head = el("div", "adm-group-head");
        head.append(el("span", "adm-key", group.key), el("span", "adm-count", group.count + T.times),
                    el("span", "adm-meta", T.latest + when(group.latest)));
        box.append(head);
        (group.examples || []).forEach(function (example) { box.append(exampleNode(example)); });
        return box;
      }));
    }).catch(failure("unanswered-list"));
  }

  // ---- 回答评价 -----------------------------------------------------------------------------
  function loadFeedback() {
    return api("feedback").then(function (data) {
      fill("feedback-topics", [table([T.colTopic, T.colUp, T.colDown, T.colRate], (data.topics || []).map(function (row) {
        var rate = typeof row.rate === "number" ? Math.round(row.rate * 100) + "%" : "";
        return [row.name || row.topic_id || T.unknownTopic, row.up, row.down, rate];
      }))]);
      fill("feedback-negative", [table(
        [T.colTime, T.colUser, T.colTopic, T.colQuestion, T.colAnswer, T.colReason, T.colComment],
        (data.negative || []).map(function (row) {
          return [when(row.created_at), row.user_id, row.topic_name || row.topic_id || T.unknownTopic,
                  row.question, row.answer, row.reason || REASONS_EMPTY, row.comment || ""];
        }))]);
    }).catch(failure("feedback-topics"));
  }

  // ---- 转人工请求 ---------------------------------------------------------------------------
  function loadHandoffs() {
    return api("handoffs").then(function (data) {
      fill("handoffs-list", [table([T.colTime, T.colUser, T.colTopic, T.colQuestion, T.colContact, T.colContactWay],
        (data.handoffs || []).map(function (row) {
          return [when(row.created_at), row.user_id, row.topic_id ? topicName(row.topic_id) : T.unknownTopic,
                  row.question, row.name || row.owner || "", row.contact || ""];
        }))]);
    }).catch(failure("handoffs-list"));
  }

  // ---- 修改记录 -----------------------------------------------------------------------------
  // What an edit changed: added / removed list items and changed values; the whole "after"
  // for something new. Full before/after states are in audit.csv.
  function changes(before, after) {
    if (!after || typeof after !== "object") return "";
    if (!before || typeof before !== "object") return el("pre", null, JSON.stringify(after, null, 2));
    var out = [];
    Object.keys(after).forEach(function (key) {
      var a = after[key], b = before[key];
      if (Array.isArray(a) && Array.isArray(b)) {
        a.filter(function (x) { return b.indexOf(x) < 0; }).forEach(function (x) { out.push(key + " + " + x); });
        b.filter(function (x) { return a.indexOf(x) < 0; }).forEach(function (x) { out.push(key + " − " + x); });
      } else if (JSON.stringify(a) !== JSON.stringify(b)) {
        out.push(key + ": " + JSON.stringify(b) + " → " + JSON.stringify(a));
      }
    });
    return el("pre", null, out.join("\n"));
  }

  function loadAudit() {
    return api("audit").then(function (data) {
      fill("audit-list", [table([T.colTime, T.colActor, T.colAction, T.colTarget, T.colChange],
        (data.audit || []).map(function (row) {
          return [when(row.created_at), row.actor, ACTIONS[row.action] || row.action,
                  targetName(row.target), changes(row.before, row.after)];
        }))]);
    }).catch(failure("audit-list"));
  }

  // ---- CSV --------------------------------------------------------------------------------
  function download(file) {
    request("export/" + file).then(function (res) { return res.blob(); }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = el("a");
      a.href = url;
      a.download = file;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      showToast(T.exported + file);
    }).catch(function (error) { showToast(T.exportFailed + error.message); });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".adm-export"), function (b) {
    b.addEventListener("click", function () { download(b.getAttribute("data-file")); });
  });

  // ---- start ------------------------------------------------------------------------------
  function loadAll() {
    showNotice("");
    document.body.removeAttribute("data-loaded");
    return loadTopics().catch(function () {}).then(function () {
      return Promise.all([loadUnanswered(), loadFeedback(), loadHandoffs(), loadAudit()]);
    }).then(function () { document.body.setAttribute("data-loaded", "1"); });
  }
  document.getElementById("adm-refresh").addEventListener("click", loadAll);

  if (!token) {
    showNotice(T.noToken);
    return;
  }
  var who = whoAmI();
  if (who) document.getElementById("adm-user").textContent = T.admin + who;
  loadAll();
})();
