// Encoder throughput: onnxruntime-node against PyTorch on the same model, threads and images.
//   npx tsx bench/encoder.ts [--model DIR] [--images 256] [--batch 32] [--threads 2] [--checkpoint PT]
// Both sides get the identical preprocessed tensors (decoded once here and written to a file);
// only the encoder forward pass is timed, after a warm-up batch. PyTorch uses the training code's
// Encoder with the manifest's config, eval mode, inference_mode; with --checkpoint it loads the
// trained weights and also reports how far its embeddings are from ORT's. Target: ORT ≥ 1.3×.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeToModelInput, embed, loadModel } from '@twinspect/inference';
import { benchArgs, benchImages, fmt, runPython, table, verdict } from './common.ts';

const args = benchArgs({
  images: { type: 'string', default: '256' },
  batch: { type: 'string', default: '32' },
  repeats: { type: 'string', default: '3' },
  checkpoint: { type: 'string' },
});
const count = Number(args.opt('images'));
const batch = Number(args.opt('batch'));
const model = await loadModel(args.modelDir, { threads: args.threads });
const files = benchImages(count);

let t = performance.now();
const inputs: Float32Array[] = [];
for (const f of files) inputs.push(await decodeToModelInput(f, model.manifest));
const decodeSeconds = (performance.now() - t) / 1000;

await embed(model, inputs.slice(0, batch), { batchSize: batch }); // warm-up

const dir = tmpdir();
const per = 3 * model.size * model.size;
const stacked = new Float32Array(inputs.length * per);
for (const [i, x] of inputs.entries()) stacked.set(x, i * per);
const inputFile = path.join(dir, 'twinspect-bench-inputs.f32');
const ortFile = path.join(dir, 'twinspect-bench-ort.f32');
writeFileSync(inputFile, stacked);
// ORT and PyTorch alternate, best of --repeats each: the machine is shared (a training job may be
// running), and alternating exposes both to the same background load.
const repeats = Number(args.opt('repeats'));
let ortSeconds = Number.POSITIVE_INFINITY;
let torch = {
  images_per_s: 0,
  seconds: Number.POSITIVE_INFINITY,
  max_abs_diff: null as number | null,
  weights: '',
};
for (let r = 0; r < repeats; r++) {
  t = performance.now();
  const ort = await embed(model, inputs, { batchSize: batch });
  ortSeconds = Math.min(ortSeconds, (performance.now() - t) / 1000);
  writeFileSync(ortFile, ort.data);
  const run = runPython<{
    images_per_s: number;
    seconds: number;
    max_abs_diff: number | null;
    weights: string;
  }>(args.python, 'torch_encoder.py', [
    '--manifest',
    path.join(args.modelDir, 'manifest.json'),
    '--inputs',
    inputFile,
    '--ort',
    ortFile,
    '--batch',
    String(batch),
    '--threads',
    String(args.threads),
    ...(args.opt('checkpoint') ? ['--checkpoint', args.opt('checkpoint')] : []),
  ]);
  if (run.seconds < torch.seconds) torch = run;
}
await model.release();

const ortRate = files.length / ortSeconds;
const ratio = ortRate / torch.images_per_s;
console.log(
  `Encoder: ${model.version} (${model.size} px, D=${model.dim}), ${files.length} bio-dev images, batch ${batch}, ${args.threads} threads`,
);
console.log(
  table([
    ['path', 'images/s', 'seconds'],
    [
      'decode + preprocess (sharp + Pillow-exact resize)',
      fmt(files.length / decodeSeconds),
      fmt(decodeSeconds, 2),
    ],
    ['onnxruntime-node encoder', fmt(ortRate), fmt(ortSeconds, 2)],
    [`PyTorch ${torch.weights} encoder`, fmt(torch.images_per_s), fmt(torch.seconds, 2)],
  ]),
);
console.log(`ratio ORT / PyTorch: ${fmt(ratio, 2)}× (target ≥ 1.3×: ${verdict(ratio >= 1.3)})`);
if (torch.max_abs_diff !== null)
  console.log(`max |ORT − PyTorch| embedding difference: ${torch.max_abs_diff.toExponential(2)}`);
