'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ModelVersionFieldsFragment } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { TableCard } from '../ui/table-card';
import { metric } from './format-training';
import { setActiveModelVersionMutation } from './queries';
import { VersionComparison } from './version-comparison';

/** Every version with its gate metrics; pick two to compare, activate or roll back any. */
export function VersionRegistry({
  versions,
  active,
}: {
  versions: ModelVersionFieldsFragment[];
  active: ModelVersionFieldsFragment | null;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const activate = useMutation({
    mutationFn: (id: string) =>
      request(setActiveModelVersionMutation, { input: { modelVersionId: id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['modelsDashboard'] }),
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  // Default comparison: the newest version against the active one.
  const [a, b] = picked.length
    ? picked.map((id) => byId.get(id))
    : [versions[0], active && active.id !== versions[0]?.id ? active : versions[1]];
  const toggle = (id: string) =>
    setPicked((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2),
    );
  return (
    <>
      <TableCard title="Versions">
        <table className="table table--compact" data-testid="version-table">
          <thead>
            <tr>
              <th>Compare</th>
              <th>Version</th>
              <th>Status</th>
              <th>Held-out acc. / AUC</th>
              <th>Standard acc. / AUC</th>
              <th>Created</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${version.name}`}
                    checked={picked.includes(version.id)}
                    onChange={() => toggle(version.id)}
                  />
                </td>
                <td className="mono">
                  {version.name}
                  {!version.isOrganizationModel && <span className="muted"> (platform)</span>}
                </td>
                <td>
                  <Badge
                    value={version.active ? 'READY' : version.status}
                    label={version.active ? 'Active' : undefined}
                  />
                </td>
                <td>
                  {metric(version.heldOutMetrics?.accuracy)} / {metric(version.heldOutMetrics?.auc)}
                </td>
                <td>
                  {metric(version.standardMetrics?.accuracy)} /{' '}
                  {metric(version.standardMetrics?.auc)}
                </td>
                <td>{formatDateTime(version.createdAt)}</td>
                <td>
                  {!version.active &&
                    (version.isOrganizationModel || version.status === 'ACTIVE') && (
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={activate.isPending}
                        onClick={() => activate.mutate(version.id)}
                      >
                        {active && new Date(version.createdAt) < new Date(active.createdAt)
                          ? 'Roll back'
                          : 'Activate'}
                      </button>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {activate.isError && (
          <p className="form-error" role="alert">
            {describeError(activate.error)}
          </p>
        )}
      </TableCard>
      {a && <VersionComparison left={a} right={b ?? undefined} />}
    </>
  );
}
