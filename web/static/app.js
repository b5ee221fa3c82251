// jixiao editor: the live check and the indicator row buttons. The pages
// work without this file; it only saves the user a save to see the score.
(function () {
  "use strict";

  function focusField(id) {
    var el = document.getElementById(id);
    if (!el || !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return false;
    el.scrollIntoView({ block: "center" });
    if (el.focus) el.focus();
    return true;
  }

  // A finding or trace link focuses the field it names.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-focus]") : null;
    if (a && focusField(a.getAttribute("data-focus"))) {
      e.preventDefault();
      history.replaceState(null, "", "#" + a.getAttribute("data-focus"));
    }
  });

  var form = document.getElementById("editor");
  var panel = document.getElementById("panel");
  if (!form || !panel || !form.getAttribute("data-check")) return;
  var url = form.getAttribute("data-check");
  var timer = null, seq = 0, shown = 0;

  // check posts the form as it stands and swaps the side panel; an answer
  // older than one already shown is dropped.
  function check() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(url, { method: "POST", body: body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        if (mine < shown) return;
        shown = mine;
        panel.innerHTML = html;
        panel.setAttribute("data-seq", String(mine));
      })
      .catch(function () { panel.setAttribute("data-stale", "1"); });
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);

  // 上移/下移 swap a row with its neighbour and renumber every row's 次序,
  // which is what the server orders the rows by.
  function rows() { return document.getElementById("indicators"); }
  function renumber() {
    rows().querySelectorAll("fieldset.ind").forEach(function (f, k) {
      var o = f.querySelector("input.order");
      if (o) o.value = String(k + 1);
    });
  }
  // enhance shows the buttons that need this script; it runs again when a
  // row button has replaced the form's content.
  function enhance() {
    form.querySelectorAll("button.move, #add-row").forEach(function (b) { b.hidden = false; });
  }
  enhance();
  form.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button.move") : null;
    if (!b) return;
    var f = b.closest("fieldset.ind"), list = rows();
    var other = b.getAttribute("data-move") === "-1" ? f.previousElementSibling : f.nextElementSibling;
    if (!other) return;
    if (b.getAttribute("data-move") === "-1") list.insertBefore(f, other);
    else list.insertBefore(other, f);
    renumber();
    b.focus();
    schedule();
  });

  // 添加一行: a copy of the blank last row, numbered after the others.
  form.addEventListener("click", function (e) {
    if (!e.target.closest || !e.target.closest("#add-row")) return;
    var list = rows();
    var all = list.querySelectorAll("fieldset.ind");
    var last = all[all.length - 1];
    var next = 0;
    all.forEach(function (f) { next = Math.max(next, Number(f.getAttribute("data-index")) + 1); });
    var from = last.getAttribute("data-index");
    var copy = last.cloneNode(true);
    copy.setAttribute("data-index", String(next));
    copy.id = "ind-" + next;
    copy.classList.remove("has-comment");
    copy.querySelectorAll(".comment").forEach(function (c) { c.remove(); });
    copy.querySelector("legend").textContent = "第 " + (next + 1) + " 行（新增）";
    var re = new RegExp("([.-])" + from + "([.-])");
    copy.querySelectorAll("input, select, textarea, label").forEach(function (el) {
      ["name", "id", "for"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(re, "$1" + next + "$2"));
      });
      if (el.tagName === "INPUT" && el.type === "checkbox") el.checked = false;
      else if (el.tagName === "SELECT") el.selectedIndex = 0;
      else if (el.tagName !== "LABEL") el.value = "";
    });
    copy.querySelectorAll("button.move").forEach(function (m) { m.hidden = false; });
    list.appendChild(copy);
    renumber();
    var first = copy.querySelector("input");
    if (first) first.focus();
  });

  // A row button (插入, 删除 of a breakdown, a list of the report's data or
  // a paragraph) asks the server for the form with the row added or
  // removed, as without this script, but swaps the form's content in place
  // of loading the page: the scroll position and the panel stay, and the
  // new row's first field takes the focus.
  var status = document.createElement("p");
  status.className = "sr";
  status.setAttribute("role", "status");
  form.parentNode.insertBefore(status, form);
  form.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest('button[name="op"]') : null;
    if (!b || b.form !== form) return;
    e.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    body.set("op", b.value);
    var near = b.closest(".listrow, .textblock, tr, fieldset, section");
    var nearID = near && near.closest("section") ? near.closest("section").id : "";
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("editor");
        if (!fresh) return Promise.reject("no form");
        form.innerHTML = fresh.innerHTML;
        var p = doc.getElementById("panel");
        if (p) panel.innerHTML = p.innerHTML;
        var flash = doc.querySelector(".flash");
        status.textContent = flash ? flash.textContent : "";
        enhance();
        var target = form.querySelector("[autofocus]") || (nearID && document.getElementById(nearID));
        if (target) {
          target.scrollIntoView({ block: "center" });
          if (target.focus) target.focus();
        }
        form.setAttribute("data-rows", String(Number(form.getAttribute("data-rows") || "0") + 1));
      })
      .catch(function () {
        // anything unexpected: let the button post the form as without JS
        var h = document.createElement("input");
        h.type = "hidden"; h.name = "op"; h.value = b.value;
        form.appendChild(h);
        form.submit();
      });
  });
})();
