/* For partners: include this once on a page that embeds our pages, e.g.
     <script src="https://<our site>/assets/embed-host.js" async></script>
   It sets the height of each of our <iframe>s to fit its content, so readers
   see no inner scrollbar. Without it, the <iframe> keeps the height you gave it.
   It only trusts messages from the <iframe> that sent them, and only when they
   come from the origin of that <iframe>'s src. No cookies, no tracking. */
(function () {
  "use strict";
  if (window.__siteEmbedHost) return;
  window.__siteEmbedHost = true;

  function origin(frame) {
    try { return new URL(frame.src, document.baseURI).origin; } catch (e) { return null; }
  }

  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "site-embed:height") return;
    var frame = frameOf(event.source);
    if (!frame || origin(frame) !== event.origin) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    frame.style.height = Math.ceil(height) + "px";
  });

  // Frames that loaded before this script: ask them for their height again.
  function ask() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var target = origin(frames[i]);  // only frames with a real src
      if (target && frames[i].contentWindow && /\/embed\//.test(frames[i].src)) {
        frames[i].contentWindow.postMessage({ type: "site-embed:ask" }, "*");
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ask);
  } else {
    ask();
  }
})();
