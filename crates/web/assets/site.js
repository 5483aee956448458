// Progressive enhancement only: every page works without this file.
// Print links ([data-print]) open the browser's print dialog; inline
// handlers are not allowed by the Content-Security-Policy.
document.addEventListener("click", function (e) {
  var el = e.target.closest("[data-print]");
  if (el) {
    e.preventDefault();
    window.print();
  }
});

// A printed report shows every clause, also those whose details are closed.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details:not([open])").forEach(function (d) {
    d.setAttribute("open", "");
    d.dataset.printOpened = "1";
  });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
    d.removeAttribute("open");
    delete d.dataset.printOpened;
  });
});

// A long facet list (countries) gets a box that narrows it to the values
// whose name holds what is typed, accents and Arabic vowel marks aside.
// The box has no name, so it is never part of the query, and its own
// change events do not reach the form's live update.
function fold(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u064b-\u0652\u0640]/g, "")
    .replace(/[\u0622\u0623\u0625]/g, "\u0627")
    .toLowerCase();
}
document.querySelectorAll("input.facet-find").forEach(function (box) {
  box.hidden = false;
});
document.addEventListener("change", function (e) {
  if (e.target.matches && e.target.matches("input.facet-find")) e.stopPropagation();
}, true);
document.addEventListener("keydown", function (e) {
  if (e.key === "Enter" && e.target.matches && e.target.matches("input.facet-find")) e.preventDefault();
});
document.addEventListener("input", function (e) {
  var box = e.target;
  if (!box.matches || !box.matches("input.facet-find")) return;
  var set = box.closest("fieldset");
  var want = fold(box.value.trim());
  var more = set.querySelector("details.more");
  if (more && want) more.open = true;
  set.querySelectorAll("li").forEach(function (li) {
    li.hidden = want !== "" && fold(li.textContent).indexOf(want) < 0;
  });
});
