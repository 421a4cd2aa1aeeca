// Quick exit: leave for a neutral site and take this page out of the history
// (location.replace), so Back does not come here. Shift three times within
// five seconds does the same, as in GOV.UK's "Exit this page".
(function () {
  var link = document.querySelector(".js-quick-exit");
  if (!link) return;
  var url = link.href;
  var presses = 0;
  var timer = null;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";   // hide the text at once
    document.title = "";
    try { window.speechSynthesis && window.speechSynthesis.cancel(); } catch (e) { /* no speech */ }
    location.replace(url);
  }

  link.addEventListener("click", leave);

  var hint = document.querySelector(".js-quick-exit-hint");
  if (hint) hint.hidden = false;

  // Count a Shift only when it was pressed and let go on its own (not Shift+letter).
  var combined = false;
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
