// Writes wwwroot/lib/bootstrap/css/bootstrap.public.min.css: the rules of Bootstrap's stylesheet that the public
// pages can use, found by PurgeCSS in the public views, the web project's C# (tag helpers, view components) and
// the public scripts. The staff area keeps the whole stylesheet. Run after adding a Bootstrap class to a public
// view:  cd tools/css && npm ci && npm run public-bootstrap
// (a unit test, BootstrapSubsetTests, fails when a public view names a Bootstrap class the subset lacks).
import { PurgeCSS } from "purgecss";
import { readFile, writeFile } from "node:fs/promises";

const web = new URL("../../src/Rsis.Portal.Web/", import.meta.url).pathname;
const source = web + "wwwroot/lib/bootstrap/css/bootstrap.min.css";
const target = web + "wwwroot/lib/bootstrap/css/bootstrap.public.min.css";

const [result] = await new PurgeCSS().purge({
  css: [source],
  content: [
    web + "Views/**/*.cshtml",
    web + "*.cs",
    web + "!(Areas|bin|obj)/**/*.cs",
    web + "wwwroot/js/{js-enabled,site,feedback,article}.js",
  ],
  // Kept whatever the views say: the root and body rules, and the state classes browsers and scripts set.
  safelist: { standard: [/^:root$/, /^html$/, /^body$/], greedy: [/data-bs-theme/] },
  keyframes: true,
  fontFace: true,
  variables: false,
});

// Bootstrap's licence banner stays first; a line after it says where the file comes from.
const original = await readFile(source, "utf8");
const banner = original.match(/^@charset "UTF-8";\/\*![\s\S]*?\*\//)[0];
const rules = result.css.startsWith(banner) ? result.css.slice(banner.length) : result.css.replace(/^@charset "UTF-8";/, "");
const css = banner + "\n/* The rules the public pages use, made by tools/css/purge-bootstrap.mjs: do not edit. */\n" + rules;
await writeFile(target, css);
console.log(`${target}: ${css.length} bytes (from ${original.length})`);
