// Quick exit and one history entry per visit (README.md in this folder).
(function () {
  // Moving between the site's own pages replaces the current history entry, so
  // that Back leads out of the site, never to a page read before. New tabs,
  // downloads, other sites and Back/Forward stay as the browser does them.
  // An element with id="navigation" is window.navigation in a browser without the
  // Navigation API: only the real API (an instance of its own interface) counts,
  // anything else takes the click handler, which works everywhere.
  var api = typeof window.Navigation === "function" && typeof window.NavigateEvent === "function" &&
    window.navigation instanceof window.Navigation ? window.navigation : null;
  if (api) {
    api.addEventListener("navigate", function (event) {
      if (event.navigationType !== "push" || !event.cancelable || event.downloadRequest !== null || event.formData) return;
      var url = new URL(event.destination.url);
      if (url.origin !== location.origin) return;
      event.preventDefault();
      location.replace(url.href);
    });
  } else {
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) return;
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      event.preventDefault();
      location.replace(url.href);
    });
  }

  var bar = document.querySelector(".js-quick-exit-bar");
  var link = bar && bar.querySelector(".js-quick-exit");
  if (!link) return;
  var neutral = bar.getAttribute("data-site-neutral");

  // What the site stored on this phone. The exit address also asks the browser
  // to drop it (Clear-Site-Data), but not every host can send that header.
  function forgetWebStorage() {
    try { localStorage.clear(); } catch (e) { /* storage off */ }
    try { sessionStorage.clear(); } catch (e) { /* storage off */ }
  }

  // Each step on its own: one that fails (or a global taken by an element) never
  // stops the others, or the exit.
  function forgetSavedPages() {
    var jobs = [];
    try {
      if (typeof window.CacheStorage === "function" && window.caches instanceof window.CacheStorage) {
        var store = window.caches;
        jobs.push(store.keys().then(function (keys) {
          return Promise.all(keys.map(function (key) { return store.delete(key); }));
        }));
      }
    } catch (e) { /* no Cache Storage */ }
    try {
      if (navigator.serviceWorker) {
        jobs.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
          return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
        }));
      }
    } catch (e) { /* no service worker */ }
    return Promise.all(jobs);
  }

  var leaving = false;
  function leave(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    // offline.js reads this: a page that is leaving never registers the worker again.
    document.documentElement.setAttribute("data-site-leaving", "");
    // Saved pages: their service worker answers the exit address itself, with or
    // without a signal (it deletes the saved pages and itself, then sends the
    // reader on: service-worker.js.in); it must stay registered until then, or the
    // browser would not ask it. No worker and a signal: the server answers (and
    // clears with Clear-Site-Data). Either way the browser is asked first, and the
    // rest below runs while it waits for the answer.
    var controlled = false;
    try { controlled = !!(navigator.serviceWorker && navigator.serviceWorker.controller); } catch (e) { /* none */ }
    var reachable = controlled || navigator.onLine !== false;
    if (reachable) location.replace(link.href);
    document.documentElement.style.visibility = "hidden";   // hide the page at once
    document.title = "";
    try { window.speechSynthesis && window.speechSynthesis.cancel(); } catch (e) { /* no speech */ }
    forgetWebStorage();
    if (controlled) return;
    var cleanup;
    try { cleanup = forgetSavedPages(); } catch (e) { cleanup = Promise.resolve(); }
    if (reachable) {
      cleanup.catch(function () { /* storage off */ });
      return;
    }
    // Without a signal nobody can answer the exit address: go straight to the
    // neutral site. Clear what is left first, but wait at most 150 ms.
    var go = function () { location.replace(neutral); };
    Promise.race([cleanup, new Promise(function (done) { setTimeout(done, 150); })]).then(go, go);
  }

  link.addEventListener("click", leave);

  var keys = bar.querySelector(".js-quick-exit-keys");
  if (keys) keys.hidden = false;

  // Shift three times within five seconds, each pressed and let go on its own
  // (not Shift+letter), as in GOV.UK's "Exit this page".
  var presses = 0, timer = null, combined = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") { combined = false; return; }
    combined = true;
    presses = 0;
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || combined) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) { presses = 0; leave(); }
  });
})();
