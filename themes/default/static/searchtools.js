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

  function show() {
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    var input = document.getElementById("search-input");
    if (input) { input.value = q; }
    var list = document.getElementById("search-results");
    var summary = document.getElementById("search-summary");
    if (!list || !summary || !q) { return; }
    var results = query(q);
    summary.textContent = results.length === 0
      ? "Your search did not match any documents."
      : "Search finished, found " + results.length + " page(s) matching the search query.";
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
    query: query
  };
})();
