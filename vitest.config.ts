// Two projects: `engine` runs the pure engine in Node; `worker` runs the real Worker in workerd
// with real D1 (migrations applied), queues and cron, via @cloudflare/vitest-plugin.
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          test: {
            name: "engine",
            environment: "node",
            include: ["test/engine/**/*.test.ts", "test/cli/**/*.test.ts", "test/tooling/**/*.test.ts"],
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              remoteBindings: false,
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  API_TOKEN: "test-token",
                  READ_TOKEN: "test-read-token",
                  // Pinned so a developer's .dev.vars cannot change what the audit tests expect.
                  AUDIT_BATCH_SIZE: "50",
                  // Webhook intake and alerts (test/worker/webhooks-*, queue-*, notify-*). NOTIFY_URL is
                  // empty (alerts off, overriding a local .dev.vars) so the live queue consumer never
                  // fetches out of a test; the notify tests pass a URL in their env and capture the fetch.
                  GHOST_WEBHOOK_SECRET: "test-ghost-secret",
                  SANITY_WEBHOOK_SECRET: "test-sanity-secret",
                  CONTENTFUL_WEBHOOK_SECRET: "contentful-test-signing-secret-0123456789abcdefghijklmnopqrstuvw",
                  STRAPI_WEBHOOK_TOKEN: "test-strapi-token",
                  WORDPRESS_WEBHOOK_SECRET: "test-wordpress-secret",
                  STANDARD_WEBHOOK_SECRET: "whsec_YWNjdXJhY3ktaGFybmVzcy1zdGFuZGFyZC10ZXN0LWtleSEh",
                  NOTIFY_URL: "",
                  NOTIFY_SECRET: "whsec_YWNjdXJhY3ktaGFybmVzcy1ub3RpZnktdGVzdC1rZXkhISEh",
                  // Dashboard "Edit in CMS" links (test/worker/ui-article.test.ts).
                  CMS_EDIT_URLS: JSON.stringify({ ghost: "https://cms.test/ghost/#/editor/post/{external_id}" }),
                },
                compatibilityFlags: ["service_binding_extra_handlers"],
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts"],
            // Contentful's signing toolkit needs runtypes, whose circular CommonJS requires only work bundled.
            deps: { optimizer: { ssr: { enabled: true, include: ["runtypes"] } } },
            setupFiles: ["./test/worker/apply-migrations.ts"],
            // Some tests store a hundred articles through the real Worker; on a shared 2-core box
            // that can pass vitest's 5 s default without anything being wrong.
            testTimeout: 30_000,
          },
        },
        {
          // Playwright + Debian Chromium against `wrangler dev` (test/browser/local-worker.ts): slow, in Node.
          test: {
            name: "browser",
            environment: "node",
            include: ["test/browser/**/*.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});
