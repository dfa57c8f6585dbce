import { parseArgs } from 'node:util';
import { FLAG_PREVALENCE_RANGE, isInferenceError } from '@twinspect/inference';
import { compareImages } from './compare-images.ts';
import { formatScan, type OutputFormat, summarizeScan } from './format.ts';
import { openModel } from './resolve-model.ts';
import { scanFolder } from './scan-folder.ts';

const USAGE = `Usage:
  twinspect compare <image-a> <image-b> [--model DIR] [--flag-prevalence P] [--json]
  twinspect scan <folder> [--format table|json|csv] [--top N] [--model DIR] [--flag-prevalence P]

Options:
  --model DIR     a model folder (default: the single folder in models/)
  --threads N     onnxruntime intra-op threads (default 2)
  --cuda          run the model on CUDA (needs onnxruntime-node's CUDA build)
  --format F      scan output: table (default), json or csv
  --top N         scan: list the N best pairs (default 20; 0 lists every kept pair)
  --json          compare: print JSON
  --flag-prevalence P
                  flag where a pair is more likely a copy than not when P of candidate pairs
                  are copies (${FLAG_PREVALENCE_RANGE.min}-${FLAG_PREVALENCE_RANGE.max}; default: the model's, 0.02 for the
                  shipped one); higher finds more copies and more look-alikes
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs one command; returns the exit code (0 ok, 1 flagged pair found by compare, 2 error). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const modelArgs = {
    ...(values.model ? { model: values.model } : {}),
    ...(values.threads ? { threads: Number(values.threads) } : {}),
    ...(values.cuda ? { executionProvider: 'cuda' as const } : {}),
  };
  try {
    const flagging = flagOptions(values['flag-prevalence']);
    if (command === 'compare') {
      if (rest.length !== 2) throw new UsageError('compare takes two images');
      const model = await openModel(modelArgs);
      const result = await compareImages(model, rest[0] as string, rest[1] as string, flagging);
      await model.release();
      if (values.json) io.out(`${JSON.stringify(result)}\n`);
      else {
        io.out(
          `score ${result.score.toFixed(4)} (threshold ${result.threshold}, ${result.model})\n` +
            `model score ${result.modelScore.toFixed(4)}, ${result.inliers === null ? 'not verified' : `${result.inliers} keypoint matches`}\n` +
            `${result.flagged ? 'FLAGGED: likely the same image, possibly altered' : 'not flagged: likely different images'}\n`,
        );
      }
      return 0;
    }
    if (command === 'scan') {
      if (rest.length !== 1) throw new UsageError('scan takes one folder');
      const format = (values.format ?? 'table') as OutputFormat;
      if (!['table', 'json', 'csv'].includes(format))
        throw new UsageError(`unknown --format ${format}`);
      const top = values.top === undefined ? 20 : Number(values.top);
      if (!Number.isInteger(top) || top < 0) throw new UsageError('--top must be a whole number');
      const model = await openModel(modelArgs);
      const result = await scanFolder(model, rest[0] as string, { top, ...flagging });
      await model.release();
      io.out(formatScan(result, format));
      io.err(summarizeScan(result));
      return 0;
    }
    throw new UsageError(`unknown command ${command}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isInferenceError(error)) {
      io.err(`twinspect: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}

function flagOptions(value: string | undefined): { flagPrevalence?: number } {
  if (value === undefined) return {};
  const p = Number(value);
  if (!(p >= FLAG_PREVALENCE_RANGE.min && p <= FLAG_PREVALENCE_RANGE.max))
    throw new UsageError(
      `--flag-prevalence must be between ${FLAG_PREVALENCE_RANGE.min} and ${FLAG_PREVALENCE_RANGE.max}`,
    );
  return { flagPrevalence: p };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: 'string' },
      threads: { type: 'string' },
      cuda: { type: 'boolean' },
      format: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      'flag-prevalence': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
