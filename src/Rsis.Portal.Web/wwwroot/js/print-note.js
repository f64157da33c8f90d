// The printed article's "Downloaded from … on …": the page is cached for everyone, so only the reader's
// browser knows today's date. Without JavaScript the note names the address alone.
(function () {
    "use strict";

    var today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-print-date]").forEach(function (slot) {
        slot.textContent = " on " + today;
    });
})();
