// Page actions shared by the planner and the proposal widgets: save a file, print one part.

/** Offer `text` to the reader as a downloaded file. */
export function download(text, filename, type = "text/markdown") {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Print only `element` (the stylesheets hide the rest while html.tw-printing is set). */
export function printOnly(element) {
  document.documentElement.classList.add("tw-printing");
  element.classList.add("tw-print-target");
  window.addEventListener(
    "afterprint",
    () => {
      document.documentElement.classList.remove("tw-printing");
      element.classList.remove("tw-print-target");
    },
    { once: true },
  );
  window.print();
}
