// Listen: a play button under each ## heading that has text to read. The first press
// loads the reader (listen.page.js, through data-script) and hands the press over,
// so a page pays for reading aloud only when someone listens.
(function () {
  var root = document.querySelector(".js-listen");
  var article = root && root.closest("article");
  if (!article) return;
  var waiting = null;   // presses made while the reader loads

  function withReader(then) {
    if (root.listen) return then(true);
    if (waiting) return waiting.push(then);
    waiting = [then];
    var script = document.createElement("script");
    script.src = root.getAttribute("data-script");
    script.onload = script.onerror = function () {
      waiting.forEach(function (next) { next(!!root.listen); });
      waiting = null;
      script.remove();
    };
    document.head.appendChild(script);
  }

  article.querySelectorAll("h2").forEach(function (heading) {
    var next = heading.nextElementSibling;
    if (!next || next.matches("h1, h2, .site-page-foot, .site-listen-skip")) return;   // nothing to read
    var box = document.createElement("div");
    box.className = "site-listen-control";
    box.innerHTML = '<button type="button" class="site-button"><svg aria-hidden="true" focusable="false" viewBox="0 0 24 24">'
      + '<path/></svg><span></span></button><p class="site-listen__status" role="status" hidden></p>';
    var button = box.firstChild;
    if (heading.id) button.setAttribute("aria-describedby", heading.id);
    var control = { heading: heading, label: button.lastChild, path: button.querySelector("path"), status: box.lastChild };
    control.label.textContent = root.getAttribute("data-listen");
    control.path.setAttribute("d", root.getAttribute("data-icon-play"));
    button.addEventListener("click", function () {
      withReader(function (ready) {
        if (ready) return root.listen(control);
        control.status.textContent = root.getAttribute("data-unavailable");   // offline, never loaded
        control.status.hidden = false;
      });
    });
    heading.insertAdjacentElement("afterend", box);
  });
})();
