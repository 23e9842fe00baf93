// The little of autocannon's API the benches use (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections: number;
      duration: number;
      method?: string;
      body?: string;
      headers?: Record<string, string>;
      requests?: {
        method: string;
        headers: Record<string, string>;
        setupRequest: (req: Record<string, unknown>) => Record<string, unknown>;
      }[];
    }
    interface Result {
      requests: { average: number; total: number };
      latency: { average: number; p50: number; p99: number };
      errors: number;
      timeouts: number;
      non2xx: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
