// Loaded synchronously in <head>: lets the CSS know before first paint that site.js will drive the menu.
(function (root) {
    root.classList.remove('no-js');
    root.classList.add('js');
}(document.documentElement));
