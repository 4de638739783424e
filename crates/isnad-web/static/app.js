// isnad web app: progressive enhancement only; every page works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Hovering or focusing one piece of a quotation highlights all of its pieces and the
  // matching entry in the quotations panel.
  document.querySelectorAll(".text .quote").forEach(function (el) {
    var id = el.getAttribute("data-quote");
    var on = function (flag) {
      document.querySelectorAll('.text .quote[data-quote="' + CSS.escape(id) + '"]').forEach(function (q) {
        q.classList.toggle("active", flag);
      });
    };
    el.addEventListener("mouseenter", function () { on(true); });
    el.addEventListener("mouseleave", function () { on(false); });
    el.addEventListener("focus", function () { on(true); });
    el.addEventListener("blur", function () { on(false); });
    // Enter on a focused quotation jumps to its entry with the diff.
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        var target = document.getElementById(id);
        if (target) { target.scrollIntoView({ block: "center" }); }
      }
    });
  });
  // Choosing a file on the analyze page shows its name in the text area's place.
  var file = document.getElementById("f-file");
  var text = document.getElementById("f-text");
  if (file && text) {
    file.addEventListener("change", function () {
      if (file.files && file.files.length) {
        text.placeholder = "سيُحلَّل الملف: " + file.files[0].name;
      }
    });
  }
});
