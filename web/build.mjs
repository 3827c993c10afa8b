// Builds the page template that kg.sinks.html fills: `node build.mjs` (scripts/build-web runs it).
//
// esbuild bundles src/app.js with sigma.js, graphology and @sigma/edge-curve (the versions
// package-lock.json pins) into one minified script; the script, src/page.css and the licence
// of every bundled package are placed into src/page.html, and the Content-Security-Policy
// gets the script's hash, so that this script, and no other, may run in the page. What is
// left for kg to fill is the title and the data: dist/page.html keeps the placeholders
// __KG_TITLE__ and __KG_DATA__, each exactly once.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

const result = await esbuild.build({
  entryPoints: [join(here, "src", "app.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none", // the licences go into the page whole, below
  metafile: true,
  write: false,
  logLevel: "warning",
});
const script = result.outputFiles[0].text.trim();
// The script is placed inside <script>...</script>: it must not close that element itself.
if (/<\/script|<!--/i.test(script)) throw new Error("the bundle contains '</script' or '<!--'");

// The licence of each npm package whose code is in the bundle, found from esbuild's inputs.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (!match || packages.has(match[1])) continue;
  const root = join(here, "node_modules", match[1]);
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const file = ["LICENSE", "LICENSE.txt", "LICENSE.md", "license"].map((f) => join(root, f)).find(existsSync);
  if (!file) throw new Error(`${meta.name}: no licence file to keep`);
  packages.set(match[1], `${meta.name} ${meta.version} (${meta.license})\n\n${readFileSync(file, "utf8").trim()}`);
}
const licences = [...packages.keys()].sort().map((name) => packages.get(name)).join("\n\n----\n\n")
  .replaceAll("--", "- -"); // an HTML comment cannot hold "--"

const hash = createHash("sha256").update(script, "utf8").digest("base64");
const parts = {
  __KG_LICENSES__: licences,
  __KG_STYLE__: readFileSync(join(here, "src", "page.css"), "utf8").trim(),
  __KG_SCRIPT_HASH__: `sha256-${hash}`,
  __KG_SCRIPT__: script,
};
let page = readFileSync(join(here, "src", "page.html"), "utf8");
for (const [placeholder, value] of Object.entries(parts)) {
  if (page.split(placeholder).length !== 2) throw new Error(`src/page.html: ${placeholder} must occur once`);
  page = page.replace(placeholder, () => value);
}
for (const placeholder of ["__KG_TITLE__", "__KG_DATA__"]) {
  if (page.split(placeholder).length !== 2) throw new Error(`dist/page.html: ${placeholder} must occur once`);
}
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "page.html"), page);
console.log(`web/dist/page.html: ${(page.length / 1024).toFixed(0)} kB, bundling ${[...packages.keys()].join(", ")}`);
