// Listen, the reader (loaded by listen.js on the first press): reads a section
// aloud with the phone's own voice. A press while reading pauses; the next resumes
// at the part it stopped in. The whole section is queued at once, so reading goes
// on while the screen is locked (where the browser allows it); leaving the page
// stops it. With no voice for the language it says so in the page's language.
(function () {
  var root = document.querySelector(".js-listen");
  var article = root && root.closest("article");
  if (!article) return;
  var synth = window.speechSynthesis;
  // A page that falls back to Norwegian wraps the text in lang="nb": read it as Norwegian.
  var wrapper = article.querySelector(":scope > [lang]");
  var lang = ((wrapper && wrapper.lang) || document.documentElement.lang).toLowerCase().split("-")[0];
  var NORWEGIAN = ["nb", "no", "nn"];
  var current = null;   // {control, parts, index, playing}
  var run = 0;          // bumped on every stop, so callbacks of a cancelled reading do nothing

  function voice() {
    var voices = synth && window.SpeechSynthesisUtterance ? synth.getVoices() || [] : [];
    return voices.filter(function (v) {
      var base = (v.lang || "").toLowerCase().split(/[-_]/)[0];
      return base === lang || (NORWEGIAN.indexOf(lang) >= 0 && NORWEGIAN.indexOf(base) >= 0);
    })[0];
  }

  function text(el) { return (el.innerText || el.textContent).replace(/\s+/g, " ").trim(); }

  function readable(el) {
    // A list item is read whole; folded text (a closed <details>) only by its summary.
    return !el.closest("li li, li p, [hidden], .site-listen-control, .site-listen-skip")
      && (!el.closest("details:not([open])") || el.matches("summary"));
  }

  function sectionParts(heading) {
    var parts = [text(heading)];
    for (var node = heading.nextElementSibling; node && !node.matches("h1, h2, .site-page-foot"); node = node.nextElementSibling) {
      var read = "h3, h4, p, li, dt, dd, th, td, summary";
      [].slice.call(node.matches(read) ? [node] : node.querySelectorAll(read)).forEach(function (el) {
        if (readable(el) && text(el)) parts.push(text(el));
      });
    }
    return parts;
  }

  function show(control, state) {   // state: listen, pause (while reading), resume
    control.label.textContent = root.getAttribute("data-" + state);
    control.path.setAttribute("d", root.getAttribute(state === "pause" ? "data-icon-pause" : "data-icon-play"));
  }

  function stop() {
    run += 1;
    if (synth) synth.cancel();
    if (current) show(current.control, "listen");
    current = null;
  }

  function speak(from, found) {
    var mine = ++run, reading = current;
    synth.cancel();
    reading.playing = true;
    show(reading.control, "pause");
    reading.parts.slice(from).forEach(function (part, offset) {
      var utterance = new SpeechSynthesisUtterance(part);
      utterance.lang = found.lang || lang;
      try { utterance.voice = found; } catch (e) { /* lang alone picks a voice */ }
      utterance.onstart = function () { if (mine === run) reading.index = from + offset; };
      utterance.onerror = function (event) {
        if (mine === run && event.error !== "interrupted" && event.error !== "canceled") stop();
      };
      if (from + offset === reading.parts.length - 1) utterance.onend = function () { if (mine === run) stop(); };
      synth.speak(utterance);
    });
  }

  function press(control) {
    var found = voice();
    control.status.hidden = !!found;
    if (!found) {
      control.status.textContent = root.getAttribute("data-no-voice");
      return;
    }
    if (current && current.control === control) {
      if (!current.playing) return speak(current.index, found);   // resume
      run += 1;                                                   // pause
      synth.cancel();
      current.playing = false;
      return show(control, "resume");
    }
    stop();
    current = { control: control, parts: sectionParts(control.heading), index: 0 };
    speak(0, found);
  }

  root.listen = press;
  window.addEventListener("pagehide", stop);
})();
