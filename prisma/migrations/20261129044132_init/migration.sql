-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'ANNOTATOR');

-- CreateEnum
CREATE TYPE "ImageSetStatus" AS ENUM ('EMPTY', 'INGESTING', 'EMBEDDING', 'SCORING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "ImageStatus" AS ENUM ('PENDING', 'INGESTING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "PairScope" AS ENUM ('WITHIN_SET', 'ARCHIVE');

-- CreateEnum
CREATE TYPE "PairStatus" AS ENUM ('OPEN', 'IN_ANNOTATION', 'NEEDS_ADJUDICATION', 'CONFIRMED_SAME', 'CONFIRMED_DIFFERENT', 'DECIDED');

-- CreateEnum
CREATE TYPE "AnnotationLabel" AS ENUM ('SAME', 'DIFFERENT', 'UNSURE');

-- CreateEnum
CREATE TYPE "Alteration" AS ENUM ('CROP', 'ROTATION', 'FLIP', 'COLOUR', 'NOISE', 'OTHER');

-- CreateEnum
CREATE TYPE "ConfirmedLabelValue" AS ENUM ('SAME', 'DIFFERENT');

-- CreateEnum
CREATE TYPE "ConfirmedLabelSource" AS ENUM ('AGREED', 'ADJUDICATED');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('CONFIRMED_DUPLICATE', 'NOT_DUPLICATE', 'NEEDS_DISCUSSION');

-- CreateEnum
CREATE TYPE "ModelVersionStatus" AS ENUM ('CANDIDATE', 'ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "TrainingRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TrainingTrigger" AS ENUM ('MANUAL', 'SCHEDULE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "annotationsRequired" INTEGER NOT NULL DEFAULT 2,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "activeOrgId" UUID,
    "userAgent" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID NOT NULL,
    "acceptedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageSet" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "ImageSetStatus" NOT NULL DEFAULT 'EMPTY',
    "createdById" UUID,
    "modelVersionId" UUID,
    "imagesTotal" INTEGER NOT NULL DEFAULT 0,
    "imagesIngested" INTEGER NOT NULL DEFAULT 0,
    "imagesFailed" INTEGER NOT NULL DEFAULT 0,
    "imagesEmbedded" INTEGER NOT NULL DEFAULT 0,
    "pairsTotal" INTEGER NOT NULL DEFAULT 0,
    "pairsScored" INTEGER NOT NULL DEFAULT 0,
    "pairsFlagged" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "scoredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImageSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "originalName" TEXT NOT NULL,
    "contentHash" TEXT,
    "byteSize" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "format" TEXT,
    "bitDepth" INTEGER,
    "channels" INTEGER,
    "pages" INTEGER,
    "colourSpace" TEXT,
    "storageKey" TEXT,
    "thumbnailKey" TEXT,
    "displayKey" TEXT,
    "status" "ImageStatus" NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "duplicateOfId" UUID,
    "uploadedById" UUID,
    "ingestedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Embedding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "imageId" UUID NOT NULL,
    "modelVersionId" UUID NOT NULL,
    "dim" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Embedding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pair" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "imageAId" UUID NOT NULL,
    "imageBId" UUID NOT NULL,
    "modelVersionId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "scope" "PairScope" NOT NULL,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "status" "PairStatus" NOT NULL DEFAULT 'OPEN',
    "annotationCount" INTEGER NOT NULL DEFAULT 0,
    "verdict" "Verdict",
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Pair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "annotatorId" UUID NOT NULL,
    "label" "AnnotationLabel" NOT NULL,
    "alterations" "Alteration"[] DEFAULT ARRAY[]::"Alteration"[],
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfirmedLabel" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "imageAId" UUID NOT NULL,
    "imageBId" UUID NOT NULL,
    "label" "ConfirmedLabelValue" NOT NULL,
    "alterations" "Alteration"[] DEFAULT ARRAY[]::"Alteration"[],
    "source" "ConfirmedLabelSource" NOT NULL,
    "adjudicatorId" UUID,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConfirmedLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "clusterId" UUID,
    "editorId" UUID NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID,
    "name" TEXT NOT NULL,
    "parentId" UUID,
    "artifactDir" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "threshold" DOUBLE PRECISION NOT NULL,
    "status" "ModelVersionStatus" NOT NULL DEFAULT 'CANDIDATE',
    "active" BOOLEAN NOT NULL DEFAULT false,
    "dataSnapshot" JSONB,
    "activatedAt" TIMESTAMPTZ(3),
    "activatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID,
    "status" "TrainingRunStatus" NOT NULL DEFAULT 'QUEUED',
    "trigger" "TrainingTrigger" NOT NULL,
    "triggeredById" UUID,
    "baseModelVersionId" UUID,
    "modelVersionId" UUID,
    "params" JSONB NOT NULL DEFAULT '{}',
    "progress" JSONB NOT NULL DEFAULT '{}',
    "metrics" JSONB,
    "evaluation" JSONB,
    "dataSnapshot" JSONB,
    "log" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "jobId" TEXT,
    "cancelRequestedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TrainingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSchedule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cron" TEXT,
    "everyMinutes" INTEGER,
    "minNewLabels" INTEGER NOT NULL DEFAULT 50,
    "params" JSONB NOT NULL DEFAULT '{}',
    "updatedById" UUID,
    "lastCheckAt" TIMESTAMPTZ(3),
    "lastRunAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID,
    "actorId" UUID,
    "actorEmail" TEXT,
    "apiTokenId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_orgId_role_idx" ON "Membership"("orgId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_orgId_key" ON "Membership"("userId", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_orgId_idx" ON "ApiToken"("orgId");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_orgId_idx" ON "Invitation"("orgId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "ImageSet_orgId_createdAt_idx" ON "ImageSet"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ImageSet_id_orgId_key" ON "ImageSet"("id", "orgId");

-- CreateIndex
CREATE INDEX "Image_setId_status_idx" ON "Image"("setId", "status");

-- CreateIndex
CREATE INDEX "Image_orgId_contentHash_idx" ON "Image"("orgId", "contentHash");

-- CreateIndex
CREATE INDEX "Image_orgId_createdAt_idx" ON "Image"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Image_id_orgId_key" ON "Image"("id", "orgId");

-- CreateIndex
CREATE INDEX "Embedding_orgId_modelVersionId_idx" ON "Embedding"("orgId", "modelVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Embedding_imageId_modelVersionId_key" ON "Embedding"("imageId", "modelVersionId");

-- CreateIndex
CREATE INDEX "Pair_orgId_status_score_idx" ON "Pair"("orgId", "status", "score" DESC);

-- CreateIndex
CREATE INDEX "Pair_setId_score_idx" ON "Pair"("setId", "score" DESC);

-- CreateIndex
CREATE INDEX "Pair_imageBId_idx" ON "Pair"("imageBId");

-- CreateIndex
CREATE UNIQUE INDEX "Pair_imageAId_imageBId_modelVersionId_key" ON "Pair"("imageAId", "imageBId", "modelVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Pair_id_orgId_key" ON "Pair"("id", "orgId");

-- CreateIndex
CREATE INDEX "Annotation_orgId_annotatorId_idx" ON "Annotation"("orgId", "annotatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Annotation_pairId_annotatorId_key" ON "Annotation"("pairId", "annotatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ConfirmedLabel_pairId_key" ON "ConfirmedLabel"("pairId");

-- CreateIndex
CREATE INDEX "ConfirmedLabel_orgId_createdAt_idx" ON "ConfirmedLabel"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConfirmedLabel_pairId_orgId_key" ON "ConfirmedLabel"("pairId", "orgId");

-- CreateIndex
CREATE INDEX "Decision_orgId_createdAt_idx" ON "Decision"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_pairId_createdAt_idx" ON "Decision"("pairId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_clusterId_idx" ON "Decision"("clusterId");

-- CreateIndex
CREATE INDEX "ModelVersion_orgId_status_idx" ON "ModelVersion"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_orgId_name_key" ON "ModelVersion"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRun_modelVersionId_key" ON "TrainingRun"("modelVersionId");

-- CreateIndex
CREATE INDEX "TrainingRun_orgId_createdAt_idx" ON "TrainingRun"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSchedule_orgId_key" ON "TrainingSchedule"("orgId");

-- CreateIndex
CREATE INDEX "AuditLog_orgId_createdAt_idx" ON "AuditLog"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_orgId_action_idx" ON "AuditLog"("orgId", "action");

-- CreateIndex
CREATE INDEX "AuditLog_orgId_targetType_targetId_idx" ON "AuditLog"("orgId", "targetType", "targetId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_activeOrgId_fkey" FOREIGN KEY ("activeOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageSet" ADD CONSTRAINT "ImageSet_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageSet" ADD CONSTRAINT "ImageSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageSet" ADD CONSTRAINT "ImageSet_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_setId_orgId_fkey" FOREIGN KEY ("setId", "orgId") REFERENCES "ImageSet"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Embedding" ADD CONSTRAINT "Embedding_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Embedding" ADD CONSTRAINT "Embedding_imageId_orgId_fkey" FOREIGN KEY ("imageId", "orgId") REFERENCES "Image"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Embedding" ADD CONSTRAINT "Embedding_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_setId_orgId_fkey" FOREIGN KEY ("setId", "orgId") REFERENCES "ImageSet"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_imageAId_orgId_fkey" FOREIGN KEY ("imageAId", "orgId") REFERENCES "Image"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_imageBId_orgId_fkey" FOREIGN KEY ("imageBId", "orgId") REFERENCES "Image"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_pairId_orgId_fkey" FOREIGN KEY ("pairId", "orgId") REFERENCES "Pair"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmedLabel" ADD CONSTRAINT "ConfirmedLabel_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmedLabel" ADD CONSTRAINT "ConfirmedLabel_pairId_orgId_fkey" FOREIGN KEY ("pairId", "orgId") REFERENCES "Pair"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmedLabel" ADD CONSTRAINT "ConfirmedLabel_adjudicatorId_fkey" FOREIGN KEY ("adjudicatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_pairId_orgId_fkey" FOREIGN KEY ("pairId", "orgId") REFERENCES "Pair"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_activatedById_fkey" FOREIGN KEY ("activatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRun" ADD CONSTRAINT "TrainingRun_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRun" ADD CONSTRAINT "TrainingRun_triggeredById_fkey" FOREIGN KEY ("triggeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRun" ADD CONSTRAINT "TrainingRun_baseModelVersionId_fkey" FOREIGN KEY ("baseModelVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRun" ADD CONSTRAINT "TrainingRun_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSchedule" ADD CONSTRAINT "TrainingSchedule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSchedule" ADD CONSTRAINT "TrainingSchedule_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;


-- ─── Hand-written: what schema.prisma cannot express ────────────────────────────────────────────

-- Emails are stored lower-case, so the unique index is case-insensitive in effect.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));

-- At most one open invitation per organization and email.
CREATE UNIQUE INDEX "Invitation_open_orgId_email_key" ON "Invitation"("orgId", "email")
  WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL;

ALTER TABLE "Organization" ADD CONSTRAINT "Organization_annotationsRequired_positive"
  CHECK ("annotationsRequired" >= 1);

ALTER TABLE "ImageSet" ADD CONSTRAINT "ImageSet_counters_non_negative" CHECK (
  "imagesTotal" >= 0 AND "imagesIngested" >= 0 AND "imagesFailed" >= 0 AND "imagesEmbedded" >= 0
  AND "pairsTotal" >= 0 AND "pairsScored" >= 0 AND "pairsFlagged" >= 0
);

ALTER TABLE "Image" ADD CONSTRAINT "Image_contentHash_sha256_hex"
  CHECK ("contentHash" IS NULL OR "contentHash" ~ '^[0-9a-f]{64}$');

-- float32 little-endian: exactly dim * 4 bytes.
ALTER TABLE "Embedding" ADD CONSTRAINT "Embedding_vector_length"
  CHECK ("dim" > 0 AND octet_length("vector") = "dim" * 4);

-- One row per unordered pair: the smaller uuid is always image A.
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_imageA_lt_imageB" CHECK ("imageAId" < "imageBId");
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_annotationCount_non_negative" CHECK ("annotationCount" >= 0);
ALTER TABLE "ConfirmedLabel" ADD CONSTRAINT "ConfirmedLabel_imageA_lt_imageB"
  CHECK ("imageAId" < "imageBId");

-- At most one active model per organization, and one active platform model (orgId NULL).
CREATE UNIQUE INDEX "ModelVersion_one_active_per_org" ON "ModelVersion"("orgId") NULLS NOT DISTINCT
  WHERE "active";
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_active_matches_status"
  CHECK ("active" = ("status" = 'ACTIVE'));
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_threshold_finite"
  CHECK ("threshold" = "threshold" AND "threshold" NOT IN ('Infinity', '-Infinity'));

-- One training run at a time per organization (and one platform-wide run).
CREATE UNIQUE INDEX "TrainingRun_one_in_flight_per_org" ON "TrainingRun"("orgId") NULLS NOT DISTINCT
  WHERE "status" IN ('QUEUED', 'RUNNING');

ALTER TABLE "TrainingSchedule" ADD CONSTRAINT "TrainingSchedule_has_interval"
  CHECK ("cron" IS NOT NULL OR "everyMinutes" IS NOT NULL);
ALTER TABLE "TrainingSchedule" ADD CONSTRAINT "TrainingSchedule_bounds"
  CHECK (("everyMinutes" IS NULL OR "everyMinutes" >= 1) AND "minNewLabels" >= 0);

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_reject_change"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"();
