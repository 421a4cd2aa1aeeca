/* For partners: include this once on a page that embeds our pages, e.g.
     <script src="https://<our site>/assets/embed-host.js" async></script>
   It sets the height of each of our <iframe>s to fit its content, so readers
   see no inner scrollbar. Without it, the <iframe> keeps the height you gave it.
   Only our embed views are resized: an <iframe> whose src is on the origin this
   script was loaded from and whose path has /embed/, and only from a message
   that this very <iframe> sent from that origin. No cookies, no tracking. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var SITE = new URL(script.src, document.baseURI).origin;
  var FLAG = "__siteEmbedHost:" + SITE;
  if (window[FLAG]) return;
  window[FLAG] = true;

  function isOurEmbed(frame) {
    try {
      var url = new URL(frame.src, document.baseURI);
      return url.origin === SITE && /\/embed\//.test(url.pathname);
    } catch (e) {
      return false;
    }
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
    if (event.origin !== SITE || !data || data.type !== "site-embed:height") return;
    var frame = frameOf(event.source);
    if (!frame || !isOurEmbed(frame)) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    frame.style.height = Math.ceil(height) + "px";
  });

  // Frames that loaded before this script: ask them for their height again.
  function ask() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (isOurEmbed(frames[i]) && frames[i].contentWindow) {
        frames[i].contentWindow.postMessage({ type: "site-embed:ask" }, SITE);
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ask);
  } else {
    ask();
  }
})();
