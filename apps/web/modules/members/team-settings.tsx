'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { VIEWER_KEY } from '../auth/use-viewer';
import { describeError, request } from '../graphql/request';
import { updateOrganizationSettingsMutation } from './queries';

/** How many independent labels a pair needs before it counts as agreed (or goes to an editor). */
export function TeamSettings({ annotationsRequired }: { annotationsRequired: number }) {
  const [value, setValue] = useState(String(annotationsRequired));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      request(updateOrganizationSettingsMutation, {
        input: { annotationsRequired: Number(value) },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      void queryClient.invalidateQueries({ queryKey: VIEWER_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
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
    </form>
  );
}
