#!/usr/bin/env node
// Signs a sample publish event exactly as the named CMS would and POSTs it to the local Worker,
// then follows the delivery until the queue consumer has scored it. Also: `listen` receives and
// verifies the Worker's outbound alerts. Secrets come from .dev.vars (else .dev.vars.example).
//
//   node scripts/send-webhook.mjs <ghost|sanity|contentful|strapi|wordpress|standard> [--url URL] [--no-wait]
//   node scripts/send-webhook.mjs listen [--port 8788]
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { encodeSignatureHeader } from "@sanity/webhook";
import { Webhook } from "standardwebhooks";

const root = new URL("..", import.meta.url);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: "http://127.0.0.1:8787" },
    "no-wait": { type: "boolean" },
    port: { type: "string", default: "8788" },
  },
});
const [command] = positionals;

function devVars() {
  const file = ["../.dev.vars", "../.dev.vars.example"].map((f) => new URL(f, import.meta.url)).find((f) => existsSync(f));
  const vars = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) vars[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  return vars;
}
const vars = devVars();
const need = (name) => vars[name] ?? fail(`${name} is not in .dev.vars; copy it from .dev.vars.example`);
function fail(message) {
  console.error(message);
  process.exit(1);
}

const fixture = (name) => JSON.parse(readFileSync(new URL(`test/worker/fixtures/webhooks/${name}.json`, root), "utf8"));
const nowIso = new Date().toISOString();
const hmac = (secret, data, encoding) => createHmac("sha256", secret).update(data).digest(encoding);

// Each sender: a realistic payload (refreshed so every send is a new delivery) and the CMS's own headers.
const senders = {
  async ghost() {
    const body = JSON.stringify(fixture("ghost-post-published"));
    const t = Date.now();
    return {
      body,
      headers: {
        "content-type": "application/json",
        "x-ghost-signature": `sha256=${hmac(need("GHOST_WEBHOOK_SECRET"), `${body}${t}`, "hex")}, t=${t}`,
      },
    };
  },
  async sanity() {
    const body = JSON.stringify(fixture("sanity-document-update"));
    return {
      body,
      headers: {
        "content-type": "application/json",
        "sanity-webhook-signature": await encodeSignatureHeader(body, Date.now(), need("SANITY_WEBHOOK_SECRET")),
        "idempotency-key": `msg_${randomUUID()}`,
        "sanity-operation": "update",
      },
    };
  },
  async contentful(path) {
    const body = JSON.stringify(fixture("contentful-entry-publish"));
    const signed = {
      "content-type": "application/vnd.contentful.management.v1+json",
      "x-contentful-topic": "ContentManagement.Entry.publish",
    };
    const names = [...Object.keys(signed), "x-contentful-signed-headers", "x-contentful-timestamp"].sort();
    const all = { ...signed, "x-contentful-signed-headers": names.join(","), "x-contentful-timestamp": String(Date.now()) };
    const canonical = ["POST", encodeURI(path), names.map((n) => `${n}:${all[n]}`).join(";"), body].join("\n");
    return {
      body,
      headers: {
        ...all,
        "x-contentful-signature": hmac(need("CONTENTFUL_WEBHOOK_SECRET"), canonical, "hex"),
        "x-contentful-idempotency-key": hmac("id", randomUUID(), "hex"),
      },
    };
  },
  async strapi() {
    const payload = fixture("strapi-entry-publish");
    payload.entry.updatedAt = nowIso;
    return {
      body: JSON.stringify(payload),
      headers: {
        "content-type": "application/json",
        "x-strapi-event": payload.event,
        authorization: `Bearer ${need("STRAPI_WEBHOOK_TOKEN")}`,
      },
    };
  },
  async wordpress() {
    const payload = fixture("wordpress-post-update");
    payload.post.post_modified_gmt = nowIso.slice(0, 19).replace("T", " ");
    const body = JSON.stringify(payload);
    return {
      body,
      headers: {
        "content-type": "application/json; charset=UTF-8",
        "x-wp-webhook-signature": hmac(need("WORDPRESS_WEBHOOK_SECRET"), body, "base64"),
      },
    };
  },
  async standard() {
    const body = JSON.stringify(fixture("standard-article-published"));
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    const signature = new Webhook(need("STANDARD_WEBHOOK_SECRET")).sign(id, now, body);
    return {
      body,
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": signature,
      },
    };
  },
};

async function send(provider) {
  const path = `/v1/webhooks/${provider}`;
  const { body, headers } = await senders[provider](path);
  const res = await fetch(new URL(path, values.url), { method: "POST", headers, body });
  const answer = await res.json();
  console.log(`POST ${path} → ${res.status}`, JSON.stringify(answer));
  if (!res.ok || values["no-wait"] || !answer.delivery_id) process.exit(res.ok ? 0 : 1);

  // The local queue delivers after max_batch_timeout; follow the delivery until it leaves "queued".
  const auth = { authorization: `Bearer ${need("API_TOKEN")}` };
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const delivery = await (await fetch(new URL(`/v1/deliveries/${answer.delivery_id}`, values.url), { headers: auth })).json();
    if (delivery.status !== "queued") {
      const run = delivery.run ? `run ${delivery.run.id}: outcome ${delivery.run.outcome}, score ${delivery.run.score}` : "no run";
      console.log(`delivery ${delivery.id}: ${delivery.status} (${run})${delivery.error ? ` error: ${delivery.error}` : ""}`);
      process.exit(delivery.status === "failed" ? 1 : 0);
    }
  }
  fail(`delivery ${answer.delivery_id} still queued after 15 s: is the Worker's queue consumer running (npm start)?`);
}

function listen() {
  const webhook = new Webhook(need("NOTIFY_SECRET"));
  createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const alert = webhook.verify(body, req.headers);
        console.log(`verified alert ${req.headers["webhook-id"]}:`, JSON.stringify(alert.data, null, 2));
        res.writeHead(204).end();
      } catch (err) {
        console.error(`rejected alert: ${err.message}`);
        res.writeHead(400).end();
      }
    });
  }).listen(Number(values.port), "127.0.0.1", () => console.log(`listening for signed alerts on http://127.0.0.1:${values.port}/alerts`));
}

if (command === "listen") listen();
else if (command in senders) await send(command);
else fail(`usage: node scripts/send-webhook.mjs <${Object.keys(senders).join("|")}|listen> [--url ${values.url}] [--no-wait]`);
