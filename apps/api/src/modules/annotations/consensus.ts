import type {
  Alteration,
  AnnotationLabel,
  ConfirmedLabelValue,
  PairStatus,
} from '@twinspect/prisma';

export interface ConsensusInput {
  labels: { label: AnnotationLabel; alterations: Alteration[] }[];
  required: number;
}

export type Consensus =
  | { status: 'OPEN' | 'IN_ANNOTATION' | 'NEEDS_ADJUDICATION' }
  | {
      status: Extract<PairStatus, 'CONFIRMED_SAME' | 'CONFIRMED_DIFFERENT'>;
      label: ConfirmedLabelValue;
      alterations: Alteration[];
    };

/**
 * A pair is confirmed when it has the required number of annotations and they all say SAME, or
 * all say DIFFERENT. Any disagreement, or an UNSURE, sends it to an editor to adjudicate.
 */
export function computeConsensus({ labels, required }: ConsensusInput): Consensus {
  if (labels.length === 0) return { status: 'OPEN' };
  if (labels.length < required) return { status: 'IN_ANNOTATION' };
  const distinct = new Set(labels.map((l) => l.label));
  const [only] = distinct;
  if (distinct.size !== 1 || only === 'UNSURE' || only === undefined)
    return { status: 'NEEDS_ADJUDICATION' };
  const alterations =
    only === 'SAME' ? [...new Set(labels.flatMap((l) => l.alterations))].sort() : [];
  return {
    status: only === 'SAME' ? 'CONFIRMED_SAME' : 'CONFIRMED_DIFFERENT',
    label: only,
    alterations,
  };
}
