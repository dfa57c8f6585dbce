'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { VIEWER_KEY } from '../auth/use-viewer';
import type { UpdateOrganizationSettingsInput } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { formatPercent } from '../ui/format';
import { updateOrganizationSettingsMutation } from './queries';

/** Saves one team setting; what a form shows of it is SaveStatus. */
function useSaveSettings(input: () => UpdateOrganizationSettingsInput) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => request(updateOrganizationSettingsMutation, { input: input() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      void queryClient.invalidateQueries({ queryKey: VIEWER_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return { save, submit };
}

function SaveStatus({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  return (
    <>
      {save.isError && (
        <p className="form-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
      {save.isSuccess && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
    </>
  );
}

/** How many independent labels a pair needs before it counts as agreed (or goes to an editor). */
export function TeamSettings({ annotationsRequired }: { annotationsRequired: number }) {
  const [value, setValue] = useState(String(annotationsRequired));
  const { save, submit } = useSaveSettings(() => ({ annotationsRequired: Number(value) }));
  return (
    <form className="card" onSubmit={submit} aria-labelledby="settings-title">
      <h2 id="settings-title">Consensus</h2>
      <div className="form-row">
        <label className="field">
          <span>Annotations each pair needs</span>
          <input
            type="number"
            min={1}
            max={5}
            step={1}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            style={{ width: 100 }}
          />
        </label>
        <div className="field">
          <button
            type="submit"
            className="btn"
            disabled={save.isPending || Number(value) === annotationsRequired}
          >
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
        <p className="muted" style={{ flex: 1, minWidth: 240 }}>
          A pair is confirmed when that many annotators agree; any disagreement goes to an editor.
          Applies to labels recorded from now on.
        </p>
      </div>
      <SaveStatus save={save} />
    </form>
  );
}

/** The shares of copies among candidate pairs a team can flag at (API bounds: 0.001-0.4). */
const PREVALENCES = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2];

/**
 * Flag sensitivity: the share of candidate pairs the team expects to be copies. A verified pair
 * is flagged where it is more likely a copy than not at that share; "" is the model's own.
 */
export function FlagSensitivity({
  flagPrevalence,
  model,
}: {
  flagPrevalence: number | null;
  model: {
    name: string;
    flagPrevalence: number | null;
    verifiedThreshold: number | null;
    flagSensitivity: {
      prevalence: number;
      threshold: number;
      recall: number;
      falseFlags: number;
      negatives: number;
    }[];
  } | null;
}) {
  const current = flagPrevalence === null ? '' : String(flagPrevalence);
  const [value, setValue] = useState(current);
  const { save, submit } = useSaveSettings(() => ({
    flagPrevalence: value === '' ? null : Number(value),
  }));
  const choices = [
    ...new Set([...PREVALENCES, ...(flagPrevalence === null ? [] : [flagPrevalence])]),
  ];
  return (
    <form className="card" onSubmit={submit} aria-labelledby="flag-sensitivity-title">
      <h2 id="flag-sensitivity-title">Flag sensitivity</h2>
      <div className="form-row">
        <label className="field">
          <span>Expected share of copies among candidate pairs</span>
          <select value={value} onChange={(event) => setValue(event.target.value)}>
            <option value="">
              The model’s own
              {model?.flagPrevalence != null ? ` (${formatPercent(model.flagPrevalence)})` : ''}
            </option>
            {choices
              .sort((x, y) => x - y)
              .map((p) => (
                <option key={p} value={String(p)}>
                  {formatPercent(p)}
                </option>
              ))}
          </select>
        </label>
        <div className="field">
          <button type="submit" className="btn" disabled={save.isPending || value === current}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
        <p className="muted" style={{ flex: 1, minWidth: 240 }}>
          A verified pair is flagged where it is more likely a copy than not when this share of
          candidate pairs are copies. A higher share finds more copies and flags more look-alikes.
          Saving re-flags the team's verified pairs at once; a pair already annotated or decided
          keeps its flag.
          {model?.verifiedThreshold != null &&
            ` Flag threshold of ${model.name} now: ${model.verifiedThreshold.toFixed(3)}.`}
        </p>
      </div>
      {model && model.flagSensitivity.length > 0 && (
        <table className="table" aria-label="What each share flags">
          <caption className="muted">
            What each share flags on {model.name}’s validation pairs (both protocols, 40 % copies):
          </caption>
          <thead>
            <tr>
              <th scope="col">Share of copies</th>
              <th scope="col">Flag threshold</th>
              <th scope="col">Copies flagged</th>
              <th scope="col">Other pairs flagged</th>
            </tr>
          </thead>
          <tbody>
            {model.flagSensitivity.map((row) => {
              const chosen = Number(value === '' ? model.flagPrevalence : value) === row.prevalence;
              return (
                <tr key={row.prevalence} aria-current={chosen ? 'true' : undefined}>
                  <td>
                    {chosen ? (
                      <strong>{formatPercent(row.prevalence)}</strong>
                    ) : (
                      formatPercent(row.prevalence)
                    )}
                  </td>
                  <td className="mono">{row.threshold.toFixed(3)}</td>
                  <td>{formatPercent(row.recall)}</td>
                  <td>
                    {row.falseFlags} of {row.negatives}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <SaveStatus save={save} />
    </form>
  );
}
