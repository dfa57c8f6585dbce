import type { AnnotationLabel, ConfirmedLabelValue } from '../graphql/generated/graphql';

export interface AgreementPair {
  id: string;
  annotations: { label: AnnotationLabel; annotator: { id: string; name: string } }[];
  confirmedLabel?: { label: ConfirmedLabelValue } | null;
}

export interface AnnotatorAgreement {
  id: string;
  name: string;
  annotations: number;
  /** Pairs with a confirmed label that this annotator labelled. */
  judged: number;
  /** Of `judged`, how many matched the confirmed label (UNSURE never matches). */
  matched: number;
  /** Labels shared with another annotator on the same pair, and how many agreed. */
  compared: number;
  agreedWithPeers: number;
}

/** True when every annotation says the same, and that is not UNSURE. */
export function pairAgrees(pair: AgreementPair): boolean | null {
  if (pair.annotations.length < 2) return null;
  const labels = new Set(pair.annotations.map((annotation) => annotation.label));
  return labels.size === 1 && !labels.has('UNSURE');
}

/**
 * Per-annotator agreement: with the final (agreed or adjudicated) label, and pairwise with the
 * other annotators of the same pairs. Sorted by name.
 */
export function annotatorAgreement(pairs: readonly AgreementPair[]): AnnotatorAgreement[] {
  const rows = new Map<string, AnnotatorAgreement>();
  for (const pair of pairs) {
    for (const annotation of pair.annotations) {
      const row = rows.get(annotation.annotator.id) ?? {
        id: annotation.annotator.id,
        name: annotation.annotator.name,
        annotations: 0,
        judged: 0,
        matched: 0,
        compared: 0,
        agreedWithPeers: 0,
      };
      row.annotations += 1;
      if (pair.confirmedLabel) {
        row.judged += 1;
        if (annotation.label === pair.confirmedLabel.label) row.matched += 1;
      }
      for (const other of pair.annotations) {
        if (other === annotation) continue;
        row.compared += 1;
        if (other.label === annotation.label && annotation.label !== 'UNSURE')
          row.agreedWithPeers += 1;
      }
      rows.set(row.id, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
