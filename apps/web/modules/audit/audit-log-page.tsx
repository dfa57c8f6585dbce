'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditLogFilter } from '../graphql/generated/graphql';
import { request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { membersQuery } from '../members/queries';
import { formatDateTime } from '../ui/format';
import { SelectField } from '../ui/select-field';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { auditLogQuery } from './queries';

/** Action families the API writes; a prefix ending in a dot matches the whole family. */
const ACTIONS = [
  'auth.',
  'member.',
  'organization.',
  'image_set.',
  'decision.',
  'annotation.',
  'model.',
  'training.',
  'api_token.',
];
const TARGET_TYPES = [
  'ImageSet',
  'Image',
  'Pair',
  'Membership',
  'Invitation',
  'ModelVersion',
  'TrainingRun',
  'ApiToken',
];

function Details({ data }: { data: unknown }) {
  if (data == null || (typeof data === 'object' && Object.keys(data).length === 0))
    return <span className="muted">—</span>;
  return (
    <details>
      <summary>details</summary>
      <pre className="mono audit-data">{JSON.stringify(data, null, 2)}</pre>
    </details>
  );
}

export function AuditLogPage() {
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [targetType, setTargetType] = useState('');
  const [since, setSince] = useState('');
  const members = useQuery({ queryKey: ['members'], queryFn: () => request(membersQuery) });
  const filter: AuditLogFilter = {
    ...(action ? { action } : {}),
    ...(actorId ? { actorId } : {}),
    ...(targetType ? { targetType } : {}),
    ...(since ? { since: new Date(since).toISOString() } : {}),
  };
  const log = useInfiniteQuery({
    queryKey: ['auditLog', filter],
    queryFn: ({ pageParam }) => request(auditLogQuery, { filter, first: 50, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.auditLog.pageInfo.hasNextPage ? last.auditLog.pageInfo.endCursor : undefined,
    placeholderData: (previous) => previous,
  });
  const rows =
    log.data?.pages.flatMap((page) => page.auditLog.edges.map((edge) => edge.node)) ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        subtitle="Every sign-in, upload, label, decision and role change, newest first. Entries cannot be edited."
      />
      <form
        className="filters card"
        aria-label="Audit log filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Action"
          value={action}
          onChange={setAction}
          anyLabel="All actions"
          options={ACTIONS.map((value) => ({ value, label: `${value}*` }))}
        />
        <SelectField
          label="Who"
          value={actorId}
          onChange={setActorId}
          anyLabel="Anyone"
          options={(members.data?.organization?.members ?? []).map((member) => ({
            value: member.user.id,
            label: member.user.name,
          }))}
        />
        <SelectField
          label="Target"
          value={targetType}
          onChange={setTargetType}
          anyLabel="Any target"
          options={TARGET_TYPES.map((value) => ({ value, label: value }))}
        />
        <label className="field">
          <span>Since</span>
          <input type="date" value={since} onChange={(event) => setSince(event.target.value)} />
        </label>
      </form>
      <section className="card" style={{ padding: 0 }} aria-label="Audit entries">
        {log.isPending ? (
          <div style={{ padding: 16 }}>
            <LoadingState label="Loading the audit log" rows={6} />
          </div>
        ) : log.isError ? (
          <ErrorState error={log.error} onRetry={() => log.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No entries match">Widen the filters to see more.</EmptyState>
        ) : (
          <table className="table table--compact">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={entry.id}>
                  <td className="muted" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(entry.createdAt)}
                  </td>
                  <td>
                    {entry.actor?.name ?? entry.actorEmail ?? 'system'}
                    {entry.apiTokenId && <span className="muted"> (API token)</span>}
                  </td>
                  <td className="mono">{entry.action}</td>
                  <td>
                    {entry.targetType}
                    {entry.targetId && (
                      <span className="muted mono"> {entry.targetId.slice(0, 8)}</span>
                    )}
                  </td>
                  <td>
                    <Details data={entry.data} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.hasNextPage && (
          <div style={{ padding: 12 }}>
            <button
              type="button"
              className="btn"
              onClick={() => log.fetchNextPage()}
              disabled={log.isFetchingNextPage}
            >
              {log.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
