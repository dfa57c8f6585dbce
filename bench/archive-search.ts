// Archive candidate search: a new 100-image set against 1,000,000 stored embeddings.
//   npx tsx bench/archive-search.ts [--count 1000000] [--dim 256] [--queries 100] [--k 20]
//       [--library usearch|hnswlib] [--hnswlib-path DIR] [--threads 2]
// Synthetic embeddings with structure like a real archive: 20,000 "experiments" (cluster centres)
// with images scattered around them, on a 32-d manifold in D dimensions; queries are perturbed
// copies of archive images (a reused figure) or fresh images of a known experiment. Reports build
// time, time per new image, recall@k of the ANN candidates against exact (brute-force cosine)
// search, and the exact search's own time for comparison. --index-file saves the built usearch
// index and reuses it on the next run (the data are seeded, so they match). Targets: ≤ 50 ms per image, recall@20 ≥ 0.95.
// hnswlib-node is not a dependency (its native build needs node-gyp); to compare it, build it
// once elsewhere and pass --hnswlib-path <folder of the package>.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fmt, table, verdict } from './common.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    dim: { type: 'string', default: '256' },
    queries: { type: 'string', default: '100' },
    k: { type: 'string', default: '20' },
    library: { type: 'string', default: 'usearch' },
    'hnswlib-path': { type: 'string' },
    threads: { type: 'string', default: '2' },
    ef: { type: 'string', default: '128' },
    latent: { type: 'string', default: '32' },
    quantization: { type: 'string', default: 'f32' },
    'index-file': { type: 'string' },
  },
});
const count = Number(values.count);
const dim = Number(values.dim);
const nq = Number(values.queries);
const k = Number(values.k);
const threads = Number(values.threads);
const ef = Number(values.ef);
const require = createRequire(import.meta.url);

let seed = 7;
const rand = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

// Learned embeddings lie near a low-dimensional manifold: points are drawn in a 32-d latent space
// (experiments as cluster centres, images scattered around them), mapped to `dim` dimensions by a
// fixed random linear map, plus a little isotropic noise.
const LATENT = Number(values.latent);
let t = performance.now();
const map = new Float32Array(LATENT * dim);
for (let i = 0; i < map.length; i++) map[i] = gauss() / Math.sqrt(LATENT);
const centres = new Float32Array(20_000 * LATENT);
for (let i = 0; i < centres.length; i++) centres[i] = gauss();
const latent = new Float32Array(LATENT);
const embed = (out: Float32Array, offset: number) => {
  for (let d = 0; d < dim; d++) {
    let v = 0.05 * gauss();
    for (let l = 0; l < LATENT; l++) v += (latent[l] as number) * (map[l * dim + d] as number);
    out[offset + d] = v;
  }
};
const data = new Float32Array(count * dim);
const latents = new Float32Array(count * LATENT);
for (let i = 0; i < count; i++) {
  const c = Math.floor(rand() * 20_000) * LATENT;
  for (let l = 0; l < LATENT; l++) latent[l] = (centres[c + l] as number) + 0.5 * gauss();
  latents.set(latent, i * LATENT);
  embed(data, i * dim);
}
const queries = new Float32Array(nq * dim);
for (let q = 0; q < nq; q++) {
  // Half are altered copies of archive images, half new images of an archived experiment.
  const base = q % 2 === 0 ? Math.floor(rand() * count) * LATENT : -1;
  const c = Math.floor(rand() * 20_000) * LATENT;
  for (let l = 0; l < LATENT; l++) {
    latent[l] =
      base >= 0
        ? (latents[base + l] as number) + 0.1 * gauss()
        : (centres[c + l] as number) + 0.5 * gauss();
  }
  embed(queries, q * dim);
}
const genSeconds = (performance.now() - t) / 1000;

const usearch = require('usearch') as typeof import('usearch');
// Ground truth: brute-force cosine over everything (usearch's SIMD exact search).
t = performance.now();
const exact = usearch.exactSearch(
  data,
  queries,
  dim,
  k,
  usearch.MetricKind.Cos,
  threads,
) as import('usearch').BatchMatches;
const exactSeconds = (performance.now() - t) / 1000;

let buildSeconds: number;
let searchSeconds: number;
const found: bigint[][] = [];
if (values.library === 'usearch') {
  const index = new usearch.Index({
    dimensions: dim,
    metric: usearch.MetricKind.Cos,
    quantization: values.quantization as import('usearch').ScalarKind,
    connectivity: 16,
    expansion_add: 128,
    expansion_search: ef,
    multi: false,
  });
  t = performance.now();
  const file = values['index-file'];
  if (file && existsSync(file)) {
    index.load(file);
  } else {
    const keys = new BigUint64Array(count);
    for (let i = 0; i < count; i++) keys[i] = BigInt(i);
    index.add(keys, data, threads);
    if (file) index.save(file);
  }
  buildSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  // One query at a time, as the score worker does per new image.
  for (let q = 0; q < nq; q++) {
    const m = index.search(queries.subarray(q * dim, (q + 1) * dim), k, 1);
    found.push(Array.from(m.keys));
  }
  searchSeconds = (performance.now() - t) / 1000;
} else {
  const lib = require(String(values['hnswlib-path'] ?? 'hnswlib-node')) as {
    HierarchicalNSW: new (
      space: string,
      dim: number,
    ) => {
      initIndex(max: number, m: number, efc: number, seed: number): void;
      addPoint(v: number[] | Float32Array, label: number): void;
      setEf(ef: number): void;
      searchKnn(v: number[] | Float32Array, k: number): { neighbors: number[] };
    };
  };
  const index = new lib.HierarchicalNSW('cosine', dim);
  t = performance.now();
  index.initIndex(count, 16, 128, 100);
  // hnswlib-node adds one point per call (single-threaded from JavaScript).
  for (let i = 0; i < count; i++)
    index.addPoint(Array.from(data.subarray(i * dim, (i + 1) * dim)), i);
  buildSeconds = (performance.now() - t) / 1000;
  index.setEf(ef);
  t = performance.now();
  for (let q = 0; q < nq; q++) {
    found.push(
      index
        .searchKnn(Array.from(queries.subarray(q * dim, (q + 1) * dim)), k)
        .neighbors.map(BigInt),
    );
  }
  searchSeconds = (performance.now() - t) / 1000;
}

let hits = 0;
for (let q = 0; q < nq; q++) {
  const truth = new Set(Array.from(exact.keys.subarray(q * k, (q + 1) * k)));
  for (const key of found[q] ?? []) if (truth.has(key)) hits++;
}
const recall = hits / (nq * k);
const perImageMs = (searchSeconds * 1000) / nq;
console.log(
  `Archive search: ${values.library}, ${count.toLocaleString('en-US')} × ${dim}-d embeddings, ${nq} new images, k=${k}, ef=${ef}, latent ${LATENT}-d, ${values.quantization}, ${threads} threads (generation ${fmt(genSeconds)} s)`,
);
console.log(
  table([
    ['step', 'value'],
    ['index build', `${fmt(buildSeconds)} s`],
    ['ANN search per new image', `${fmt(perImageMs, 2)} ms`],
    [`recall@${k} vs exact`, fmt(recall, 3)],
    [
      'exact search per new image (brute force, for comparison)',
      `${fmt((exactSeconds * 1000) / nq, 1)} ms`,
    ],
  ]),
);
console.log(
  `≤ 50 ms per image: ${verdict(perImageMs <= 50)}; recall@${k} ≥ 0.95: ${verdict(recall >= 0.95)}`,
);
