// Listen: a play button under each ## heading reads that section aloud with the
// phone's own voice. Play, pause, and resume where it stopped. The reading goes on
// when the screen locks, where the browser allows it (all of the section is queued
// at once, so a sleeping page does not stop it); it stops when the reader leaves.
// With no voice for the language, the button says so in the page's language.
(function () {
  var root = document.querySelector(".js-listen");
  var article = root && root.closest("article");
  if (!article) return;
  var synth = window.speechSynthesis;
  var canSpeak = !!(synth && window.SpeechSynthesisUtterance);
  // A page that falls back to Norwegian wraps the text in lang="nb": read it as Norwegian.
  var wrapper = article.querySelector(":scope > [lang]");
  var lang = ((wrapper && wrapper.getAttribute("lang")) || document.documentElement.lang || "").toLowerCase();
  var PLAY = '<path d="M8 5v14l11-7z"/>';
  var PAUSE = '<path d="M14 19h4V5h-4M6 19h4V5H6z"/>';
  var current = null;   // {control, parts, index, state: "playing"|"paused", run}
  var runs = 0;

  function matches(voiceLang) {
    var base = (voiceLang || "").toLowerCase().replace("_", "-").split("-")[0];
    var want = lang.split("-")[0];
    // Norwegian voices may say nb, no or nn.
    if (want === "nb" || want === "no") return base === "nb" || base === "no" || base === "nn";
    return base === want;
  }

  function findVoice() {
    if (!canSpeak) return null;
    return (synth.getVoices() || []).filter(function (v) { return matches(v.lang); })[0] || null;
  }

  var READ = "h3, h4, p, li, dt, dd, th, td, summary";

  function textOf(el) { return (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim(); }

  function readable(el) {
    // A list item is read whole; folded text (a closed <details>) only by its summary.
    if (el.closest("li li, li p, [hidden], .site-listen-control, .site-listen-skip")) return false;
    return !el.closest("details:not([open])") || el.matches("summary");
  }

  function sectionParts(heading) {
    var parts = [textOf(heading)];
    for (var node = heading.nextElementSibling; node && !node.matches("h1, h2, .site-page-foot"); node = node.nextElementSibling) {
      var found = node.matches(READ) ? [node] : Array.prototype.slice.call(node.querySelectorAll(READ));
      found.forEach(function (el) {
        var text = readable(el) ? textOf(el) : "";
        if (text) parts.push(text);
      });
    }
    return parts;
  }

  function show(control, state) {
    var label = { idle: "data-play", playing: "data-pause", paused: "data-resume" }[state];
    control.button.querySelector("span").textContent = root.getAttribute(label);
    control.button.querySelector("svg").innerHTML = state === "playing" ? PAUSE : PLAY;
    control.button.setAttribute("data-state", state);
  }

  function stop() {
    runs += 1;
    if (canSpeak) synth.cancel();
    if (current) show(current.control, "idle");
    current = null;
  }

  function speakFrom(index, voice) {
    var run = ++runs;
    var reading = current;
    synth.cancel();
    reading.state = "playing";
    show(reading.control, "playing");
    reading.parts.slice(index).forEach(function (text, offset) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang || lang;
      try { utterance.voice = voice; } catch (e) { /* lang alone picks a voice */ }
      utterance.onstart = function () { if (run === runs) reading.index = index + offset; };
      if (index + offset === reading.parts.length - 1) utterance.onend = function () { if (run === runs) stop(); };
      utterance.onerror = function (event) {
        if (run === runs && event.error !== "interrupted" && event.error !== "canceled") stop();
      };
      synth.speak(utterance);
    });
  }

  function press(control) {
    var voice = findVoice();
    if (!voice) {
      control.status.textContent = root.getAttribute("data-no-voice");
      control.status.hidden = false;
      return;
    }
    control.status.hidden = true;
    if (current && current.control === control) {
      if (current.state === "playing") {       // pause: stop now, remember where
        runs += 1;
        synth.cancel();
        current.state = "paused";
        show(control, "paused");
      } else {
        speakFrom(current.index, voice);       // resume from the part that was being read
      }
      return;
    }
    stop();
    current = { control: control, parts: sectionParts(control.heading), index: 0 };
    speakFrom(0, voice);
  }

  article.querySelectorAll("h2").forEach(function (heading) {
    if (sectionParts(heading).length < 2) return;   // nothing to read but the heading
    var box = document.createElement("div");
    box.className = "site-listen-control";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "site-button site-listen__button";
    button.innerHTML = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"></svg><span></span>';
    if (heading.id) button.setAttribute("aria-describedby", heading.id);
    var status = document.createElement("p");
    status.className = "site-listen__status";
    status.setAttribute("role", "status");
    status.hidden = true;
    box.appendChild(button);
    box.appendChild(status);
    heading.insertAdjacentElement("afterend", box);
    var control = { heading: heading, button: button, status: status };
    show(control, "idle");
    button.addEventListener("click", function () { press(control); });
  });

  window.addEventListener("pagehide", stop);
})();
