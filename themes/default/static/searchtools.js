/* qapidoc client-side search. searchindex.js calls Search.setIndex(); the search page reads its
   query from ?q= and lists the places (sections and object descriptions) that match, best
   first: an object named exactly so, then objects whose name holds the words, then objects with
   a member, enum value or feature of that name, then sections titled so, then prose. Each
   result links to its place with ?highlight= (the opened page marks the words) and shows the
   text around the match. Results are built with DOM methods (textContent), never innerHTML, so
   indexed text cannot inject markup; links are percent-encoded, so a document or anchor name
   cannot become a javascript: URL. */
var Search = (function () {
  "use strict";
  var index = null;
  var MAX = 300;
  var STOP = {};
  ("a and are as at be but by for if in into is it near no not of on or such that the their " +
   "then there these they this to was will with").split(" ").forEach(function (w) { STOP[w] = true; });
  var NAMES = [["members", "member"], ["values", "value"], ["features", "feature"]];

  function words(text) {
    var out = [];
    var re = /[\p{L}\p{N}_][\p{L}\p{N}_-]*[\p{L}\p{N}_]|[\p{L}\p{N}_]/gu;
    var m;
    var lower = text.toLowerCase();
    while ((m = re.exec(lower)) !== null) {
      if (m[0].length >= 2 && out.indexOf(m[0]) < 0) { out.push(m[0]); }
    }
    return out;
  }

  /* a postings list: ascending place numbers written as gaps */
  function places(gaps) {
    var out = [];
    var cur = 0;
    for (var i = 0; i < gaps.length; i++) { cur += gaps[i]; out.push(cur); }
    return out;
  }

  /* place -> 2 (a term equal to word) or 1 (a term starting with it) */
  function termHits(word) {
    var hits = {};
    var map = index.terms;
    if (Object.prototype.hasOwnProperty.call(map, word)) {
      places(map[word]).forEach(function (u) { hits[u] = 2; });
    }
    Object.keys(map).forEach(function (k) {
      if (k !== word && k.lastIndexOf(word, 0) === 0) {
        places(map[k]).forEach(function (u) { if (!hits[u]) { hits[u] = 1; } });
      }
    });
    return hits;
  }

  /* a place's text; one repeating an earlier place's is stored as that place's number */
  function textOf(u) {
    var t = index.texts[u];
    return typeof t === "number" ? index.texts[t] : (t || "");
  }

  function unitName(u) { return (u[2] || "").toLowerCase(); }
  function unitFqn(u) { return (u[4] || "").toLowerCase(); }
  function isObject(u) { return u.length > 3 && u[3] !== ""; }

  /* every result: {u: place number, tier, score, name: [kind, name] when a member matched} */
  function query(q) {
    if (!index) { return []; }
    var whole = q.trim().toLowerCase();
    var qs = words(q);
    if (qs.length === 0) { return []; }
    var best = {};
    function offer(u, tier, score, name) {
      var cur = best[u];
      if (!cur || tier < cur.tier || (tier === cur.tier && score > cur.score)) {
        best[u] = { u: u, tier: tier, score: score, name: name || (cur && cur.name) || null };
      }
    }
    index.units.forEach(function (unit, u) {
      var name = unitName(unit);
      if (isObject(unit)) {
        var fqn = unitFqn(unit);
        var bare = fqn.indexOf(":") >= 0 ? fqn.slice(fqn.indexOf(":") + 1) : fqn;
        if (name === whole || fqn === whole || bare === whole) {
          offer(u, 0, 0);
        } else if (qs.every(function (w) { return name.indexOf(w) >= 0 || fqn.indexOf(w) >= 0; })) {
          offer(u, 1, name.lastIndexOf(whole, 0) === 0 ? 1 : 0);
        }
      } else if (name === whole) {
        offer(u, 0, 0);
      } else if (name && qs.every(function (w) { return name.indexOf(w) >= 0; })) {
        offer(u, 3, 0);
      }
    });
    // a member, value or feature named as the whole query ranks its object; one named as one of
    // several words only adds to the prose score of a place that has all of them
    var named = {};
    NAMES.forEach(function (kind) {
      var map = index[kind[0]] || {};
      if (Object.prototype.hasOwnProperty.call(map, whole)) {
        places(map[whole]).forEach(function (u) { offer(u, 2, 0, [kind[1], whole]); });
      }
      qs.forEach(function (w) {
        if (w !== whole && Object.prototype.hasOwnProperty.call(map, w)) {
          places(map[w]).forEach(function (u) { named[u] = (named[u] || 0) + 3; });
        }
      });
    });
    var required = qs.filter(function (w) { return !STOP[w]; });
    if (required.length > 0) {
      var scores = null;
      required.forEach(function (w) {
        var hits = termHits(w);
        if (scores === null) {
          scores = hits;
        } else {
          var merged = {};
          Object.keys(scores).forEach(function (u) {
            if (hits[u] !== undefined) { merged[u] = scores[u] + hits[u]; }
          });
          scores = merged;
        }
      });
      Object.keys(scores).forEach(function (u) { offer(parseInt(u, 10), 4, scores[u] + (named[u] || 0)); });
    }
    var results = Object.keys(best).map(function (k) { return best[k]; });
    results.sort(function (a, b) {
      if (a.tier !== b.tier) { return a.tier - b.tier; }
      if (a.score !== b.score) { return b.score - a.score; }
      if (a.tier <= 2) {
        var na = index.units[a.u][2], nb = index.units[b.u][2];
        if (a.tier === 1 && na.length !== nb.length) { return na.length - nb.length; }
        var c = na.localeCompare(nb);
        if (c !== 0) { return c; }
      }
      return a.u - b.u;
    });
    return results;
  }

  /* the document's file name, each path segment percent-encoded */
  function pageHref(doc) {
    return index.docnames[doc].split("/").map(encodeURIComponent).join("/") + ".html";
  }

  function href(unit, qs) {
    var h = pageHref(unit[0]);
    if (qs.length) { h += "?highlight=" + encodeURIComponent(qs.join(" ")); }
    if (unit[1]) { h += "#" + encodeURIComponent(unit[1]); }
    return h;
  }

  /* where in text the first query word starts a word (-1: none) */
  function firstMatch(lower, qs) {
    var best = -1;
    qs.forEach(function (w) {
      var from = 0;
      while (from <= lower.length) {
        var i = lower.indexOf(w, from);
        if (i < 0) { break; }
        if (i === 0 || !/[\p{L}\p{N}_]/u.test(lower.charAt(i - 1))) {
          if (best < 0 || i < best) { best = i; }
          break;
        }
        from = i + 1;
      }
    });
    return best;
  }

  /* the text around the first match (or the start), the query words marked */
  function excerpt(text, qs) {
    var lower = text.toLowerCase();
    var at = firstMatch(lower, qs);
    var start = at < 0 ? 0 : Math.max(0, at - 70);
    if (start > 0) {
      var sp = text.indexOf(" ", start);
      if (sp >= 0 && sp < at) { start = sp + 1; }
    }
    var end = Math.min(text.length, start + 240);
    if (end < text.length) {
      var sp2 = text.lastIndexOf(" ", end);
      if (sp2 > (at < 0 ? start : at)) { end = sp2; }
    }
    var p = document.createElement("p");
    p.className = "context";
    if (start > 0) { p.appendChild(document.createTextNode("\u2026")); }
    var part = text.slice(start, end);
    var partLower = part.toLowerCase();
    var pos = 0;
    while (pos < part.length) {
      var next = -1, len = 0;
      qs.forEach(function (w) {
        var i = partLower.indexOf(w, pos);
        while (i > 0 && /[\p{L}\p{N}_]/u.test(partLower.charAt(i - 1))) { i = partLower.indexOf(w, i + 1); }
        if (i >= 0 && (next < 0 || i < next || (i === next && w.length > len))) { next = i; len = w.length; }
      });
      if (next < 0) { break; }
      p.appendChild(document.createTextNode(part.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = part.slice(next, next + len);
      p.appendChild(mark);
      pos = next + len;
    }
    p.appendChild(document.createTextNode(part.slice(pos)));
    if (end < text.length) { p.appendChild(document.createTextNode("\u2026")); }
    return p;
  }

  function render(list, r, qs) {
    var unit = index.units[r.u];
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = href(unit, qs);
    if (isObject(unit)) {
      li.className = "qapi-object";
      var code = document.createElement("code");
      code.textContent = unit[2];
      a.appendChild(code);
      li.appendChild(a);
      var what = " (" + unit[3] + (unit[4] ? ", " + unit[4] : "") + ")";
      if (r.name) { what += " \u2014 " + r.name[0] + " "; }
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = what;
      li.appendChild(kind);
      if (r.name) {
        // the index keeps names lower-cased; the text has them as written
        var t = textOf(r.u);
        var at = t.toLowerCase().indexOf(r.name[1]);
        var n = document.createElement("code");
        n.textContent = at >= 0 ? t.slice(at, at + r.name[1].length) : r.name[1];
        kind.appendChild(n);
      }
    } else {
      var title = index.titles[unit[0]];
      a.textContent = unit[2] && unit[2] !== title ? title + " \u00bb " + unit[2] : title;
      li.appendChild(a);
    }
    var text = textOf(r.u);
    if (text) { li.appendChild(excerpt(text, qs)); }
    list.appendChild(li);
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
    var qs = words(q);
    summary.textContent = results.length === 0
      ? "Your search did not match any documents."
      : "Search finished, found " + results.length + " place(s) matching the search query"
        + (results.length > MAX ? "; the first " + MAX + " are listed." : ".");
    results.slice(0, MAX).forEach(function (r) { render(list, r, qs); });
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
