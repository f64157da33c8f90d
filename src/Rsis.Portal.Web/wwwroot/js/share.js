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
