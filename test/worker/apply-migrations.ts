// Applies the real drizzle-kit migrations to the test D1 before each test file (idempotent), and
// registers the local R2 bucket that holds article texts.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { setTextBucket } from "../../src/storage/texts";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
// Storage reads article texts from R2 through this binding (the Worker entry registers it too).
setTextBucket(env.TEXTS);
