// "Cite this": copy buttons for the citations, and the reader's own date of access in the Harvard one.
// Without JavaScript the citations are plain text to select; the buttons stay hidden.
(function () {
    "use strict";

    // The page is cached for everyone, so only the reader's browser knows today's date.
    var today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-cite-accessed]").forEach(function (slot) {
        slot.textContent = " (Accessed: " + today + ")";
    });

    var status = document.querySelector("[data-copy-status]");
    if (!status || !navigator.clipboard || typeof navigator.clipboard.writeText !== "function") {
        return;
    }

    function citationText(button) {
        var citation = document.getElementById(button.getAttribute("data-copy-citation"));
        return citation ? citation.textContent.replace(/\s+/g, " ").trim() : "";
    }

    document.querySelectorAll("[data-copy-citation]").forEach(function (button) {
        var name = button.getAttribute("data-citation-style");
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(citationText(button)).then(
                function () {
                    status.textContent = "Copied the " + name + " citation.";
                },
                function () {
                    status.textContent = "Your browser did not allow copying. Select the citation and copy it instead.";
                });
        });
    });
})();
