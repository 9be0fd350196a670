/* qapidoc client-side search. searchindex.js calls Search.setIndex(); the search page reads its
   query from ?q= and lists matching pages and sections. Results are built with DOM methods
   (textContent), never innerHTML, so indexed text cannot inject markup. */
var Search = (function () {
  "use strict";
  var index = null;

  function words(text) {
    var out = [];
    var re = /[\p{L}\p{N}_][\p{L}\p{N}_-]*[\p{L}\p{N}_]|[\p{L}\p{N}_]/gu;
    var m;
    var lower = text.toLowerCase();
    while ((m = re.exec(lower)) !== null) {
      if (m[0].length >= 2) { out.push(m[0]); }
    }
    return out;
  }

  /* documents containing a term that starts with word, with a score */
  function lookup(word) {
    var hits = {};
    var keys = Object.keys(index.terms);
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (k.lastIndexOf(word, 0) === 0) {
        var exact = k === word ? 2 : 1;
        index.terms[k].forEach(function (d) { hits[d] = Math.max(hits[d] || 0, exact); });
      }
    }
    var tkeys = Object.keys(index.titleterms);
    for (var j = 0; j < tkeys.length; j++) {
      if (tkeys[j].lastIndexOf(word, 0) === 0) {
        index.titleterms[tkeys[j]].forEach(function (d) { hits[d] = (hits[d] || 0) + 10; });
      }
    }
    return hits;
  }

  function query(q) {
    var qs = words(q);
    if (!index || qs.length === 0) { return []; }
    var scores = null;
    qs.forEach(function (w) {
      var hits = lookup(w);
      if (scores === null) {
        scores = hits;
      } else {
        var merged = {};
        Object.keys(scores).forEach(function (d) {
          if (hits[d] !== undefined) { merged[d] = scores[d] + hits[d]; }
        });
        scores = merged;
      }
    });
    var results = Object.keys(scores).map(function (d) {
      var doc = parseInt(d, 10);
      var anchor = "";
      var best = "";
      index.sections.forEach(function (s) {
        if (s[0] !== doc || anchor) { return; }
        var title = s[2].toLowerCase();
        if (qs.every(function (w) { return title.indexOf(w) >= 0; })) { anchor = s[1]; best = s[2]; }
      });
      return { doc: doc, score: scores[d] + (anchor ? 5 : 0), anchor: anchor, section: best };
    });
    results.sort(function (a, b) {
      return b.score - a.score || index.titles[a.doc].localeCompare(index.titles[b.doc]);
    });
    return results;
  }

  /* QAPI objects whose name or full name contains every query word; exact names first */
  function objects(q) {
    var qs = words(q);
    var whole = q.trim().toLowerCase();
    if (!index || !index.objects || qs.length === 0) { return []; }
    var out = [];
    index.objects.forEach(function (o) {
      var name = o[0].toLowerCase();
      var fqn = o[1].toLowerCase();
      if (!qs.every(function (w) { return fqn.indexOf(w) >= 0; })) { return; }
      var rank = name === whole ? 0 : (name.lastIndexOf(whole, 0) === 0 ? 1 : 2);
      out.push({ rank: rank, obj: o });
    });
    out.sort(function (a, b) {
      return a.rank - b.rank || a.obj[0].localeCompare(b.obj[0]) || a.obj[1].localeCompare(b.obj[1]);
    });
    return out.map(function (r) { return r.obj; });
  }

  function show() {
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    var input = document.getElementById("search-input");
    if (input) { input.value = q; }
    var list = document.getElementById("search-results");
    var summary = document.getElementById("search-summary");
    if (!list || !summary || !q) { return; }
    var results = query(q);
    var objs = objects(q);
    summary.textContent = results.length === 0 && objs.length === 0
      ? "Your search did not match any documents."
      : "Search finished, found " + (objs.length ? objs.length + " QAPI object(s) and " : "")
        + results.length + " page(s) matching the search query.";
    objs.forEach(function (o) {
      var li = document.createElement("li");
      li.className = "qapi-object";
      var a = document.createElement("a");
      a.href = index.docnames[o[3]] + ".html#" + o[4];
      var code = document.createElement("code");
      code.textContent = o[0];
      a.appendChild(code);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + o[2] + ", " + o[1] + ")"));
      list.appendChild(li);
    });
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = index.docnames[r.doc] + ".html" + (r.anchor ? "#" + r.anchor : "");
      a.textContent = index.titles[r.doc] + (r.section && r.section !== index.titles[r.doc] ? " \u00bb " + r.section : "");
      li.appendChild(a);
      var p = document.createElement("p");
      p.className = "context";
      p.textContent = index.summaries[r.doc];
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  return {
    setIndex: function (i) {
      index = i;
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", show);
      } else {
        show();
      }
    },
    query: query,
    objects: objects
  };
})();
