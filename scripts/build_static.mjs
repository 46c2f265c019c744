// Copies the browser builds of our npm dependencies into static/vendor/, which is never committed.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "static", "vendor");
const files = {
  "htmx.org/dist/htmx.min.js": "htmx.min.js",
  "chart.js/dist/chart.umd.min.js": "chart.umd.min.js",
  // The minified build names its source map; collectstatic's manifest storage follows that
  // reference and fails when the map is missing, so it is copied beside it.
  "chart.js/dist/chart.umd.min.js.map": "chart.umd.min.js.map",
  "tus-js-client/dist/tus.min.js": "tus.min.js",
};
// The typeface of exported PDFs (exports/pdf.py): WeasyPrint embeds it, so a PDF looks the same anywhere.
for (const subset of ["latin", "latin-ext"]) {
  for (const weight of ["400", "700"]) {
    const name = `noto-sans-${subset}-${weight}-normal.woff`;
    files[`@fontsource/noto-sans/files/${name}`] = `fonts/${name}`;
  }
}

mkdirSync(vendor, { recursive: true });
mkdirSync(join(vendor, "fonts"), { recursive: true });
for (const [source, target] of Object.entries(files)) {
  copyFileSync(join(root, "node_modules", source), join(vendor, target));
}
console.log(`copied ${Object.keys(files).length} files into static/vendor/`);
