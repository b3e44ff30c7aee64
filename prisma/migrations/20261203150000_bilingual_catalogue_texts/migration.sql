-- A framework's issuer and an indicator's unit and source are shown to users: like every other
-- catalogue text they get a Vietnamese and an English version. What was stored becomes both,
-- until someone translates it.

-- Framework.issuer -> issuerVi, issuerEn
ALTER TABLE "Framework" ADD COLUMN "issuerVi" TEXT, ADD COLUMN "issuerEn" TEXT;
UPDATE "Framework" SET "issuerVi" = "issuer", "issuerEn" = "issuer";
ALTER TABLE "Framework" DROP COLUMN "issuer";

-- Indicator.unit -> unitVi, unitEn (required); Indicator.source -> sourceVi, sourceEn
ALTER TABLE "Indicator"
  ADD COLUMN "unitVi" TEXT,
  ADD COLUMN "unitEn" TEXT,
  ADD COLUMN "sourceVi" TEXT,
  ADD COLUMN "sourceEn" TEXT;
UPDATE "Indicator"
  SET "unitVi" = "unit", "unitEn" = "unit", "sourceVi" = "source", "sourceEn" = "source";
ALTER TABLE "Indicator" ALTER COLUMN "unitVi" SET NOT NULL, ALTER COLUMN "unitEn" SET NOT NULL;
ALTER TABLE "Indicator" DROP COLUMN "unit", DROP COLUMN "source";
