'use client';

import { useQuery } from '@tanstack/react-query';
import type { PairStatus } from '../graphql/generated/graphql';
import { request } from '../graphql/request';
import { imageSetsQuery } from '../image-sets/queries';
import { humanize } from '../ui/format';
import { SelectField } from '../ui/select-field';
import { ALTERATIONS, PAIR_STATUSES, type QueueFilters } from './queue-filters';

export function QueueFilterBar({
  filters,
  onChange,
}: {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
}) {
  const sets = useQuery({
    queryKey: ['imageSets', 'options'],
    queryFn: () => request(imageSetsQuery, { first: 100 }),
  });
  const toggleStatus = (status: PairStatus) =>
    onChange({
      ...filters,
      statuses: filters.statuses.includes(status)
        ? filters.statuses.filter((s) => s !== status)
        : [...filters.statuses, status],
    });
  return (
    <form
      className="filters card"
      aria-label="Queue filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="filters__statuses">
        <legend>Status</legend>
        {PAIR_STATUSES.map((status) => (
          <label key={status} className="chip">
            <input
              type="checkbox"
              checked={filters.statuses.includes(status)}
              onChange={() => toggleStatus(status)}
            />
            {humanize(status)}
          </label>
        ))}
      </fieldset>
      {(['minScore', 'maxScore'] as const).map((bound) => (
        <label key={bound} className="field">
          <span>{bound === 'minScore' ? 'Min score' : 'Max score'}</span>
          <input
            type="number"
            step="0.01"
            min="0"
            max="1"
            style={{ width: 90 }}
            value={filters[bound]}
            onChange={(event) => onChange({ ...filters, [bound]: event.target.value })}
          />
        </label>
      ))}
      <SelectField
        label="Image set"
        value={filters.setId}
        onChange={(setId) => onChange({ ...filters, setId })}
        anyLabel="All sets"
        options={(sets.data?.imageSets.edges ?? []).map(({ node }) => ({
          value: node.id,
          label: node.name,
        }))}
      />
      <SelectField
        label="Alteration"
        value={filters.alteration}
        onChange={(alteration) =>
          onChange({ ...filters, alteration: alteration as QueueFilters['alteration'] })
        }
        anyLabel="Any"
        options={ALTERATIONS.map((alteration) => ({
          value: alteration,
          label: humanize(alteration),
        }))}
      />
      <label className="chip">
        <input
          type="checkbox"
          checked={filters.includeUnflagged}
          onChange={(event) => onChange({ ...filters, includeUnflagged: event.target.checked })}
        />
        Include pairs below threshold
      </label>
    </form>
  );
}
