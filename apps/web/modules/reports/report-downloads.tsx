'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useViewer } from '../auth/use-viewer';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import type { ImageSetQuery } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { imageSetQuery } from '../image-sets/queries';
import { buildCaseReport, type CaseReport, caseReportToCsv, reportFileStem } from './case-report';
import { downloadBlob } from './download';
import { caseReportPairsQuery } from './queries';

type Format = 'pdf' | 'json' | 'csv';

async function loadReport(
  setId: string,
  set: NonNullable<ImageSetQuery['imageSet']>,
  organization: string,
  generatedBy: string,
) {
  const pairs = await fetchAllPages(async (after) => {
    const page = await request(caseReportPairsQuery, { setId, after });
    return { nodes: page.pairs.edges.map((edge) => edge.node), ...page.pairs.pageInfo };
  }, 5000);
  return buildCaseReport({ set, pairs, organization, generatedBy });
}

async function save(report: CaseReport, format: Format) {
  const stem = reportFileStem(report);
  if (format === 'json') {
    downloadBlob(JSON.stringify(report, null, 2), 'application/json', `${stem}.json`);
  } else if (format === 'csv') {
    downloadBlob(caseReportToCsv(report), 'text/csv;charset=utf-8', `${stem}.csv`);
  } else {
    // pdf-lib is only needed here: load it on demand.
    const { renderCaseReportPdf } = await import('./render-pdf');
    const bytes = await renderCaseReportPdf(report);
    downloadBlob(bytes.slice().buffer, 'application/pdf', `${stem}.pdf`);
  }
}

/** Exports the set's findings: flagged pairs, scores, decisions with who and when, the model. */
export function ReportDownloads({ setId }: { setId: string; setName?: string }) {
  const queryClient = useQueryClient();
  const { data: viewer } = useViewer();
  const exportReport = useMutation({
    mutationFn: async (format: Format) => {
      const { imageSet } = await queryClient.fetchQuery({
        queryKey: ['imageSet', setId],
        queryFn: () => request(imageSetQuery, { id: setId }),
      });
      if (!imageSet) throw new Error('The set no longer exists');
      const report = await loadReport(
        setId,
        imageSet,
        viewer?.activeOrganization?.name ?? '',
        viewer ? `${viewer.user.name} <${viewer.user.email}>` : '',
      );
      await save(report, format);
    },
  });
  return (
    <fieldset className="report-downloads">
      <legend className="muted">Case report:</legend>
      {(['pdf', 'json', 'csv'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="btn"
          disabled={exportReport.isPending}
          onClick={() => exportReport.mutate(format)}
        >
          {exportReport.isPending && exportReport.variables === format
            ? 'Preparing…'
            : format.toUpperCase()}
        </button>
      ))}
      {exportReport.isError && (
        <span className="form-error" role="alert">
          {describeError(exportReport.error)}
        </span>
      )}
    </fieldset>
  );
}
