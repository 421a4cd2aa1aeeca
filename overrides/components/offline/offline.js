// Offline reading: register the service worker, store the page being read,
// and "Save this language" on request (never by itself).
(function () {
  var meta = document.querySelector('meta[name="site-offline"]');
  if (!meta || !("serviceWorker" in navigator) || !window.caches) return;

  function ask(worker, message, onReply) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) { onReply && onReply(event.data); };
    worker.postMessage(message, [channel.port2]);
  }

  var ready = navigator.serviceWorker.register(meta.getAttribute("content"))
    .then(function () { return navigator.serviceWorker.ready; });

  ready.then(function (registration) {
    ask(registration.active, { type: "visited", page: location.href }, function () {
      document.documentElement.setAttribute("data-site-offline", "ready");
    });
  }).catch(function () { /* private mode or storage full: the site still works online */ });

  var box = document.querySelector(".js-offline");
  if (!box) return;
  var button = box.querySelector(".js-offline-save");
  var status = box.querySelector(".js-offline-status");
  box.hidden = false;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = fill(box.getAttribute("data-saving"), { done: 0, total: "…" });
    var pages = fetch(meta.getAttribute("data-pages"), { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
    Promise.all([ready, pages]).then(function (both) {
      ask(both[0].active, { type: "save", pages: both[1].pages }, function (reply) {
        if (reply.type === "progress") {
          status.textContent = fill(box.getAttribute("data-saving"), reply);
        } else if (reply.type === "saved") {
          status.textContent = box.getAttribute(reply.failed ? "data-failed" : "data-saved");
          box.setAttribute("data-state", reply.failed ? "failed" : "saved");
          button.disabled = false;
        }
      });
    }).catch(function () {
      status.textContent = box.getAttribute("data-failed");
      box.setAttribute("data-state", "failed");
      button.disabled = false;
    });
  });
})();
