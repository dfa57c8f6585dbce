import { describe, expect, it } from 'vitest';
import { ingestJobId, scoreJobId, ZIngestJob, ZScoreSetJob } from '../src/index.ts';

const ids = {
  orgId: '11111111-1111-4111-8111-111111111111',
  setId: '22222222-2222-4222-8222-222222222222',
  imageId: '33333333-3333-4333-8333-333333333333',
};

describe('job contracts', () => {
  it('validates payloads at the edge: ids, never bytes', () => {
    expect(ZIngestJob.parse({ kind: 'image', ...ids })).toEqual({ kind: 'image', ...ids });
    expect(ZIngestJob.safeParse({ kind: 'image', ...ids, imageId: 'not-a-uuid' }).success).toBe(
      false,
    );
    expect(ZIngestJob.safeParse({ kind: 'pdf', ...ids }).success).toBe(false);
    expect(
      ZScoreSetJob.safeParse({ orgId: ids.orgId, setId: ids.setId, generation: -1 }).success,
    ).toBe(false);
  });

  it('derives job ids from the work, so enqueueing twice queues once', () => {
    const image = { kind: 'image' as const, ...ids };
    expect(ingestJobId(image)).toBe(ingestJobId({ ...image }));
    expect(ingestJobId(image)).toBe(`ingest-image-${ids.imageId}`);
    const archive = {
      kind: 'archive' as const,
      orgId: ids.orgId,
      setId: ids.setId,
      archiveKey: 'uploads/a/b/c.zip',
      archiveName: 'c.zip',
      uploadedById: null,
    };
    expect(ingestJobId(archive)).toBe(ingestJobId({ ...archive, archiveName: 'renamed.zip' }));
    expect(ingestJobId(archive)).not.toBe(
      ingestJobId({ ...archive, archiveKey: 'uploads/a/b/d.zip' }),
    );
    const score = { orgId: ids.orgId, setId: ids.setId, generation: 10 };
    expect(scoreJobId(score)).toBe(`score-${ids.setId}-active-10`);
    expect(scoreJobId({ ...score, generation: 11 })).not.toBe(scoreJobId(score));
    // BullMQ ids must not contain ':' (its key separator).
    for (const id of [ingestJobId(image), ingestJobId(archive), scoreJobId(score)])
      expect(id).not.toContain(':');
  });
});
