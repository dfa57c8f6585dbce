'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { describeError, request } from '../graphql/request';
import { createImageSetMutation } from './queries';

/** Names a new case; the set page that follows takes the upload. */
export function CreateImageSetForm({ onCancel }: { onCancel?: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      request(createImageSetMutation, {
        input: { name: name.trim(), description: description.trim() || null },
      }),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: ['imageSets'] });
      router.push(`/sets/${data.createImageSet.imageSet.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-set-title">
      <h2 id="new-set-title">New image set</h2>
      <p className="muted">One set per manuscript or investigation. You upload its images next.</p>
      <label className="field">
        <span>Name</span>
        <input
          type="text"
          required
          maxLength={200}
          placeholder="e.g. MS-2026-0412 figures"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Description (optional)</span>
        <textarea
          maxLength={2000}
          placeholder="Journal, manuscript id, what prompted the check"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      {create.isError && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
      <div className="toolbar">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending || !name.trim()}
        >
          {create.isPending ? 'Creating…' : 'Create set'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
