// matcher report: sorting, the language switch and the evidence box. No network, no libraries.
(function () {
  "use strict";
  var root = document.documentElement;
  var words = {
    en: { candidate: "Candidate", criterion: "Criterion", kind: "Kind", weight: "Weight",
      required: "required", method: "How found", term: "Term", line: "Evidence", page: "Page",
      section: "Section", context: "Where", credit: "Credit", points: "Points", nothing: "no evidence found" },
    zh: { candidate: "候选人", criterion: "条件", kind: "类型", weight: "权重", required: "必需",
      method: "匹配方式", term: "词语", line: "依据", page: "页码", section: "栏目", context: "位置",
      credit: "得分率", points: "得分", nothing: "未找到依据" }
  };
  document.getElementById("lang").addEventListener("click", function () {
    var next = root.getAttribute("data-lang") === "zh" ? "en" : "zh";
    root.setAttribute("data-lang", next);
    root.setAttribute("lang", next);
  });

  function value(row, i, type) {
    var cell = row.cells[i];
    if (!cell) { return type === "num" ? -Infinity : ""; }
    var v = cell.getAttribute("data-v");
    if (type === "num") { return v === null ? -Infinity : parseFloat(v); }
    return (v === null ? cell.textContent : v).toLowerCase();
  }
  document.querySelectorAll("table.matrix").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      if (!th.classList.contains("sort")) { return; }
      th.addEventListener("click", function () {
        var type = th.getAttribute("data-type");
        var down = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          // Files that could not be read stay below the candidates, whatever the order.
          var fa = a.classList.contains("failure"), fb = b.classList.contains("failure");
          if (fa !== fb) { return fa ? 1 : -1; }
          var x = value(a, i, type), y = value(b, i, type);
          var c = x < y ? -1 : x > y ? 1 : 0;
          return down ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  var box = document.getElementById("evidence");
  function show(cell) {
    var section = cell.closest("section.job");
    var data = JSON.parse(section.querySelector("script.evidence").textContent);
    var e = data[parseInt(cell.getAttribute("data-e"), 10)];
    var w = words[root.getAttribute("data-lang")] || words.en;
    var body = box.querySelector(".body");
    body.textContent = "";
    var h = document.createElement("h3");
    h.textContent = e[1] + (e[4] ? " ★ " + w.required : "");
    body.appendChild(h);
    var quote = document.createElement("blockquote");
    quote.textContent = e[7] || w.nothing;
    body.appendChild(quote);
    var dl = document.createElement("dl");
    [[w.candidate, e[0]], [w.kind, e[2]], [w.weight, e[3]], [w.method, e[5]], [w.term, e[6]],
     [w.page, e[8] || ""], [w.section, e[9]], [w.context, e[10]], [w.credit, e[11]], [w.points, e[12]]]
      .forEach(function (pair) {
        if (pair[1] === "" || pair[1] === null) { return; }
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = pair[0];
        dd.textContent = String(pair[1]);
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
    body.appendChild(dl);
    if (typeof box.showModal === "function") { box.showModal(); } else { box.setAttribute("open", ""); }
  }
  document.addEventListener("click", function (ev) {
    var cell = ev.target.closest ? ev.target.closest("td.c[data-e]") : null;
    if (cell) { show(cell); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && document.activeElement && document.activeElement.matches("td.c[data-e]")) {
      show(document.activeElement);
    }
  });
})();
