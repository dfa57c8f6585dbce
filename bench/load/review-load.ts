// Load benchmark (on demand, not in CI): 200 concurrent reviewers against a database holding
// 100,000 pairs, over loopback, for 60 s:
//
//   npm run load -w @twinspect/bench                     # or: nice -n 10 npx tsx bench/load/review-load.ts
//   npx tsx bench/load/review-load.ts --connections 200 --duration 60 --images 448 --pool 20 --rate 0
//   npx tsx bench/load/review-load.ts --think 5     # reviewers pausing 5 s on average (README)
//
// --pool is the API's connection_limit (DATABASE_URL); --rate is requests per second per
// reviewer, fractions allowed (0.5: one request every 2 s; set per kind with autocannon's
// overallRate); 0, the default, sends the next request as soon as the last is answered: 200
// requests always in flight, no reviewer ever reads or thinks.
// --think S drives the reviewers without autocannon instead: each one alone, sending a request,
// reading the answer, then pausing a random think time (exponential, mean S seconds) before the
// next, so arrivals are spread as real reviewers' are (autocannon's rates fire each second's
// requests together).
//
// It creates a database of its own (dropped at the end), seeds one organization with 200
// reviewers and 448 READY images (100,128 pairs), starts the real API (src/main.ts, a process of
// its own) and drives it with autocannon: reviewers reading their triage queue, opening pairs,
// posting annotations, and editors posting decisions. It prints throughput, p50/p95/p99 per
// kind of request, errors, and checks that the annotations and decisions in the database equal
// the writes the API acknowledged.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient } from '@twinspect/prisma';
import { seedOrganization } from '@twinspect/prisma/seed';
import { createTestDatabase, GraphQLTestClient, seedSyntheticPairs } from '@twinspect/testing';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONNECTIONS = arg('connections', 200);
const DURATION = arg('duration', 60);
const IMAGES = arg('images', 448);
const POOL = arg('pool', 20);
const RATE = arg('rate', 0);
const THINK = arg('think', 0);
const PASSWORD = 'load-test-password';
const TARGET_P99_MS = 200;

