/* qapidoc default theme: light/dark switch and the small-screen navigation toggle.
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
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector(".theme-toggle");
    if (toggle) {
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
    var nav = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (nav && sidebar) {
      nav.addEventListener("click", function () {
        var open = sidebar.classList.toggle("open");
        nav.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
  });
})();
