// Evaluation prototype, not shipped: Pagefind behind Material's header search
// box. It reuses Material's search dialog markup and CSS (the header button,
// the field, the result list) but none of Material's search JavaScript: the
// dialog's data-md-component attributes are removed, so Material's bundle
// never starts its worker. Pagefind's public API (pagefind.js) loads on the
// first focus of the field; results render as Material's result items.
(function () {
  var root = document.querySelector("[data-pagefind-search]");
  if (!root) return;
  var field = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var bundle = new URL(root.getAttribute("data-pagefind-search"), document.baseURI).href;
  var loading = null, latest = 0;
  var words = JSON.parse(document.getElementById("__config").textContent).translations;  // Material's texts

  function load() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function excerpt(html) {
    // Pagefind's excerpt is escaped text with <mark> around hits: keep only those.
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString(html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === 3) p.append(node.textContent);
      else if (node.nodeName === "MARK") p.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = Object.assign(document.createElement("a"), { href: data.url, className: "md-search-result__link", tabIndex: -1 });
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.append(Object.assign(document.createElement("h1"), { textContent: data.meta.title || data.url }), excerpt(data.excerpt));
    a.append(article);
    li.append(a);
    return li;
  }

  function search() {
    var query = field.value.trim();
    var mine = ++latest;
    if (!query) { list.replaceChildren(); return; }
    load().then(function (pagefind) { return pagefind.search(query); }).then(function (found) {
      if (mine !== latest) return null;
      return Promise.all(found.results.slice(0, 5).map(function (result) { return result.data(); })).then(function (items) {
        if (mine !== latest) return;
        var count = found.results.length;
        meta.textContent = count === 0 ? words["search.result.none"] : count === 1 ? words["search.result.one"]
          : words["search.result.other"].replace("#", count);
        list.replaceChildren.apply(list, items.map(item));
      });
    });
  }

  // The header button is a <label> for Material's #__search checkbox, which opens the dialog (CSS).
  toggle.addEventListener("change", function () { if (toggle.checked) field.focus(); });
  field.addEventListener("focus", function () { toggle.checked = true; load(); });
  field.addEventListener("input", search);
  field.addEventListener("keyup", search);
  field.form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
