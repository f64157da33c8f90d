(function () {
    'use strict';

    var DESKTOP = window.matchMedia('(min-width: 992px)');
    var HOVER_CLOSE_DELAY = 200;

    /* ---------- Mega menu (WAI-ARIA disclosure navigation) ---------- */

    function initMegaMenu(menu) {
        var items = Array.prototype.slice.call(menu.children);
        var tops = items.map(function (li) { return li.querySelector('.mega-menu__top'); })
            .filter(Boolean);
        var openItem = null;
        var openedByHover = false;
        var closeTimer = 0;

        function buttonOf(li) { return li.querySelector(':scope > .mega-menu__button'); }
        function panelOf(li) { return li.querySelector(':scope > .mega-menu__panel'); }
        function linksOf(li) {
            var panel = panelOf(li);
            return panel ? Array.prototype.slice.call(panel.querySelectorAll('a[href]')) : [];
        }

        function open(li, byHover) {
            window.clearTimeout(closeTimer);
            if (openItem && openItem !== li) {
                close(false);
            }
            var button = buttonOf(li);
            if (!button) {
                return;
            }
            button.setAttribute('aria-expanded', 'true');
            openItem = li;
            openedByHover = byHover;
        }

        function close(returnFocus) {
            window.clearTimeout(closeTimer);
            if (!openItem) {
                return;
            }
            var button = buttonOf(openItem);
            button.setAttribute('aria-expanded', 'false');
            openItem = null;
            openedByHover = false;
            if (returnFocus) {
                button.focus();
            }
        }

        function focusTop(index) {
            var count = tops.length;
            tops[(index + count) % count].focus();
        }

        items.forEach(function (li) {
            var button = buttonOf(li);
            if (!button || !panelOf(li)) {
                return;
            }

            button.addEventListener('click', function () {
                if (openItem !== li) {
                    open(li, false);
                } else if (openedByHover) {
                    // The pointer opened it a moment ago; a click means "keep it open", not "close it".
                    openedByHover = false;
                } else {
                    close(false);
                }
            });

            li.addEventListener('pointerenter', function (event) {
                if (event.pointerType === 'mouse' && DESKTOP.matches && (openItem !== li || openedByHover)) {
                    open(li, true);
                }
            });

            li.addEventListener('pointerleave', function (event) {
                if (event.pointerType === 'mouse' && openItem === li && openedByHover) {
                    closeTimer = window.setTimeout(function () { close(false); }, HOVER_CLOSE_DELAY);
                }
            });

            // Tabbing out of an item closes it. A null relatedTarget (a click on the panel's
            // background, or the window losing focus) is left to the outside-click handler.
            li.addEventListener('focusout', function (event) {
                if (openItem === li && event.relatedTarget && !li.contains(event.relatedTarget)) {
                    close(false);
                }
            });
        });

        menu.addEventListener('keydown', function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            var topIndex = tops.indexOf(event.target);
            var li = event.target.closest('.mega-menu > li');
            var key = event.key;

            if (key === 'Escape' || key === 'Esc') {
                if (openItem) {
                    event.preventDefault();
                    close(true);
                }
                return;
            }

            if (topIndex !== -1) {
                if (key === 'ArrowRight' || key === 'ArrowLeft' || key === 'Home' || key === 'End') {
                    event.preventDefault();
                    close(false);
                    if (key === 'ArrowRight') { focusTop(topIndex + 1); }
                    if (key === 'ArrowLeft') { focusTop(topIndex - 1); }
                    if (key === 'Home') { focusTop(0); }
                    if (key === 'End') { focusTop(tops.length - 1); }
                } else if (key === 'ArrowDown' && event.target === buttonOf(li)) {
                    var first = linksOf(li)[0];
                    if (first) {
                        event.preventDefault();
                        open(li, false);
                        first.focus();
                    }
                }
                return;
            }

            // Inside an open panel: Up/Down/Home/End move between its links; Up from the first returns to the button.
            if (li && li === openItem && panelOf(li).contains(event.target)) {
                var links = linksOf(li);
                var index = links.indexOf(event.target);
                if (index === -1) {
                    return;
                }
                var target = null;
                if (key === 'ArrowDown') { target = links[Math.min(index + 1, links.length - 1)]; }
                if (key === 'ArrowUp') { target = index === 0 ? buttonOf(li) : links[index - 1]; }
                if (key === 'Home') { target = links[0]; }
                if (key === 'End') { target = links[links.length - 1]; }
                if (target) {
                    event.preventDefault();
                    target.focus();
                }
            }
        });

        document.addEventListener('click', function (event) {
            if (openItem && !menu.contains(event.target)) {
                close(false);
            }
        });

        // A panel opened by hover must also close on Escape while focus is elsewhere (WCAG 1.4.13).
        document.addEventListener('keydown', function (event) {
            if ((event.key === 'Escape' || event.key === 'Esc') && openItem && !menu.contains(event.target)) {
                close(false);
            }
        });

        // Leaving desktop width with a hover-opened panel would strand it open in the mobile list.
        DESKTOP.addEventListener('change', function () { close(false); });
    }

    /* ---------- Small-screen "Menu" toggle ---------- */

    function initMenuToggle(toggle, nav) {
        function setOpen(isOpen) {
            toggle.setAttribute('aria-expanded', String(isOpen));
            nav.classList.toggle('is-open', isOpen);
        }

        toggle.addEventListener('click', function () {
            setOpen(toggle.getAttribute('aria-expanded') !== 'true');
        });

        // Escape closes the whole small-screen menu, unless it just closed a panel (which prevents default).
        nav.addEventListener('keydown', function (event) {
            if ((event.key === 'Escape' || event.key === 'Esc') && !event.defaultPrevented && !DESKTOP.matches
                && toggle.getAttribute('aria-expanded') === 'true') {
                setOpen(false);
                toggle.focus();
            }
        });
    }

    /* ---------- Cookie notice ---------- */

    var COOKIE = 'rsis_cookie_notice=dismissed';

    function initCookieNotice(notice) {
        var dismissed = document.cookie.split(/;\s*/).indexOf(COOKIE) !== -1;
        if (dismissed) {
            return;
        }
        notice.hidden = false;
        var ok = notice.querySelector('#cookie-notice-ok');
        if (!ok) {
            return;
        }
        ok.addEventListener('click', function () {
            var secure = window.location.protocol === 'https:' ? '; Secure' : '';
            document.cookie = COOKIE + '; path=/; max-age=31536000; SameSite=Lax' + secure;
            notice.hidden = true;
        });
    }

    /* ---------- Start ---------- */

    var menu = document.querySelector('[data-mega-menu]');
    if (menu) {
        initMegaMenu(menu);
    }

    var toggle = document.getElementById('menu-toggle');
    var nav = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (nav) {
        initMenuToggle(toggle, nav);
    }

    var notice = document.getElementById('cookie-notice');
    if (notice) {
        initCookieNotice(notice);
    }
}());
