// "Help us improve": opens the feedback form as a modal dialog, counts characters as a person does,
// and sends the form without leaving the page. Without JavaScript the button is a link to /feedback.
(function () {
    "use strict";

    var opener = document.querySelector("[data-feedback-open]");
    var dialog = document.getElementById("feedback-dialog");
    if (!opener || !dialog || typeof dialog.showModal !== "function") {
        return;
    }

    var form = dialog.querySelector("[data-feedback-form]");
    var status = dialog.querySelector("[data-feedback-status]");
    var tokenInput = dialog.querySelector("[data-feedback-token]");
    var body = dialog.querySelector("[data-feedback-body]");
    var actions = dialog.querySelector("[data-feedback-actions]");
    var submit = actions.querySelector("button[type=submit]");
    var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
    var returnFocusTo = null;

    // The server counts user-perceived characters (grapheme clusters); so does the counter, emoji included.
    function length(text) {
        var trimmed = text.trim();
        if (!segmenter) {
            return Array.from(trimmed).length;
        }
        var count = 0;
        for (var ignored of segmenter.segment(trimmed)) {
            count++;
        }
        return count;
    }

    function updateCounter(textarea) {
        var limit = Number(textarea.dataset.limit);
        var counter = document.getElementById(textarea.id + "-count");
        var used = length(textarea.value);
        counter.textContent = used + "/" + limit + " characters";
        counter.classList.toggle("is-over", used > limit);
    }

    function clearErrors() {
        form.querySelectorAll("[data-error-for]").forEach(function (error) {
            error.textContent = "";
        });
        form.querySelectorAll("[aria-invalid]").forEach(function (field) {
            field.removeAttribute("aria-invalid");
        });
    }

    function showErrors(errors) {
        var first = null;
        Object.keys(errors).forEach(function (name) {
            var error = form.querySelector("[data-error-for='" + name + "']");
            var fields = form.querySelectorAll("[name='" + name + "']");
            if (!error || fields.length === 0) {
                return;
            }
            error.textContent = errors[name][0];
            fields.forEach(function (field) {
                field.setAttribute("aria-invalid", "true");
            });
            first = first || fields[0];
        });
        if (first) {
            first.focus();
        }
    }

    function showStatus(message, isError) {
        status.textContent = message;
        status.classList.toggle("is-error", Boolean(isError));
    }

    function resetPanel() {
        form.reset();
        clearErrors();
        showStatus("", false);
        body.hidden = false;
        actions.hidden = false;
        submit.disabled = false;
        form.querySelectorAll("textarea[data-limit]").forEach(updateCounter);
    }

    // Pages are cached for everyone, so they carry no antiforgery token: fetch one when the panel opens.
    function loadToken() {
        return fetch("/feedback/token", { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("token " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                tokenInput.name = data.field;
                tokenInput.value = data.token;
            });
    }

    function open(event) {
        event.preventDefault();
        returnFocusTo = document.activeElement;
        resetPanel();
        form.querySelector("[data-feedback-page]").value = window.location.pathname;
        dialog.showModal();
        loadToken().catch(function () {
            showStatus("The form could not be prepared. Please try again, or use the feedback page.", true);
        });
    }

    function send(event) {
        event.preventDefault();
        clearErrors();
        showStatus("Sending…", false);
        submit.disabled = true;

        var ready = tokenInput.value ? Promise.resolve() : loadToken();
        ready
            .then(function () {
                return fetch(form.action, {
                    method: "POST",
                    body: new FormData(form),
                    credentials: "same-origin",
                    headers: { Accept: "application/json" },
                });
            })
            .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (data) {
                    return { response: response, data: data };
                });
            })
            .then(function (result) {
                var response = result.response;
                var data = result.data;
                submit.disabled = false;
                if (response.ok) {
                    body.hidden = true;
                    actions.hidden = true;
                    showStatus(data.message || "Thank you for your feedback.", false);
                    dialog.querySelector("[data-feedback-close]").focus();
                } else if (response.status === 400 && data.errors) {
                    showStatus("Please check what you entered.", true);
                    showErrors(data.errors);
                } else if (response.status === 429) {
                    showStatus(data.message || "You have sent feedback several times in a short while. Please try again in a minute.", true);
                } else {
                    // An expired token is the usual cause; the next try fetches a new one.
                    tokenInput.value = "";
                    showStatus("Your feedback could not be sent. Please try again.", true);
                }
            })
            .catch(function () {
                submit.disabled = false;
                showStatus("Your feedback could not be sent. Please check your connection and try again.", true);
            });
    }

    opener.addEventListener("click", open);
    form.addEventListener("submit", send);
    dialog.querySelector("[data-feedback-close]").addEventListener("click", function () {
        dialog.close();
    });
    // Escape closes a modal dialog natively; either way, focus goes back to where the visitor was.
    dialog.addEventListener("close", function () {
        if (returnFocusTo && typeof returnFocusTo.focus === "function") {
            returnFocusTo.focus();
        }
    });
    // A modal dialog makes the page behind it inert, but Tab can still leave for the browser's own controls;
    // keep it cycling through the panel instead.
    dialog.addEventListener("keydown", function (event) {
        if (event.key !== "Tab") {
            return;
        }
        // The panel starts with its close button and ends with Send (or the close button alone, after thanks).
        var focusable = Array.prototype.filter.call(dialog.querySelectorAll("button"), function (button) {
            return !button.disabled && button.getClientRects().length > 0;
        });
        var first = focusable[0];
        var last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    });

    // A click on the backdrop (outside the form) closes the panel.
    dialog.addEventListener("click", function (event) {
        if (event.target === dialog) {
            dialog.close();
        }
    });
    form.querySelectorAll("textarea[data-limit]").forEach(function (textarea) {
        textarea.addEventListener("input", function () {
            updateCounter(textarea);
        });
    });
})();
