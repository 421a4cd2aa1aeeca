// Offline reading, only when the reader asks (README.md in this folder): no
// service worker and nothing in Cache Storage until "Save" is pressed, and
// "Remove saved pages" takes it all away again.
// <html data-site-offline>: "off" (nothing stored) or "ready" (a worker keeps pages).
(function () {
  var meta = document.querySelector('meta[name="site-offline"]');
  // Cache Storage only as the real interface: an element with id="caches" (window.caches
  // where the browser has none) must leave the feature off, not half on.
  if (!meta || !("serviceWorker" in navigator) || typeof window.CacheStorage !== "function" ||
      !(window.caches instanceof window.CacheStorage)) return;
  var caches = window.caches;
  var root = document.documentElement;
  var script = meta.getAttribute("content");
  var worker = navigator.serviceWorker;

  function ask(active, message, onReply) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) { onReply && onReply(event.data); };
    active.postMessage(message, [channel.port2]);
  }

  function start() {
    // Once the quick exit has begun (quick-exit.js marks <html data-site-leaving>),
    // registering would bring back the worker the exit is removing.
    if (root.hasAttribute("data-site-leaving")) return Promise.reject(new Error("leaving"));
    // register() again picks up a new build's sw.js; then store the page being read.
    return worker.register(script).then(function () { return worker.ready; }).then(function (registration) {
      ask(registration.active, { type: "visited", page: location.href }, function () {
        root.setAttribute("data-site-offline", "ready");
      });
      return registration;
    });
  }

  function stored() {
    return Promise.all([worker.getRegistrations(), caches.keys()]).then(function (both) {
      return both[0].length > 0 || both[1].length > 0;
    });
  }

  function removeAll() {
    return worker.getRegistrations().then(function (registrations) {
      return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
    }).then(function () { return caches.keys(); }).then(function (keys) {
      return Promise.all(keys.map(function (key) { return caches.delete(key); }));
    });
  }

  var box = document.querySelector(".js-offline");
  var save = box && box.querySelector(".js-offline-save");
  var remove = box && box.querySelector(".js-offline-remove");
  var status = box && box.querySelector(".js-offline-status");

  // A text with a count arrives as {"count": placeholder, "forms": {category: text}}
  // (ui_forms in scripts/sitelib/ui_strings.py); a plain text never starts with '{"'.
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(root.lang || "en") : null;

  function say(name, values) {
    var text = box.getAttribute("data-" + name);
    if (text.slice(0, 2) === '{"') {
      var data = JSON.parse(text);
      var count = Number(values && values[data.count]);
      text = (plural && isFinite(count) && data.forms[plural.select(count)]) || data.forms.other;
    }
    status.textContent = text.replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  function show(isStored) {
    if (!box) return;
    remove.hidden = !isStored;
    if (!isStored && box.getAttribute("data-mode") === "remove") say("none");
  }

  worker.getRegistration().then(function (registration) {
    if (registration) return start().then(function () { show(true); });
    root.setAttribute("data-site-offline", "off");
    return stored().then(show);
  }).catch(function () { /* private mode or storage off: the site still works online */ });

  if (!box) return;
  box.hidden = false;

  if (save) {
    save.addEventListener("click", function () {
      save.disabled = true;
      say("saving", { done: 0, total: "…" });
      var pages = fetch(meta.getAttribute("data-pages"), { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      Promise.all([start(), pages]).then(function (both) {
        ask(both[0].active, { type: "save", pages: both[1].pages }, function (reply) {
          if (reply.type === "progress") {
            say("saving", reply);
          } else if (reply.type === "saved") {
            say(reply.failed ? "failed" : "saved");
            box.setAttribute("data-state", reply.failed ? "failed" : "saved");
            save.disabled = false;
            show(true);
          }
        });
      }).catch(function () {
        say("failed");
        box.setAttribute("data-state", "failed");
        save.disabled = false;
        stored().then(show);
      });
    });
  }

  remove.addEventListener("click", function () {
    remove.disabled = true;
    removeAll().then(function () {
      root.setAttribute("data-site-offline", "off");
      box.setAttribute("data-state", "removed");
      remove.hidden = true;
      say("removed");
    }, function () {
      say("remove-failed");
    }).then(function () { remove.disabled = false; });
  });
})();
