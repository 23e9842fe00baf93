// Starts the real Worker with `wrangler dev` for browser tests: a throwaway --persist-to dir with
// the migrations applied, secrets from a generated --env-file (the developer's .dev.vars is never
// touched), free ports, and a clean shutdown of the process group it started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");
const OFFLINE = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", DO_NOT_TRACK: "1", CI: "true" };

export const TOKENS = { api: "browser-api-token", read: "browser-read-token" } as const;

export interface LocalWorker {
  /** http://localhost:<port>: localhost is a secure context, so Chromium keeps Secure cookies. */
  url: string;
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Runs SQL on the Worker's local D1 (`wrangler d1 execute --local`), e.g. to age stored runs. */
  sql(command: string): void;
  stop(): Promise<void>;
  log(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `vars` are added to the generated env file (e.g. the Access settings of test/browser/access.test.ts). */
export async function startLocalWorker(vars: Record<string, string> = {}): Promise<LocalWorker> {
  const dir = mkdtempSync(join(tmpdir(), "accuracy-browser-"));
  const envFile = join(dir, "browser.vars");
  const extra = Object.entries(vars)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}\n`)
    .join("");
  writeFileSync(envFile, `API_TOKEN=${TOKENS.api}\nREAD_TOKEN=${TOKENS.read}\n${extra}`);
  const state = join(dir, "state");

  const migrate = spawnSync(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], {
    cwd: ROOT,
    env: OFFLINE,
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${migrate.stdout}\n${migrate.stderr}`);

  const [port, inspector] = [await freePort(), await freePort()];
  let output = "";
  const child: ChildProcess = spawn(
    WRANGLER,
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspector),
      "--persist-to",
      state,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
    ],
    { cwd: ROOT, env: OFFLINE, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));

  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM"); // the group: wrangler plus its workerd child
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer /healthz within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    api: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${TOKENS.api}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    sql: (command) => {
      const run = spawnSync(WRANGLER, ["d1", "execute", "DB", "--local", "--persist-to", state, "--command", command], {
        cwd: ROOT,
        env: OFFLINE,
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`wrangler d1 execute failed:\n${run.stdout}\n${run.stderr}`);
    },
    stop,
    log: () => output,
  };
}
