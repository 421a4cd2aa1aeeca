// Language choice: remember an explicit choice; on the root page, send a
// first-time reader to their browser's language when the site has it.
(function () {
  var KEY = "site-language";
  var root = document.querySelector("[data-site-root-locales]");

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang].js-language-choice, a[hreflang].md-select__link");
    if (!link) return;
    try { localStorage.setItem(KEY, link.getAttribute("hreflang")); } catch (e) { /* storage off */ }
  });

  if (!root) return;
  var locales = JSON.parse(root.getAttribute("data-site-root-locales"));
  var chosen = null;
  try { chosen = localStorage.getItem(KEY); } catch (e) { /* storage off */ }
  var source = root.getAttribute("data-site-source-locale");
  var target = chosen;
  if (!target) {
    var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {
      var code = tag.toLowerCase().split("-")[0];
      return code === "no" || code === "nn" ? source : code;
    });
    target = wanted.filter(function (code) { return code in locales; })[0];
  }
  if (target && target !== source && locales[target]) {
    location.replace(locales[target]);
  }
})();
