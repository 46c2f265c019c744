// Copies the browser builds of our npm dependencies into static/vendor/, which is never committed.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "static", "vendor");
const files = {
  "htmx.org/dist/htmx.min.js": "htmx.min.js",
  "chart.js/dist/chart.umd.min.js": "chart.umd.min.js",
  "tus-js-client/dist/tus.min.js": "tus.min.js",
};

mkdirSync(vendor, { recursive: true });
for (const [source, target] of Object.entries(files)) {
  copyFileSync(join(root, "node_modules", source), join(vendor, target));
}
console.log(`copied ${Object.keys(files).length} files into static/vendor/`);
