// The print kit's pages: toolbar language (?from=<locale>), Print, Share PDF, the
// preview scaled to the screen, and the fit check that `make flyers` waits for.
(function () {
  var root = document.documentElement;
  var toolbar = document.querySelector(".js-print-toolbar");
  var preview = document.querySelector(".js-print-preview");
  if (!toolbar || !preview) return;
  var data = JSON.parse(toolbar.querySelector(".js-print-toolbar-strings").textContent);

  // The toolbar speaks the language of the site the staff member came from.
  var from = new URLSearchParams(location.search).get("from");
  if (from && from !== data["default"] && data.strings[from]) {
    toolbar.setAttribute("lang", from);
    toolbar.setAttribute("aria-label", data.strings[from].print_toolbar);
    toolbar.querySelectorAll("[data-print-string]").forEach(function (node) {
      node.textContent = data.strings[from][node.getAttribute("data-print-string")];
    });
    toolbar.querySelectorAll("[data-print-href]").forEach(function (node) {
      node.setAttribute("href", data[node.getAttribute("data-print-href")][from]);
    });
  }
  var strings = data.strings[toolbar.getAttribute("lang")] || data.strings[data["default"]];

  var button = toolbar.querySelector(".js-print-button");
  var hint = toolbar.querySelector(".js-print-hint");
  button.hidden = false;
  hint.hidden = true;
  button.addEventListener("click", function () { window.print(); });

  // Share PDF where the phone can share files (Web Share), else the link downloads it.
  var pdf = toolbar.querySelector(".js-print-pdf");
  if (pdf && navigator.canShare && navigator.share && window.File) {
    var name = pdf.getAttribute("download");
    if (navigator.canShare({ files: [new File([""], name, { type: "application/pdf" })] })) {
      pdf.querySelector(".js-print-pdf-label").textContent = strings.print_share_pdf;
      pdf.addEventListener("click", function (event) {
        event.preventDefault();
        fetch(pdf.href).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.blob();
        }).then(function (blob) {
          return navigator.share({ files: [new File([blob], name, { type: "application/pdf" })], title: document.title });
        }).catch(function (error) {
          if (!error || error.name !== "AbortError") location.href = pdf.href;
        });
      });
    }
  }

  var sheets = preview.querySelectorAll(".js-print-sheet");
  function overflows(node) { return node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1; }

  // No shrinking: a flyer leaves out its last sections until it fits one sheet
  // (the QR code carries the rest); cards and posters must fit as they are.
  function fit() {
    var dropped = [];
    var bad = false;
    sheets.forEach(function (sheet) {
      var sections = sheet.querySelectorAll(".js-print-section");
      for (var i = sections.length - 1; i >= 0 && overflows(sheet); i--) {
        sections[i].hidden = true;
        dropped.unshift(sections[i].getAttribute("data-section"));
      }
      sheet.querySelectorAll(".js-print-card").forEach(function (card) { if (overflows(card)) bad = true; });
      if (overflows(sheet)) bad = true;
    });
    if (dropped.length) root.setAttribute("data-print-dropped", dropped.join(" "));
    root.setAttribute("data-print-fit", bad ? "overflow" : "done");
  }

  // The preview: sheets zoomed to the screen's width (never larger than printed).
  function scale() {
    var sheet = sheets[0];
    if (!sheet) return;
    preview.style.setProperty("--print-scale", "1");
    var room = preview.clientWidth - 16;
    var factor = Math.min(1, room / sheet.offsetWidth);
    preview.style.setProperty("--print-scale", String(Math.floor(factor * 1000) / 1000));
  }

  var ready = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
  ready.then(function () { fit(); scale(); }, function () { fit(); scale(); });
  window.addEventListener("resize", scale);
  window.addEventListener("beforeprint", function () { preview.style.setProperty("--print-scale", "1"); });
  window.addEventListener("afterprint", scale);
})();
