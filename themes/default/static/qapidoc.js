/* qapidoc default theme: light/dark switch, the small-screen navigation overlay, the bar height
   that anchors land below, "where am I" marks in the sidebar and "On this page" that follow
   scrolling, and the search terms highlighted on a page opened from a search result.
   No network access; everything works from file://. */
(function () {
  "use strict";
  var KEY = "qapidoc-theme";
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(v) {
    try { window.localStorage.setItem(KEY, v); } catch (e) { /* storage may be disabled */ }
  }
  var initial = stored();
  if (initial === "light" || initial === "dark") {
    document.documentElement.setAttribute("data-theme", initial);
  }

  /* The CSS scrolls anchors below the bar by --topbar-h; keep it equal to the bar's real height
     (zoom or a larger default font change it), so a target is never hidden under the bar. */
  function trackBar(bar) {
    var last = -1;
    function update() {
      var h = Math.ceil(bar.getBoundingClientRect().height);
      if (h > 0 && h !== last) {
        last = h;
        document.documentElement.style.setProperty("--topbar-h", h + "px");
      }
    }
    update();
    if (window.ResizeObserver) {
      new ResizeObserver(update).observe(bar);
    }
    window.addEventListener("resize", update);
    return function () { return last > 0 ? last : 48; };
  }

  function setupTheme() {
    var toggle = document.querySelector(".theme-toggle");
    if (!toggle) { return; }
    toggle.addEventListener("click", function () {
      var cur = document.documentElement.getAttribute("data-theme");
      if (!cur) {
        cur = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
      }
      var next = cur === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      store(next);
    });
  }

  /* The menu button: on small screens the sidebar is a fixed overlay (CSS), so it opens where the
     reader is; it shows the entry being read, and closes on a link, on Escape or outside it. */
  function setupMenu() {
    var nav = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!nav || !sidebar) { return; }
    function set(open) {
      sidebar.classList.toggle("open", open);
      nav.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        var here = sidebar.querySelector("a.here") || sidebar.querySelector("a.current");
        if (here) { scrollWithin(sidebar, here); }
      }
    }
    nav.addEventListener("click", function (ev) {
      ev.stopPropagation();
      set(!sidebar.classList.contains("open"));
    });
    sidebar.addEventListener("click", function (ev) {
      if (ev.target.closest && ev.target.closest("a")) { set(false); }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && sidebar.classList.contains("open")) { set(false); nav.focus(); }
    });
    document.addEventListener("click", function (ev) {
      if (sidebar.classList.contains("open") && !sidebar.contains(ev.target)) { set(false); }
    });
  }

  /* Scrolls a column (sidebar, "On this page") so that el is visible, without moving the page. */
  function scrollWithin(box, el) {
    var b = box.getBoundingClientRect();
    var r = el.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) {
      box.scrollTop += r.top - b.top - b.height / 3;
    }
  }

  /* The part of a link after "#" when the link points into this page, else null. */
  function samePageId(a) {
    var href = a.getAttribute("href");
    if (!href) { return null; }
    if (href.charAt(0) === "#") { return decodeURIComponent(href.slice(1)); }
    var u;
    try { u = new URL(a.href); } catch (e) { return null; }
    var here = window.location;
    if (u.protocol !== here.protocol || u.host !== here.host || u.pathname !== here.pathname) { return null; }
    return u.hash ? decodeURIComponent(u.hash.slice(1)) : "";
  }

  /* Entries of the sidebar that only repeat this page's own sections: hidden by the CSS when
     "On this page" is shown beside them. */
  function markSamePage(sidebar) {
    sidebar.querySelectorAll("li.current > ul > li").forEach(function (li) {
      var links = li.querySelectorAll("a[href]");
      for (var i = 0; i < links.length; i++) {
        var id = samePageId(links[i]);
        if (id === null || id === "") { return; }
      }
      li.classList.add("same-page");
    });
  }

  /* "Where am I": the last section or object whose top has passed under the bar. Lists that
     link into this page (sidebar, On this page) mark the entry for it; the sidebar, which lists
     sections only, shows the object being read under its section, as Sphinx's expands to it. */
  function setupScrollSpy(barHeight) {
    var sidebar = document.getElementById("sidebar");
    var local = document.querySelector(".localtoc");
    var lists = [];
    var byId = {};
    [local, sidebar].forEach(function (box) {
      if (!box) { return; }
      var entries = [];
      box.querySelectorAll("a[href]").forEach(function (a) {
        var id = samePageId(a);
        if (id) {
          entries.push({ a: a, id: id });
          var el = document.getElementById(id);
          if (el) { byId[id] = el; }
        }
      });
      lists.push({ box: box, entries: entries });
    });
    var ids = Object.keys(byId);
    if (ids.length === 0) { return; }
    var targets = ids.map(function (id) { return byId[id]; });
    // document order, so the current one is found by bisection on the targets' tops
    targets.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    var current = null;
    var added = null;
    function update() {
      var line = barHeight() + 24;
      var lo = 0, hi = targets.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (targets[mid].getBoundingClientRect().top <= line) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      var t = found >= 0 ? targets[found] : null;
      if (t === current) { return; }
      current = t;
      mark(t ? t.id : null);
    }
    function mark(id) {
      if (added && added.parentNode) { added.parentNode.removeChild(added); }
      added = null;
      lists.forEach(function (l) {
        var best = null;
        l.entries.forEach(function (e) {
          var on = id !== null && e.id === id;
          e.a.classList.toggle("here", on);
          if (on && !best) { best = e.a; }
        });
        if (!best && id !== null && l.box === sidebar) {
          best = expandTo(l, id);
        }
        if (best && l.box.scrollHeight > l.box.clientHeight && getComputedStyle(l.box).display !== "none") {
          scrollWithin(l.box, best);
        }
      });
    }
    /* the sidebar has no entry for an object: show it under the entry of the section holding it */
    function expandTo(l, id) {
      var el = document.getElementById(id);
      var section = el && el.closest ? el.closest("section[id]") : null;
      var parent = null;
      while (section && !parent) {
        for (var i = 0; i < l.entries.length; i++) {
          if (l.entries[i].id === section.id) { parent = l.entries[i].a; break; }
        }
        section = section.parentElement ? section.parentElement.closest("section[id]") : null;
      }
      var name = el.querySelector ? el.querySelector(".descname") : null;
      if (!parent || !name) { return null; }
      var li = parent.parentNode;
      var ul = document.createElement("ul");
      ul.className = "here-expansion";
      var item = document.createElement("li");
      item.className = "current";
      var a = document.createElement("a");
      a.className = "reference internal here";
      a.href = "#" + encodeURIComponent(id);
      var code = document.createElement("code");
      code.className = "literal";
      code.textContent = name.textContent;
      a.appendChild(code);
      item.appendChild(a);
      ul.appendChild(item);
      li.insertBefore(ul, parent.nextSibling);
      added = ul;
      return a;
    }
    // IntersectionObserver tells when a target crosses the band under the bar; the bisection
    // above then names the current one (no work on scroll events)
    if (window.IntersectionObserver) {
      var io = new IntersectionObserver(update, { rootMargin: "0px 0px -60% 0px" });
      targets.forEach(function (t) { io.observe(t); });
    } else {
      window.addEventListener("scroll", update, { passive: true });
    }
    window.addEventListener("hashchange", function () { setTimeout(update, 0); });
    update();
  }

  /* ?highlight=a+b (Sphinx's parameter, added by the search page's links): marks each term in
     the page text, as Sphinx's highlighting does; a term is matched as a word start. */
  function highlightTerms() {
    var q;
    try { q = new URLSearchParams(window.location.search).get("highlight"); } catch (e) { return; }
    if (!q) { return; }
    var terms = q.toLowerCase().split(/\s+/).filter(function (w) { return w.length >= 2; });
    if (terms.length === 0) { return; }
    var body = document.querySelector(".body");
    if (!body) { return; }
    var esc = terms.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var re = new RegExp("(^|[^\\p{L}\\p{N}_])(" + esc.join("|") + ")", "giu");
    var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentNode;
        if (!p || p.nodeName === "SCRIPT" || p.nodeName === "STYLE" || (p.closest && p.closest(".headerlink"))) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var count = 0;
    for (var i = 0; i < nodes.length && count < 5000; i++) {
      var n = nodes[i];
      var text = n.nodeValue;
      re.lastIndex = 0;
      var m, last = 0, frag = null;
      while ((m = re.exec(text)) !== null && count < 5000) {
        var start = m.index + m[1].length;
        if (!frag) { frag = document.createDocumentFragment(); }
        frag.appendChild(document.createTextNode(text.slice(last, start)));
        var span = document.createElement("span");
        span.className = "highlighted";
        span.textContent = m[2];
        frag.appendChild(span);
        last = start + m[2].length;
        count++;
        if (m[0].length === 0) { re.lastIndex++; }
      }
      if (frag) {
        frag.appendChild(document.createTextNode(text.slice(last)));
        n.parentNode.replaceChild(frag, n);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var bar = document.querySelector(".topbar");
    var barHeight = bar ? trackBar(bar) : function () { return 0; };
    setupTheme();
    setupMenu();
    var sidebar = document.getElementById("sidebar");
    if (sidebar) { markSamePage(sidebar); }
    highlightTerms();
    setupScrollSpy(barHeight);
  });
})();
