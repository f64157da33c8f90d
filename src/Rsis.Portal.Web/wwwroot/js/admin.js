// The staff area's enhancements. Every form works without them; they add the live Markdown preview,
// reordering of authors, the suggested code of a new publication, the menu entry form's target fields, and
// focus on a form's problems.
(function () {
    'use strict';

    function antiforgeryToken(element) {
        var form = element.closest('form');
        var field = form && form.querySelector('input[name="__RequestVerificationToken"]');
        return field ? field.value : '';
    }

    // ---------- Problems first: focus the summary so a screen reader reads it before the form ----------

    function focusErrorSummary() {
        var summary = document.querySelector('[data-error-summary]');
        if (summary) {
            summary.focus();
        }
    }

    // ---------- Live preview of the body, rendered and sanitized by the server ----------

    function initPreview(textarea) {
        var panel = document.querySelector('[data-preview-panel]');
        var target = document.getElementById(textarea.getAttribute('data-preview-target'));
        var status = panel && panel.querySelector('[data-preview-status]');
        if (!panel || !target || !window.fetch) {
            return;
        }

        panel.hidden = false;
        var timer = null;
        var latest = 0;

        function render() {
            var request = ++latest;
            var body = new FormData();
            body.append('markdown', textarea.value);
            fetch(textarea.getAttribute('data-markdown-preview'), {
                method: 'POST',
                body: body,
                credentials: 'same-origin',
                headers: {
                    'Accept': 'application/json',
                    'RequestVerificationToken': antiforgeryToken(textarea),
                    // Asks the sign-in check for a 401 instead of a redirect to the login page.
                    'X-Requested-With': 'XMLHttpRequest'
                }
            }).then(function (response) {
                if (response.status === 401 || response.redirected) {
                    throw new Error('Your session has ended. Sign in again in another tab; your text here is kept.');
                }
                if (!response.ok) {
                    throw new Error('The preview could not be made (' + response.status + ').');
                }
                return response.json();
            }).then(function (result) {
                if (request !== latest) {
                    return;
                }
                // Sanitized by the server with the article page's own pipeline.
                target.innerHTML = result.html;
                status.textContent = '';
            }).catch(function (error) {
                if (request === latest) {
                    status.textContent = error.message;
                }
            });
        }

        textarea.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(render, 400);
        });
        render();
    }

    // ---------- Authors: add, remove and reorder rows ----------

    function initAuthors(list) {
        var live = document.createElement('p');
        live.className = 'visually-hidden';
        live.setAttribute('role', 'status');
        list.parentNode.insertBefore(live, list.nextSibling);

        var template = list.querySelector('[data-author-row]').cloneNode(true);

        function rows() {
            return Array.prototype.slice.call(list.querySelectorAll('[data-author-row]'));
        }

        function button(text, label, action) {
            var b = document.createElement('button');
            b.type = 'button';
            b.className = 'btn btn-outline-secondary btn-sm';
            b.textContent = text;
            b.setAttribute('data-action', action);
            b.setAttribute('aria-label', label);
            return b;
        }

        function enhance(row) {
            var select = row.querySelector('select');
            var controls = document.createElement('div');
            controls.className = 'admin-authors__controls';
            row.insertBefore(controls, select);
            controls.appendChild(select);
            controls.appendChild(button('Up', '', 'up'));
            controls.appendChild(button('Down', '', 'down'));
            controls.appendChild(button('Remove', '', 'remove'));
        }

        function renumber() {
            rows().forEach(function (row, index) {
                var n = index + 1;
                var select = row.querySelector('select');
                var label = row.querySelector('[data-author-label]');
                select.id = 'author-' + index;
                label.setAttribute('for', select.id);
                label.textContent = 'Author ' + n;
                row.querySelector('[data-action="up"]').setAttribute('aria-label', 'Move author ' + n + ' up');
                row.querySelector('[data-action="down"]').setAttribute('aria-label', 'Move author ' + n + ' down');
                row.querySelector('[data-action="remove"]').setAttribute('aria-label', 'Remove author ' + n);
                row.querySelector('[data-action="up"]').disabled = index === 0;
                row.querySelector('[data-action="down"]').disabled = index === rows().length - 1;
            });
        }

        function nameOf(row) {
            var select = row.querySelector('select');
            return select.value ? select.options[select.selectedIndex].text : 'The empty row';
        }

        // The page brings empty rows for browsers without JavaScript; here "Add an author" adds rows, so the
        // list shows the byline as saved (one empty row when there is none), not blank rows under it.
        var empty = rows().filter(function (row) { return !row.querySelector('select').value; });
        empty.slice(empty.length === rows().length ? 1 : 0).forEach(function (row) { row.remove(); });
        template.querySelector('select').value = '';
        rows().forEach(enhance);

        var add = button('Add an author', 'Add an author', 'add');
        add.className = 'btn btn-outline-primary btn-sm';
        list.parentNode.insertBefore(add, live);

        list.addEventListener('click', function (event) {
            var b = event.target.closest('button[data-action]');
            if (!b) {
                return;
            }
            var row = b.closest('[data-author-row]');
            var action = b.getAttribute('data-action');
            if (action === 'up' && row.previousElementSibling) {
                list.insertBefore(row, row.previousElementSibling);
            } else if (action === 'down' && row.nextElementSibling) {
                list.insertBefore(row.nextElementSibling, row);
            } else if (action === 'remove') {
                var next = row.nextElementSibling || row.previousElementSibling;
                var name = nameOf(row);
                row.remove();
                if (rows().length === 0) {
                    var fresh = template.cloneNode(true);
                    list.appendChild(fresh);
                    enhance(fresh);
                    next = fresh;
                }
                renumber();
                live.textContent = name + ' removed.';
                (next ? next.querySelector('select') : add).focus();
                return;
            }
            renumber();
            live.textContent = nameOf(row) + ' is now author ' + (rows().indexOf(row) + 1) + '.';
            if (b.disabled) {
                row.querySelector('select').focus();
            } else {
                b.focus();
            }
        });

        add.addEventListener('click', function () {
            var fresh = template.cloneNode(true);
            fresh.querySelector('select').value = '';
            list.appendChild(fresh);
            enhance(fresh);
            renumber();
            fresh.querySelector('select').focus();
        });

        renumber();
    }

    // ---------- A new publication's code, suggested from its series and year ----------

    function initCodeSuggestion(input) {
        var series = document.getElementById('field-SeriesId');
        var date = document.getElementById('field-PublishedOn');
        if (!series || !date || !window.fetch) {
            return;
        }

        function suggest() {
            // Only while the code is still the suggestion (or empty): never overwrite what someone typed.
            if (input.value && input.value !== input.getAttribute('data-suggested')) {
                return;
            }
            var year = (date.value || '').slice(0, 4) || String(new Date().getUTCFullYear());
            var url = input.getAttribute('data-code-suggest') + '?seriesId=' + encodeURIComponent(series.value) + '&year=' + encodeURIComponent(year);
            fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (result) {
                    if (result && (!input.value || input.value === input.getAttribute('data-suggested'))) {
                        input.value = result.code || '';
                        input.setAttribute('data-suggested', input.value);
                    }
                })
                .catch(function () { /* A suggestion is a convenience; the person can type the code. */ });
        }

        series.addEventListener('change', suggest);
        date.addEventListener('change', suggest);
    }

    // ---------- Menu entry form: show the field of the chosen target only ----------

    function initMenuTarget(fieldset) {
        var radios = fieldset.querySelectorAll('input[name="TargetKind"]');

        function update() {
            fieldset.querySelectorAll('[data-target-detail]').forEach(function (detail) {
                var radio = fieldset.querySelector('input[name="TargetKind"][value="' + detail.getAttribute('data-target-detail') + '"]');
                detail.hidden = !(radio && radio.checked);
            });
        }

        radios.forEach(function (radio) {
            radio.addEventListener('change', update);
        });
        update();
    }

    // ---------- Share a preview: copy the link; without this, the link is selected text to copy ----------

    function initCopyLink(button) {
        var field = document.getElementById(button.getAttribute('data-copy-link'));
        var status = document.querySelector('[data-copy-link-status]');
        if (!field || !status || !navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
            return;
        }

        button.hidden = false;
        button.addEventListener('click', function () {
            navigator.clipboard.writeText(field.value).then(
                function () { status.textContent = 'Copied the preview link.'; },
                function () {
                    field.select();
                    status.textContent = 'Your browser did not allow copying. The link is selected: copy it with your keyboard.';
                });
        });
    }

    function init() {
        focusErrorSummary();
        document.querySelectorAll('[data-copy-link]').forEach(initCopyLink);
        document.querySelectorAll('[data-markdown-preview]').forEach(initPreview);
        document.querySelectorAll('[data-author-list]').forEach(initAuthors);
        document.querySelectorAll('[data-code-suggest]').forEach(initCodeSuggestion);
        document.querySelectorAll('[data-menu-target]').forEach(initMenuTarget);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
