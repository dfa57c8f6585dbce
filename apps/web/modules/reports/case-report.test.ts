import { describe, expect, it } from 'vitest';
import { type CaseReport, caseReportToCsv, csvCell, reportFileStem } from './case-report';

const report: CaseReport = {
  generatedAt: '2026-01-02T03:04:05.000Z',
  generatedBy: 'Edith <e@x.test>',
  organization: 'Demo Lab',
  set: {
    id: 'set-1',
    name: 'MS 42 / Fig. 3',
    description: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    images: 3,
    failedImages: 0,
  },
  model: { name: 'bta-1', threshold: 0.5 },
  summary: {
    flaggedPairs: 1,
    confirmedDuplicates: 1,
    notDuplicates: 0,
    needsDiscussion: 0,
    undecided: 0,
  },
  pairs: [
    {
      rank: 1,
      pairId: 'p1',
      imageA: { id: 'a', name: 'a.png', thumbnailUrl: null },
      imageB: { id: 'b', name: 'b, "copy".png', thumbnailUrl: null },
      score: 0.98765,
      modelScore: 0.91234,
      inliers: 57,
      status: 'DECIDED',
      verdict: 'CONFIRMED_DUPLICATE',
      modelVersion: 'bta-1',
      threshold: 0.5,
      confirmedLabel: null,
      decisions: [
        {
          verdict: 'CONFIRMED_DUPLICATE',
          comment: '=HYPERLINK("x")',
          editor: 'Edith',
          editorEmail: 'e@x.test',
          decidedAt: '2026-01-02T00:00:00.000Z',
        },
      ],
    },
  ],
};

describe('case report CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(null)).toBe('');
  });

  it('writes one row per pair with the latest decision, who and when', () => {
    const lines = caseReportToCsv(report).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `1,p1,a.png,"b, ""copy"".png",0.9877,bta-1,0.5000,0.9123,57,DECIDED,CONFIRMED_DUPLICATE,Edith <e@x.test>,2026-01-02T00:00:00.000Z,"'=HYPERLINK(""x"")",`,
    );
  });

  it('names the file after the set', () => {
    expect(reportFileStem(report)).toBe('twinspect-case-report-ms-42-fig-3');
  });
});
