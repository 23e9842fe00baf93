// Bindings and secrets the Worker sees. Bindings come from wrangler.toml (`wrangler types`);
// secrets are set with `wrangler secret put` (production) or .dev.vars (local).
export interface Secrets {
  API_TOKEN?: string;
  READ_TOKEN?: string;
}

export type Bindings = Env & Secrets;
