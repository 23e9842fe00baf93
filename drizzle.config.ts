// drizzle-kit generates SQL only; `wrangler d1 migrations apply` applies it (D1's own d1_migrations table).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/storage/schema.ts",
  out: "./migrations",
});
