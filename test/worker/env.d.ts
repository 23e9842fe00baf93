declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    API_TOKEN: string;
    READ_TOKEN: string;
  }
}
