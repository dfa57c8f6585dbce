#!/usr/bin/env bash
# Drafts a migration offline: the SQL that takes the database from schema.prisma as of a git
# revision (default HEAD) to schema.prisma in the working tree.
#   bash prisma/scripts/draft-migration.sh add_image_notes [BASE_REV]
# Prisma 7's CLI needs a schema-engine download for `migrate diff`; Prisma 6.19's JS engine does
# not, so it is installed into a temp folder (never a project dependency) and used for the diff
# only. Review the SQL, add what Prisma cannot express (CHECKs, partial indexes, triggers) by hand,
# then `npm run db:migrate` applies it.
set -euo pipefail
name="${1:?usage: draft-migration.sh <snake_case_name> [base-rev]}"
base="${2:-HEAD}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tool="${TMPDIR:-/tmp}/twinspect-prisma6"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$tool/node_modules/.bin/prisma" ]; then
  mkdir -p "$tool"
  (cd "$tool" && echo '{"name":"twinspect-prisma6","private":true}' > package.json \
    && npm install --no-audit --no-fund --silent prisma@6.19.3 @prisma/adapter-pg@6.19.3 pg@8.23.1)
fi

# Prisma 6 wants the classic generator and a url in the datasource block; the diff ignores both.
to_v6() {
  sed -e '/^generator client {/,/^}/c\generator client {\n  provider = "prisma-client-js"\n}' \
      -e 's#^  provider = "postgresql"$#  provider = "postgresql"\n  url      = "postgresql://localhost/unused"#'
}
git -C "$here" show "$base:prisma/schema.prisma" | to_v6 > "$work/from.prisma"
to_v6 < "$here/schema.prisma" > "$work/to.prisma"
cat > "$work/prisma.config.ts" <<'TS'
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'to.prisma',
  async adapter() { return new PrismaPg({ connectionString: process.env.DIFF_DATABASE_URL }); },
} as never);
TS
ln -s "$tool/node_modules" "$work/node_modules"
out="$here/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
# The JS engine opens a connection even for a schema-to-schema diff; nothing is written.
export DIFF_DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
sql="$(cd "$work" && PRISMA_QUERY_ENGINE_LIBRARY="$(command -v node)" PRISMA_SCHEMA_ENGINE_BINARY="$(command -v node)" \
  PRISMA_HIDE_UPDATE_MESSAGE=1 ./node_modules/.bin/prisma migrate diff \
  --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script)"
if [ -z "$(printf '%s' "$sql" | grep -v '^--' | tr -d '[:space:]')" ]; then
  echo "schema.prisma has no change against $base: nothing to migrate." >&2
  exit 1
fi
mkdir -p "$out"
printf '%s\n' "$sql" > "$out/migration.sql"
echo "wrote ${out#"$here/"}/migration.sql — review it, then: npm run db:migrate"
