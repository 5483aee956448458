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
