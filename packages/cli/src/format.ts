import type { ScanResult } from './scan-folder.ts';

export type OutputFormat = 'table' | 'json' | 'csv';

function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function formatScan(result: ScanResult, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') {
    const rows = [
      [
        'rank',
        'score',
        'model_score',
        'inliers',
        'flagged',
        'image_a',
        'image_b',
        'identical_bytes',
      ],
    ];
    for (const p of result.pairs) {
      rows.push([
        String(p.rank),
        p.score.toFixed(6),
        p.modelScore.toFixed(6),
        p.inliers === null ? '' : String(p.inliers),
        String(p.flagged),
        p.a,
        p.b,
        String(p.identicalBytes),
      ]);
    }
    return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
  }
  const header = ['#', 'score', 'model', 'matches', 'verdict', 'image A', 'image B'];
  const body = result.pairs.map((p) => [
    String(p.rank),
    p.score.toFixed(4),
    p.modelScore.toFixed(4),
    p.inliers === null ? '-' : String(p.inliers),
    p.identicalBytes ? 'IDENTICAL' : p.flagged ? 'FLAGGED' : '-',
    p.a,
    p.b,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i <= 3 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}

export function summarizeScan(result: ScanResult): string {
  const lines = [
    `${result.images} images, ${result.pairsScored.toLocaleString('en-US')} pairs scored in ${result.seconds.toFixed(1)} s with ${result.model}; ${result.flagged} flagged (score > ${result.threshold}).`,
  ];
  for (const f of result.failed) lines.push(`skipped ${f.file}: ${f.reason}`);
  return `${lines.join('\n')}\n`;
}
