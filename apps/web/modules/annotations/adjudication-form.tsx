'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Alteration, ConfirmedLabelValue } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { AlterationTags } from './alteration-tags';
import { adjudicatePairMutation } from './queries';

/** An editor settles a pair whose annotators disagreed: the label that retraining will use. */
export function AdjudicationForm({ pairId, onDone }: { pairId: string; onDone?: () => void }) {
  const [alterations, setAlterations] = useState<Alteration[]>([]);
  const [comment, setComment] = useState('');
  const queryClient = useQueryClient();
  const adjudicate = useMutation({
    mutationFn: (label: ConfirmedLabelValue) =>
      request(adjudicatePairMutation, {
        input: {
          pairId,
          label,
          alterations: label === 'SAME' ? alterations : [],
          comment: comment.trim() || null,
        },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['pair'] });
      void queryClient.invalidateQueries({ queryKey: ['pairs'] });
      onDone?.();
    },
  });
  return (
    <section className="adjudication" aria-labelledby={`adjudicate-${pairId}`}>
      <h3 id={`adjudicate-${pairId}`}>Adjudicate</h3>
      <p className="muted">The annotators disagree. Your label becomes the confirmed one.</p>
      <AlterationTags value={alterations} onChange={setAlterations} />
      <label className="field">
        <span>Comment</span>
        <textarea
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={4000}
        />
      </label>
      {adjudicate.isError && (
        <p className="form-error" role="alert">
          {describeError(adjudicate.error)}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="btn btn--danger"
          disabled={adjudicate.isPending}
          onClick={() => adjudicate.mutate('SAME')}
        >
          Confirm SAME
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={adjudicate.isPending}
          onClick={() => adjudicate.mutate('DIFFERENT')}
        >
          Confirm DIFFERENT
        </button>
      </div>
    </section>
  );
}
