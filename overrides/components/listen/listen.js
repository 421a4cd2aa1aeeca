// Listen: wires the play button the build put under each ## heading with text to read
// (components/listen/listen-control.html). The first press
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

  // The build put a control under every heading with text to read (listen-control.html).
  article.querySelectorAll(".site-listen-control").forEach(function (box) {
    var button = box.querySelector("button");
    var control = { heading: box.previousElementSibling, label: button.querySelector("span"),
                    path: button.querySelector("path"), status: box.querySelector(".site-listen__status") };
    button.addEventListener("click", function () {
      withReader(function (ready) {
        if (ready) return root.listen(control);
        control.status.textContent = root.getAttribute("data-unavailable");   // offline, never loaded
        control.status.hidden = false;
      });
    });
  });
})();
