import type { CaseReportPairsQuery, ImageSetQuery } from '../graphql/generated/graphql';
import { thumbnailSrc } from '../images/renditions';

type ReportPairNode = CaseReportPairsQuery['pairs']['edges'][number]['node'];
type ReportSet = NonNullable<ImageSetQuery['imageSet']>;

export interface CaseReportDecision {
  verdict: string;
  comment: string | null;
  editor: string;
  editorEmail: string;
  decidedAt: string;
}

export interface CaseReportPair {
  rank: number;
  pairId: string;
  imageA: { id: string; name: string; thumbnailUrl: string | null };
  imageB: { id: string; name: string; thumbnailUrl: string | null };
  /** The verified score when `inliers` is set, else the model's. */
  score: number;
  modelScore: number;
  /** Keypoint matches of geometric verification; null when not verified. */
  inliers: number | null;
  status: string;
  verdict: string | null;
  modelVersion: string;
  /** The threshold the score was judged against (the verified one for verified pairs). */
  threshold: number;
  confirmedLabel: string | null;
  decisions: CaseReportDecision[];
}

/** What an editor attaches to a manuscript decision; the PDF, JSON and CSV all render this. */
export interface CaseReport {
  generatedAt: string;
  generatedBy: string;
  organization: string;
  set: {
    id: string;
    name: string;
    description: string | null;
    createdAt: string;
    images: number;
    failedImages: number;
  };
  model: { name: string; threshold: number } | null;
  summary: {
    flaggedPairs: number;
    confirmedDuplicates: number;
    notDuplicates: number;
    needsDiscussion: number;
    undecided: number;
  };
  pairs: CaseReportPair[];
}

export function buildCaseReport(input: {
  set: ReportSet;
  pairs: ReportPairNode[];
  organization: string;
  generatedBy: string;
  now?: Date;
}): CaseReport {
  const pairs = [...input.pairs]
    .sort((a, b) => b.score - a.score)
    .map(
      (pair, index): CaseReportPair => ({
        rank: index + 1,
        pairId: pair.id,
        imageA: {
          id: pair.imageA.id,
          name: pair.imageA.originalName,
          thumbnailUrl: thumbnailSrc(pair.imageA),
        },
        imageB: {
          id: pair.imageB.id,
          name: pair.imageB.originalName,
          thumbnailUrl: thumbnailSrc(pair.imageB),
        },
        score: pair.score,
        modelScore: pair.modelScore ?? pair.score,
        inliers: pair.inliers ?? null,
        status: pair.status,
        verdict: pair.verdict ?? null,
        modelVersion: pair.modelVersion.name,
        threshold:
          pair.inliers != null && pair.modelVersion.verifiedThreshold != null
            ? pair.modelVersion.verifiedThreshold
            : pair.modelVersion.threshold,
        confirmedLabel: pair.confirmedLabel
          ? `${pair.confirmedLabel.label} (${pair.confirmedLabel.source.toLowerCase()})`
          : null,
        decisions: pair.decisions.map((decision) => ({
          verdict: decision.verdict,
          comment: decision.comment ?? null,
          editor: decision.editor.name,
          editorEmail: decision.editor.email,
          decidedAt: decision.createdAt,
        })),
      }),
    );
  const count = (verdict: string | null) => pairs.filter((pair) => pair.verdict === verdict).length;
  const model = input.set.modelVersion ?? input.pairs[0]?.modelVersion ?? null;
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    generatedBy: input.generatedBy,
    organization: input.organization,
    set: {
      id: input.set.id,
      name: input.set.name,
      description: input.set.description ?? null,
      createdAt: input.set.createdAt,
      images: input.set.progress.imagesTotal,
      failedImages: input.set.progress.imagesFailed,
    },
    model: model ? { name: model.name, threshold: model.threshold } : null,
    summary: {
      flaggedPairs: pairs.length,
      confirmedDuplicates: count('CONFIRMED_DUPLICATE'),
      notDuplicates: count('NOT_DUPLICATE'),
      needsDiscussion: count('NEEDS_DISCUSSION'),
      undecided: count(null),
    },
    pairs,
  };
}

const CSV_COLUMNS = [
  'rank',
  'pair_id',
  'image_a',
  'image_b',
  'score',
  'model_version',
  'threshold',
  'model_score',
  'keypoint_matches',
  'status',
  'verdict',
  'decided_by',
  'decided_at',
  'comment',
  'confirmed_label',
] as const;

/** RFC 4180 quoting; a leading =+-@ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per pair, with its latest decision (the JSON keeps the full history). */
export function caseReportToCsv(report: CaseReport): string {
  const rows = report.pairs.map((pair) => {
    const latest = pair.decisions[0];
    return [
      pair.rank,
      pair.pairId,
      pair.imageA.name,
      pair.imageB.name,
      pair.score.toFixed(4),
      pair.modelVersion,
      pair.threshold.toFixed(4),
      pair.modelScore.toFixed(4),
      pair.inliers,
      pair.status,
      pair.verdict,
      latest ? `${latest.editor} <${latest.editorEmail}>` : null,
      latest?.decidedAt ?? null,
      latest?.comment ?? null,
      pair.confirmedLabel,
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A filename-safe slug of the set's name. */
export const reportFileStem = (report: CaseReport) =>
  `twinspect-case-report-${
    report.set.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || report.set.id
  }`;
