// The article page's small helpers, in one file so a first view fetches it once: "Cite this", "Share this" and
// the printed note's date. Each works on its own part of the page and does nothing where that part is absent.

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

// "Share this": the links work without JavaScript. Here, where the browser can, a "Share…" button opens the
// system's share sheet (Web Share API) and "Copy link" puts the article's address on the clipboard.
(function () {
    "use strict";

    var block = document.querySelector("[data-share-url]");
    if (!block) {
        return;
    }

    var url = block.getAttribute("data-share-url");
    var title = block.getAttribute("data-share-title");
    var status = block.querySelector("[data-share-status]");

    var share = block.querySelector("[data-share-native]");
    if (share && typeof navigator.share === "function") {
        share.hidden = false;
        share.addEventListener("click", function () {
            navigator.share({ title: title, url: url }).catch(function () {
                // Closing the share sheet rejects too; there is nothing to tell the reader.
            });
        });
    }

    var copy = block.querySelector("[data-share-copy]");
    if (copy && status && navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        copy.hidden = false;
        copy.addEventListener("click", function () {
            navigator.clipboard.writeText(url).then(
                function () {
                    status.textContent = "Link copied to the clipboard.";
                },
                function () {
                    status.textContent = "Your browser did not allow copying. The address is " + url;
                });
        });
    }
})();

// The printed article's "Downloaded from … on …": the page is cached for everyone, so only the reader's
// browser knows today's date. Without JavaScript the note names the address alone.
(function () {
    "use strict";

    var today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-print-date]").forEach(function (slot) {
        slot.textContent = " on " + today;
    });
})();
