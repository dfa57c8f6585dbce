-- A team's flag sensitivity: the share of candidate pairs it expects to be copies (null: the model's).
ALTER TABLE "Organization" ADD COLUMN "flagPrevalence" DOUBLE PRECISION;