/** How the 200 reviewers split: most read their queue and open pairs, some label, a few decide. */
const MIX = { queue: 0.35, open: 0.3, annotate: 0.25, decide: 0.1 } as const;
type Kind = keyof typeof MIX;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const db = await createTestDatabase('twinspect_load');
const prisma = createPrismaClient(db.url, { poolSize: 4 });
let api: ChildProcess | undefined;
try {
  console.log(`seeding ${CONNECTIONS} reviewers and ${IMAGES} images …`);
  const members = Array.from({ length: CONNECTIONS }, (_, i) => ({
    email: `reviewer-${i}@load.test`,
    name: `Reviewer ${i}`,
    role: (i < Math.ceil(CONNECTIONS * MIX.decide) ? 'EDITOR' : 'ANNOTATOR') as
      | 'EDITOR'
      | 'ANNOTATOR',
  }));
  let orgId = '';
  for (let i = 0; i < members.length; i += 25) {
    const seeded = await seedOrganization(prisma, {
      name: 'Load Lab',
      slug: 'load-lab',
      password: PASSWORD,
      members: members.slice(i, i + 25),
    });
    orgId = seeded.org.id;
  }
  const editor = await prisma.user.findUniqueOrThrow({ where: { email: 'reviewer-0@load.test' } });
  const model = await prisma.modelVersion.create({
    data: {
      orgId,
      name: 'load-model',
      artifactDir: 'none',
      manifest: {},
      threshold: 0.5,
      status: 'ACTIVE',
      active: true,
    },
  });
  const started = Date.now();
  const { pairs } = await seedSyntheticPairs(prisma, {
    orgId,
    createdById: editor.id,
    modelVersionId: model.id,
    images: IMAGES,
  });
  console.log(`${pairs} pairs seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Statistics for the planner now, as a live database has them, rather than an autovacuum
  // pass over 100,000 fresh rows in the middle of the measurement.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const pairIds = (await prisma.pair.findMany({ select: { id: true } })).map((p) => p.id);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  api = spawn(
    process.execPath,
    [
      // e.g. LOAD_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API.
      ...(process.env.LOAD_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(here, '../../apps/api/src/main.ts'),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SIGNING_SECRET: 'load-benchmark-signing-secret-0123456789',
        LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'fatal',
        DATABASE_URL: `${db.url}${db.url.includes('?') ? '&' : '?'}connection_limit=${POOL}`,
        REDIS_URL: process.env.LOAD_REDIS_URL ?? 'redis://127.0.0.1:6379/14',
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        LOGIN_RATE_LIMIT_MAX: '100000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 300) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  // One session per reviewer.
  const cookies: string[] = [];
  for (const member of members) {
    const client = new GraphQLTestClient(url);
    await client.login(member.email, PASSWORD);
    cookies.push(client.cookie ?? '');
  }
  const editors = members.filter((m) => m.role === 'EDITOR').length;

  const acknowledged = { annotations: new Set<string>(), decisions: new Set<string>() };
  const graphqlErrors: Record<Kind, number> = { queue: 0, open: 0, annotate: 0, decide: 0 };
  const random = () => pairIds[Math.floor(Math.random() * pairIds.length)] as string;
  const QUERIES: Record<
    Kind,
    (client: number) => { query: string; variables?: Record<string, unknown> }
  > = {
    queue: () => ({
      query:
        'query Q { pairs(first: 50, filter: { unlabelledByMe: true, status: [OPEN] }) { totalCount edges { node { id score flagged imageA { id thumbnailUrl } imageB { id thumbnailUrl } } } pageInfo { endCursor hasNextPage } } }',
    }),
    open: () => ({
      query:
        'query P($id: ID!) { pair(id: $id) { id score status flagged annotationCount imageA { id originalName width height displayUrl } imageB { id originalName width height displayUrl } annotations { id label alterations } decisions { id verdict } } }',
      variables: { id: random() },
    }),
    annotate: () => ({
      query:
        'mutation A($id: ID!) { recordAnnotation(input: { pairId: $id, label: SAME, alterations: [CROP] }) { annotation { id } } }',
      variables: { id: random() },
    }),
    decide: () => ({
      query:
        'mutation D($id: ID!) { recordDecision(input: { pairIds: [$id], verdict: NEEDS_DISCUSSION }) { decisions { id } } }',
      variables: { id: random() },
    }),
  };

  /** Counts GraphQL errors and the writes the API acknowledged, from one answer. */
  const record = (kind: Kind, status: number, body: string) => {
    if (status !== 200) return;
    const parsed = JSON.parse(body) as {
      errors?: unknown[];
      data?: {
        recordAnnotation?: { annotation: { id: string } };
        recordDecision?: { decisions: { id: string }[] };
      };
    };
    if (parsed.errors?.length) {
      graphqlErrors[kind]++;
      return;
    }
    // One annotation per (pair, reviewer): a repeat returns the same id.
    const annotation = parsed.data?.recordAnnotation?.annotation.id;
    if (annotation) acknowledged.annotations.add(annotation);
    for (const d of parsed.data?.recordDecision?.decisions ?? []) acknowledged.decisions.add(d.id);
  };

  // One autocannon instance per kind of request, all at once, so each reports its own latency.
  const split: Record<Kind, number[]> = { queue: [], open: [], annotate: [], decide: [] };
  members.forEach((member, i) => {
    if (member.role === 'EDITOR') split.decide.push(i);
  });
  const rest = members.map((_, i) => i).filter((i) => i >= editors);
  const nQueue = Math.round(CONNECTIONS * MIX.queue);
  const nOpen = Math.round(CONNECTIONS * MIX.open);
  split.queue = rest.slice(0, nQueue);
  split.open = rest.slice(nQueue, nQueue + nOpen);
  split.annotate = rest.slice(nQueue + nOpen);

  console.log(
    `driving ${CONNECTIONS} reviewers for ${DURATION} s (${THINK > 0 ? `each alone, thinking ${THINK} s on average between requests` : RATE > 0 ? `${RATE} req/s each` : 'no pause between requests'}; API pool ${POOL} connections): ${Object.entries(
      split,
    )
      .map(([k, v]) => `${k} ${v.length}`)
      .join(', ')}`,
  );
  /** One line of the table per kind of request, however the load was driven. */
  interface Row {
    kind: Kind;
    requests: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
    /** Failed requests (no answer, non-2xx, GraphQL errors) and what they were. */
    errors: number;
    detail: string;
    /** Requests whose answer never came: their write may have committed. */
    unanswered: number;
  }

  const driveWithAutocannon = async (): Promise<Row[]> => {
    const runs = (Object.keys(split) as Kind[]).map((kind) => {
      const users = split[kind];
      let nextClient = 0;
      return new Promise<[Kind, autocannon.Result]>((resolve, reject) => {
        autocannon(
          {
            url: `${url}/graphql`,
            connections: users.length,
            duration: DURATION,
            // Paced: the kind's reviewers together send RATE requests per second each (autocannon's
            // connectionRate takes whole numbers only, so the pace is set across the connections).
            ...(RATE > 0 ? { overallRate: Math.max(1, Math.round(users.length * RATE)) } : {}),
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-twinspect-csrf': '1' },
            setupClient: (client) => {
              const reviewer = users[nextClient++ % users.length] as number;
              client.setHeaders({
                'content-type': 'application/json',
                'x-twinspect-csrf': '1',
                cookie: cookies[reviewer] as string,
              });
            },
            requests: [
              {
                setupRequest: (request) => ({ ...request, body: JSON.stringify(QUERIES[kind](0)) }),
                onResponse: (status, body) => record(kind, status, body),
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve([kind, result])),
        );
      });
    });
    return (await Promise.all(runs)).map(([kind, r]) => ({
      kind,
      requests: r.requests.total,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      max: r.latency.max,
      // autocannon's `errors` already include its `timeouts`.
      errors: r.errors + r.non2xx + graphqlErrors[kind],
      detail: `${r.timeouts} timeouts, ${r.non2xx} non-2xx, ${r.errors - r.timeouts} socket, ${graphqlErrors[kind]} GraphQL`,
      // Plus one in flight per connection when the run ended.
      unanswered: r.errors + r.non2xx + split[kind].length,
    }));
  };

  /** Each reviewer on its own: request, answer, think (exponential, mean THINK s), again. */
  const driveReviewers = async (): Promise<Row[]> => {
    const until = performance.now() + DURATION * 1000;
    const pause = () =>
      new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * THINK * 1000));
    const rows = (Object.keys(split) as Kind[]).map(async (kind): Promise<Row> => {
      const latencies: number[] = [];
      let failed = 0;
      await Promise.all(
        split[kind].map(async (reviewer) => {
          await pause();
          while (performance.now() < until) {
            const started = performance.now();
            try {
              const res = await fetch(`${url}/graphql`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  'x-twinspect-csrf': '1',
                  cookie: cookies[reviewer] as string,
                },
                body: JSON.stringify(QUERIES[kind](reviewer)),
                signal: AbortSignal.timeout(10_000),
              });
              const body = await res.text();
              latencies.push(performance.now() - started);
              if (res.status !== 200) failed++;
              record(kind, res.status, body);
            } catch {
              failed++;
            }
            await pause();
          }
        }),
      );
      latencies.sort((x, y) => x - y);
      const at = (q: number) =>
        Math.round(
          latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0,
        );
      return {
        kind,
        requests: latencies.length + failed,
        p50: at(0.5),
        p90: at(0.9),
        p97_5: at(0.975),
        p99: at(0.99),
        max: at(1),
        errors: failed + graphqlErrors[kind],
        detail: `${failed} without a 200 answer, ${graphqlErrors[kind]} GraphQL`,
        // Every reviewer waits for its last answer (or its 10 s timeout) before the run ends.
        unanswered: failed,
      };
    });
    return Promise.all(rows);
  };

  // Warm-up, not measured: the API loads and compiles each resolver's code on its first request.
  for (const kind of Object.keys(split) as Kind[]) {
    for (let i = 0; i < 10; i++) {
      const reviewer = split[kind][i % split[kind].length] as number;
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-twinspect-csrf': '1',
          cookie: cookies[reviewer] as string,
        },
        body: JSON.stringify(
          kind === 'queue' || kind === 'open' ? QUERIES[kind](reviewer) : QUERIES.open(reviewer),
        ),
      }).then((r) => r.text());
    }
  }
  const results = THINK > 0 ? await driveReviewers() : await driveWithAutocannon();
  // Requests are sent during DURATION; the reviewers' last answers may come just after it.
  const seconds = DURATION;

  // Errors: non-2xx, socket errors and timeouts plus GraphQL errors in 200 answers.
  // autocannon has no p95: p90 and p97.5 bracket it.
  console.log(
    '\n| requests | reviewers | req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | max ms | errors | p99 target |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let total = 0;
  for (const r of results) {
    total += r.requests;
    const target =
      r.kind === 'queue' || r.kind === 'annotate'
        ? `< ${TARGET_P99_MS} ms: ${r.p99 < TARGET_P99_MS ? 'met' : 'missed'}`
        : '-';
    console.log(
      `| ${r.kind} | ${split[r.kind].length} | ${(r.requests / seconds).toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p97_5} | ${r.p99} | ${r.max} | ${r.errors}${r.errors ? ` (${r.detail})` : ''} | ${target} |`,
    );
  }
  console.log(
    `total: ${total} requests in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(0)} req/s)`,
  );

  // The database holds every acknowledged write, and nothing else but writes whose answer never
  // came: autocannon gave up after its 10 s timeout, or the run ended with the request in flight
  // (one per reviewer at most), while the transaction went on to commit.
  const unanswered = Object.fromEntries(results.map((r) => [r.kind, r.unanswered])) as Record<
    Kind,
    number
  >;
  const check = async (
    what: string,
    ids: Set<string>,
    count: (ids?: string[]) => Promise<number>,
    kind: Kind,
  ) => {
    const inDb = await count();
    const kept = await count([...ids]);
    const extra = inDb - ids.size;
    const verdict =
      kept === ids.size && extra === 0
        ? 'equal'
        : kept === ids.size && extra <= unanswered[kind]
          ? `none lost; ${extra} more committed unanswered (timed out, or in flight when the run ended: at most ${unanswered[kind]})`
          : 'DIFFERENT';
    console.log(
      `${what} in the database: ${inDb}; acknowledged: ${ids.size}, of which in the database: ${kept} → ${verdict}`,
    );
  };
  await check(
    'annotations',
    acknowledged.annotations,
    (ids) => prisma.annotation.count({ where: { orgId, ...(ids ? { id: { in: ids } } : {}) } }),
    'annotate',
  );
  await check(
    'decisions',
    acknowledged.decisions,
    (ids) => prisma.decision.count({ where: { orgId, ...(ids ? { id: { in: ids } } : {}) } }),
    'decide',
  );
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api?.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  await prisma.$disconnect();
  await db.drop();
}
