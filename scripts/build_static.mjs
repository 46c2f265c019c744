// Copies the browser builds of our npm dependencies into static/vendor/, which is never committed.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "static", "vendor");
const files = {
  "htmx.org/dist/htmx.min.js": "htmx.min.js",
  "chart.js/dist/chart.umd.min.js": "chart.umd.min.js",
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
// A minified build may name its source map (`//# sourceMappingURL=…`); collectstatic's manifest
// storage follows that reference and fails when the map is missing (production then serves an
// empty 500 on every page), so every map a copied script names is copied beside it.
const SOURCE_MAP = /\/\/# sourceMappingURL=([^\s]+)\s*$/;
for (const [source, target] of Object.entries(files)) {
  const from = join(root, "node_modules", source);
  copyFileSync(from, join(vendor, target));
  if (!source.endsWith(".js")) continue;
  const named = readFileSync(from, "utf8").match(SOURCE_MAP);
  if (named && !named[1].startsWith("data:")) {
    const map = join(dirname(from), named[1]);
    if (!existsSync(map)) throw new Error(`${source} names ${named[1]}, which is not in the package`);
    copyFileSync(map, join(dirname(join(vendor, target)), named[1]));
    files[`${source} (its source map)`] = named[1];
  }
}
console.log(`copied ${Object.keys(files).length} files into static/vendor/`);
