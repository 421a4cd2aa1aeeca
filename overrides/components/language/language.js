// Language sheet: Escape closes it and gives focus back to the button; opening it
// moves focus to the current language. Choices are remembered by components/language-first/language-first.html.
(function () {
  var sheet = document.querySelector(".js-language");
  if (!sheet) return;
  var button = sheet.querySelector("summary");
  sheet.addEventListener("toggle", function () {
    if (!sheet.open) return;
    var current = sheet.querySelector("[aria-current]") || sheet.querySelector("a");
    if (current) current.focus({ preventScroll: true });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !sheet.open) return;
    sheet.open = false;
    button.focus();
  });
})();
