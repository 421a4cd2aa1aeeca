/* Runs inside an embed view (/<page>/embed/…). Tells the page that embeds it how
   tall the content is, so /assets/embed-host.js can size the <iframe> to fit.
   Message: {type: "site-embed:height", height: <CSS pixels>}. Without a parent
   (opened directly) it does nothing. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var content = document.querySelector(".js-embed-content");
  if (!content) return;
  var last = -1;

  function height() {
    var rect = content.getBoundingClientRect();
    var margin = parseFloat(window.getComputedStyle(content).marginBottom) || 0;
    return Math.ceil(rect.bottom + window.pageYOffset + margin);
  }

  function post(always) {
    var value = height();
    if (!always && value === last) return;
    last = value;
    window.parent.postMessage({ type: "site-embed:height", height: value }, "*");
  }

  post(true);
  window.addEventListener("load", function () { post(true); });
  window.addEventListener("resize", function () { post(false); });
  if ("ResizeObserver" in window) {
    new ResizeObserver(function () { post(false); }).observe(content);
  }
  // embed-host.js asks when it starts, in case it loaded after this frame.
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "site-embed:ask") post(true);
  });
})();
