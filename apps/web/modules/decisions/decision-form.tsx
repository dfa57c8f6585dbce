'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Verdict } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { recordDecisionMutation } from '../pairs/queries';
import { isTypingOrModified } from '../pairs/viewer/viewer-shortcuts';
import { VERDICTS } from './verdicts';

/**
 * An editor's verdict with a comment, for one pair or every pair of a cluster at once
 * (the API records one Decision per pair, sharing a cluster id, and audits each).
 */
export function DecisionForm({
  pairIds,
  title = 'Decision',
  compact = false,
  keyboard = false,
  onDecided,
}: {
  pairIds: string[];
  title?: string;
  compact?: boolean;
  /** Binds 1/2/3 to the verdicts, c to the comment and Ctrl+Enter to submit (one form per page). */
  keyboard?: boolean;
  onDecided?: (verdict: Verdict) => void;
}) {
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [comment, setComment] = useState('');
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (chosen: Verdict) =>
      request(recordDecisionMutation, {
        input: { pairIds, verdict: chosen, comment: comment.trim() || null },
      }),
    onSuccess: (_data, chosen) => {
      setComment('');
      void queryClient.invalidateQueries({ queryKey: ['pairs'] });
      void queryClient.invalidateQueries({ queryKey: ['pair'] });
      void queryClient.invalidateQueries({ queryKey: ['setPairs'] });
      onDecided?.(chosen);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (verdict) record.mutate(verdict);
  };
  const commentRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!keyboard) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingOrModified(event)) return;
      const option = VERDICTS[Number(event.key) - 1];
      if (option) setVerdict(option.value);
      else if (event.key === 'c') commentRef.current?.focus();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [keyboard]);
  return (
    <form
      className={compact ? 'decision-form decision-form--compact' : 'decision-form'}
      onSubmit={submit}
    >
      <fieldset>
        <legend>{title}</legend>
        <div className="verdicts">
          {VERDICTS.map((option) => (
            <label key={option.value} className={`verdict verdict--${option.value.toLowerCase()}`}>
              <input
                type="radio"
                name={`${id}-verdict`}
                value={option.value}
                checked={verdict === option.value}
                onChange={() => setVerdict(option.value)}
              />
              <span>
                {keyboard && <kbd>{VERDICTS.indexOf(option) + 1}</kbd>}{' '}
                <strong>{option.label}</strong>
                {!compact && <span className="muted"> — {option.hint}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>Comment</span>
        <textarea
          ref={commentRef}
          value={comment}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && verdict)
              record.mutate(verdict);
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          maxLength={4000}
          placeholder="What you saw; this goes in the case report and the audit log"
          onChange={(event) => setComment(event.target.value)}
        />
      </label>
      {record.isError && (
        <p className="form-error" role="alert">
          {describeError(record.error)}
        </p>
      )}
      {record.isSuccess && (
        <p className="notice" role="status">
          Decision recorded{pairIds.length > 1 ? ` for ${pairIds.length} pairs` : ''}.
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={!verdict || record.isPending}>
        {record.isPending
          ? 'Recording…'
          : pairIds.length > 1
            ? `Record for ${pairIds.length} pairs`
            : 'Record decision'}
      </button>
    </form>
  );
}
