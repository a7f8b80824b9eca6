// The theme's "Print to PDF" button. The theme writes its handler inline (onclick), which
// the pages' Content-Security-Policy forbids: the build marks the button, and this wires it.
for (const button of document.querySelectorAll("[data-tw-print]")) {
  button.addEventListener("click", () => window.print());
}
