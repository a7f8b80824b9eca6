// Write a brotli (.br) and a gzip (.gz) copy beside each text file of the built site, and
// beside the Python runtime, for hosts that serve such copies with Content-Encoding.
//
//   node tools/precompress.mjs <site-dir> <cache-dir>
//
// Maximum compression is slow (the 9.6 MB .wasm takes most of a minute), so results are
// kept in <cache-dir> by the content's SHA-256 and a rebuild compresses only what changed.
// A copy is written only when it saves at least a tenth of the file, and copies an earlier
// build left (of a file now too small, or no longer in the site) are removed: a host would
// send them in place of the file.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const COMPRESSIBLE = new Set([
  ".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".xml", ".md", ".ipynb",
  ".wasm", ".zip", ".ttf", ".eot", ".ico", ".webmanifest",
]);
const SMALLEST = 1024;
const ENCODINGS = {
  br: (data) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gz: (data) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
};

const [site, cache] = process.argv.slice(2);
if (!cache) {
  console.error("usage: node tools/precompress.mjs <site-dir> <cache-dir>");
  process.exit(2);
}
mkdirSync(cache, { recursive: true });
let written = 0;
let compressed = 0;
const all = files(site);
const suffixes = Object.keys(ENCODINGS).map((suffix) => `.${suffix}`);
for (const path of all) {
  const original = path.slice(0, -extname(path).length);
  const copy = suffixes.includes(extname(path)) && COMPRESSIBLE.has(extname(original));
  if (copy && !existsSync(original)) rmSync(path); // of a file the site no longer has
}
await Promise.all(all.filter((path) => COMPRESSIBLE.has(extname(path))).map(precompress));
console.log(`precompressed ${written} files (${compressed} not in the cache)`);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

async function precompress(path) {
  const data = readFileSync(path);
  if (data.length < SMALLEST) {
    for (const suffix of Object.keys(ENCODINGS)) rmSync(`${path}.${suffix}`, { force: true });
    return;
  }
  const key = createHash("sha256").update(data).digest("hex");
  for (const [suffix, compress] of Object.entries(ENCODINGS)) {
    const cached = join(cache, `${key}.${suffix}`);
    let copy;
    if (existsSync(cached)) {
      copy = readFileSync(cached);
    } else {
      copy = await compress(data);
      writeFileSync(cached, copy);
      compressed += 1;
    }
    if (copy.length <= data.length * 0.9) {
      writeFileSync(`${path}.${suffix}`, copy);
      written += 1;
    } else {
      rmSync(`${path}.${suffix}`, { force: true }); // left by an earlier build
    }
  }
}
