'use client';

import Link from 'next/link';
import { useViewer } from '../auth/use-viewer';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { TableCard } from '../ui/table-card';
import { annotatorAgreement, pairAgrees, percent } from './agreement';
import { useConsensusPairs } from './use-consensus-pairs';

/** How consistent the labels are: per annotator, and per pair with its outcome. */
export function AgreementPage() {
  const { data: viewer } = useViewer();
  const pairs = useConsensusPairs({
    status: ['IN_ANNOTATION', 'NEEDS_ADJUDICATION', 'CONFIRMED_SAME', 'CONFIRMED_DIFFERENT'],
  });
  const labelled = pairs.data ?? [];
  const rows = annotatorAgreement(labelled);
  const compared = labelled.filter((pair) => pairAgrees(pair) !== null);
  const agreeing = compared.filter((pair) => pairAgrees(pair));
  return (
    <div className="page">
      <PageHeader
        title="Agreement"
        subtitle={`Each pair needs ${viewer?.activeOrganization?.annotationsRequired ?? 2} annotations. Only agreed or adjudicated labels count as confirmed.`}
      />
      {pairs.isPending ? (
        <LoadingState label="Computing agreement" rows={6} />
      ) : pairs.isError ? (
        <ErrorState error={pairs.error} onRetry={() => pairs.refetch()} />
      ) : labelled.length === 0 ? (
        <div className="card">
          <EmptyState title="No labels yet">
            Agreement appears once annotators have labelled flagged pairs.
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="stat-row" style={{ marginBottom: 16 }}>
            <div className="stat">
              <div className="stat__value">{labelled.length}</div>
              <div className="stat__label">Pairs with labels</div>
            </div>
            <div className="stat">
              <div className="stat__value">{percent(agreeing.length, compared.length)}</div>
              <div className="stat__label">Pairs in agreement</div>
            </div>
            <div className="stat">
              <div className="stat__value">
                {labelled.filter((p) => p.status === 'NEEDS_ADJUDICATION').length}
              </div>
              <div className="stat__label">Awaiting adjudication</div>
            </div>
          </div>
          <TableCard title="Per annotator">
            <table className="table">
              <thead>
                <tr>
                  <th>Annotator</th>
                  <th>Labels</th>
                  <th>Agrees with confirmed label</th>
                  <th>Agrees with peers</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.name}</td>
                    <td>{row.annotations}</td>
                    <td>
                      {percent(row.matched, row.judged)}{' '}
                      <span className="muted">
                        ({row.matched}/{row.judged})
                      </span>
                    </td>
                    <td>
                      {percent(row.agreedWithPeers, row.compared)}{' '}
                      <span className="muted">
                        ({row.agreedWithPeers}/{row.compared})
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableCard>
          <TableCard title="Per pair">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th>Pair</th>
                  <th>Labels</th>
                  <th>Agreement</th>
                  <th>Outcome</th>
                </tr>
              </thead>
              <tbody>
                {labelled.map((pair) => {
                  const agrees = pairAgrees(pair);
                  return (
                    <tr key={pair.id}>
                      <td>
                        <Link href={`/pairs/${pair.id}`}>
                          {pair.imageA.originalName} ↔ {pair.imageB.originalName}
                        </Link>
                      </td>
                      <td>
                        {pair.annotations.map((annotation) => (
                          <span
                            key={annotation.id}
                            title={annotation.annotator.name}
                            style={{ marginRight: 4 }}
                          >
                            <Badge
                              value={annotation.label}
                              label={`${annotation.annotator.name}: ${annotation.label.toLowerCase()}`}
                            />
                          </span>
                        ))}
                      </td>
                      <td>
                        {agrees === null ? (
                          <span className="muted">waiting</span>
                        ) : agrees ? (
                          'Agree'
                        ) : (
                          'Disagree'
                        )}
                      </td>
                      <td>
                        <Badge value={pair.status} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableCard>
        </>
      )}
    </div>
  );
}
