// Embed builder on the partners page: turns the choice of page, part and
// language into the <iframe> code, shows it in a preview and copies it.
// The snippet text must match scripts/sitelib/embeds.py:snippet().
(function () {
  var root = document.querySelector(".js-embed-builder");
  if (!root) return;
  var data = JSON.parse(root.getAttribute("data-embed-builder"));
  var pick = function (name) { return root.querySelector(".js-embed-builder-" + name); };
  var form = pick("form"), pageChoice = pick("page"), sectionChoice = pick("section"),
      languageChoice = pick("language"), code = pick("code"), copy = pick("copy"),
      status = pick("status"), preview = pick("preview"), exitChoice = pick("exit");

  function escape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  // The same text as scripts/sitelib/embeds.py:exit_link().
  function exitLink(language) {
    return '<p><a href="' + escape(data.exit.url) + '" lang="' + escape(language) + '" rel="noreferrer" ' +
      'onclick="location.replace(this.href);return false" style="' + data.exit.style + '">' +
      escape(data.exit.labels[language]) + '</a></p>\n';
  }

  function snippet(src, title, language) {
    var exitHtml = exitChoice && exitChoice.checked ? exitLink(language) : "";
    return exitHtml + '<iframe src="' + escape(src) + '" title="' + escape(title) + '" lang="' + escape(language) +
      '" loading="lazy" style="width:100%;height:600px;border:0"></iframe>\n' +
      '<script src="' + escape(data.host_script) + '" async></' + 'script>';
  }

  function find(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id || list[i].code === id) return list[i];
    return list[0];
  }

  function fillSections() {
    var entry = find(data.pages, pageChoice.value);
    while (sectionChoice.options.length > 1) sectionChoice.remove(1);
    entry.sections.forEach(function (section) {
      sectionChoice.add(new Option(section.heading, section.id));
    });
    sectionChoice.value = "";
  }

  function update() {
    var entry = find(data.pages, pageChoice.value);
    var section = sectionChoice.value ? find(entry.sections, sectionChoice.value) : null;
    var language = find(data.locales, languageChoice.value);
    var src = data.site_url + language.prefix + entry.path + "embed/" + (section ? section.id + "/" : "");
    // The iframe is named in the embed's language, whatever the language of this page.
    var title = entry.titles[language.code] || entry.title;
    if (section) title = (section.headings[language.code] || section.heading) + " — " + title;
    code.value = snippet(src, title, language.code);
    status.textContent = "";
    // The preview loads from this origin (the snippet keeps the absolute address).
    var local = new URL(src).pathname;
    if (preview.getAttribute("src") !== local) preview.setAttribute("src", local);
  }

  function copied(ok) {
    status.textContent = copy.getAttribute(ok ? "data-copied" : "data-failed");
  }

  copy.addEventListener("click", function () {
    code.focus();
    code.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.value).then(function () { copied(true); }, function () {
        copied(document.execCommand && document.execCommand("copy"));
      });
    } else {
      copied(document.execCommand && document.execCommand("copy"));
    }
  });

  pageChoice.addEventListener("change", function () { fillSections(); update(); });
  sectionChoice.addEventListener("change", update);
  languageChoice.addEventListener("change", update);
  if (exitChoice) exitChoice.addEventListener("change", update);

  // The partner's script, used here too, so the preview fits its content.
  if (!window.__siteEmbedHost) {
    var script = document.createElement("script");
    script.src = root.getAttribute("data-host-script");
    script.async = true;
    document.head.appendChild(script);
  }

  form.hidden = false;
  copy.hidden = false;
  fillSections();
  update();
})();
