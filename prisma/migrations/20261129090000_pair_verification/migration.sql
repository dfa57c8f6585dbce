-- Geometric verification: the model's own score and the keypoint inliers behind a verified score.
ALTER TABLE "Pair" ADD COLUMN "modelScore" DOUBLE PRECISION;
ALTER TABLE "Pair" ADD COLUMN "inliers" INTEGER;
-- Pairs scored before verification existed: their score is the model's.
UPDATE "Pair" SET "modelScore" = "score";
