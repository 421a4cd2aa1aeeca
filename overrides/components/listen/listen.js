// Listen: read the main text aloud with the device's own voice. Shown only
// when the device has a voice for the text's language; stops when the reader
// leaves the page.
(function () {
  var button = document.querySelector(".js-listen");
  var synth = window.speechSynthesis;
  if (!button || !synth || !window.SpeechSynthesisUtterance) return;
  var article = document.querySelector("article.md-content__inner, .md-content__inner");
  if (!article) return;
  // A page that falls back to Norwegian wraps the text in lang="nb": read it as Norwegian.
  var wrapper = article.querySelector(":scope > [lang]");
  var lang = ((wrapper && wrapper.getAttribute("lang")) || document.documentElement.lang || "").toLowerCase();
  var label = button.querySelector(".js-listen-label");
  var voice = null;
  var speaking = false;

  function matches(voiceLang) {
    var code = (voiceLang || "").toLowerCase().replace("_", "-");
    var base = code.split("-")[0];
    var want = lang.split("-")[0];
    // Norwegian voices may say nb, no or nn.
    if (want === "nb" || want === "no") return base === "nb" || base === "no" || base === "nn";
    return base === want;
  }

  function findVoice() {
    var voices = synth.getVoices() || [];
    voice = voices.filter(function (v) { return matches(v.lang); })[0] || null;
    button.hidden = !voice;
  }

  function chunks() {
    // Short pieces: some engines stop after about 15 seconds of one utterance.
    var parts = [];
    article.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, td, th, .admonition-title").forEach(function (node) {
      if (node.closest(".site-page-tools, .site-offline, .md-source-file, [hidden], li li, li p, .admonition-title p")) return;
      var text = (node.innerText || node.textContent || "").replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    });
    return parts;
  }

  function setState(on) {
    speaking = on;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    label.textContent = button.getAttribute(on ? "data-label-stop" : "data-label-play");
  }

  function stop() {
    synth.cancel();
    setState(false);
  }

  function speak() {
    var parts = chunks();
    if (!parts.length || !voice) return;
    synth.cancel();
    setState(true);
    parts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang || lang;
      try { utterance.voice = voice; } catch (e) { /* lang alone picks a voice */ }
      if (index === parts.length - 1) utterance.onend = function () { setState(false); };
      utterance.onerror = function () { setState(false); };
      synth.speak(utterance);
    });
  }

  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", function () { speaking ? stop() : speak(); });
  window.addEventListener("pagehide", stop);
  document.addEventListener("visibilitychange", function () { if (document.hidden) stop(); });

  findVoice();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", findVoice);
  else synth.onvoiceschanged = findVoice;
})();
