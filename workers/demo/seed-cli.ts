// `npm run demo:seed -w @twinspect/workers` — the start command runs this once the API is up:
// uploads the demo image set into Demo Lab (as its editor) and waits until the running workers
// have scored and verified it, so the triage queue shows flagged pairs within a minute of starting.
import { loadConfig } from '@twinspect/config';
import { createProducer } from '@twinspect/jobs';
import { createPrismaClient } from '@twinspect/prisma';
import { DEMO_MEMBERS, DEMO_ORG } from '@twinspect/prisma/seed';
import { createStorage } from '@twinspect/storage';
import { repoRoot } from '../start-workers.ts';
import { seedDemoImageSet } from './seed-demo-set.ts';

const config = loadConfig();
const prisma = createPrismaClient(config.DATABASE_URL, { poolSize: 2 });
const producer = createProducer(config.REDIS_URL);
const say = (line: string) => console.log(`[demo] ${line}`);
try {
  const org = await prisma.organization.findUnique({ where: { slug: DEMO_ORG.slug } });
  if (!org) throw new Error(`organization ${DEMO_ORG.slug} is not seeded (run npm run db:seed)`);
  const editorEmail = DEMO_MEMBERS.find((m) => m.role === 'EDITOR')?.email ?? '';
  const editor = await prisma.user.findUnique({ where: { email: editorEmail } });
  const { setId, created } = await seedDemoImageSet(
    { prisma, storage: createStorage(config, repoRoot), producer },
    { orgId: org.id, uploadedById: editor?.id ?? null, maxBytes: config.UPLOAD_MAX_BYTES },
  );
  say(
    created ? `uploaded the demo image set (${setId})` : `demo image set already there (${setId})`,
  );
  const started = Date.now();
  let scored = false;
  for (;;) {
    const set = await prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (set.status === 'READY' && !scored) {
      scored = true;
      say(
        set.pairsToVerify > 0
          ? `scored in ${seconds} s: ${set.pairsScored} pairs; checking ${set.pairsToVerify} by keypoints`
          : `scored in ${seconds} s: ${set.pairsScored} pairs, ${set.pairsFlagged} flagged for review`,
      );
    }
    if (set.status === 'READY' && set.pairsVerified >= set.pairsToVerify) {
      if (set.pairsToVerify > 0)
        say(
          `verified in ${seconds} s: ${set.pairsVerified} pairs checked by keypoints, ${set.pairsFlagged} flagged for review`,
        );
      break;
    }
    if (set.status === 'FAILED') {
      say(`scoring failed: ${set.error ?? 'unknown reason'}`);
      break;
    }
    if (Date.now() - started > 120_000) {
      say(
        `still ${set.status.toLowerCase()} after 2 minutes (${set.imagesIngested}/${set.imagesTotal} ingested, ${set.imagesEmbedded} embedded, ${set.pairsVerified}/${set.pairsToVerify} pairs verified); is a worker running?`,
      );
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  await producer.close();
  await prisma.$disconnect();
}
