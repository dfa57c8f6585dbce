// npm run db:seed — seeds the demo organizations into DATABASE_URL (idempotent).
import { loadConfig } from '@twinspect/config';
import { createPrismaClient } from '../client.ts';
import { describeDemoLogins, seedDemo } from './demo.ts';

const config = loadConfig();
const prisma = createPrismaClient(config.DATABASE_URL);
try {
  await seedDemo(prisma, { password: config.DEMO_PASSWORD });
  console.log(describeDemoLogins(config.DEMO_PASSWORD));
} finally {
  await prisma.$disconnect();
}
