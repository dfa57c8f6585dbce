-- Geometric verification runs after a set is READY (the `verify` queue): its progress.
ALTER TABLE "ImageSet" ADD COLUMN "pairsToVerify" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ImageSet" ADD COLUMN "pairsVerified" INTEGER NOT NULL DEFAULT 0;
