// GET /openapi.json: the OpenAPI 3.1 document, assembled from the descriptions each route module
// exports next to its handlers (scoreApiDoc in score.ts, …), so a route and its description change
// together and enums come from their source. test/worker/api-rules-meta.test.ts fails for any API
// route served but not described.
import { Hono } from "hono";
import { articleApiDoc } from "./articles";
import { auditApiDoc } from "./audits";
import { correctionApiDoc } from "./corrections";
import { deliveryApiDoc } from "./deliveries";
import { exportApiDoc } from "./exports";
import { feedbackApiDoc } from "./feedback";
import { healthApiDoc } from "./health";
import { schemas } from "./openapi/components";
import { type JsonSchema, ok, type Paths } from "./openapi/kit";
import { ruleApiDoc } from "./rules";
import { rulesetApiDoc } from "./rulesets-openapi";
import { runApiDoc } from "./runs";
import { scoreApiDoc } from "./score";
import { tokenApiDoc } from "./tokens";
import { webhookApiDoc } from "./webhooks/openapi";
import { noQuery } from "./validation";

interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, JsonSchema>;
  };
  paths: Paths;
}

const openApiDoc = (): Paths => ({
  "/openapi.json": {
    get: {
      summary: "This document",
      tags: ["meta"],
      operationId: "openapi",
      security: [],
      responses: { 200: ok("OpenAPI 3.1 document.", { type: "object" }) },
    },
  },
});

// In the order the document lists them; built on first request (z.toJSONSchema is not free).
const ROUTE_DOCS = [
  healthApiDoc,
  openApiDoc,
  scoreApiDoc,
  articleApiDoc,
  runApiDoc,
  feedbackApiDoc,
  ruleApiDoc,
  rulesetApiDoc,
  exportApiDoc,
  auditApiDoc,
  correctionApiDoc,
  webhookApiDoc,
  deliveryApiDoc,
  tokenApiDoc,
];

/** Merges the route modules' paths; two modules describing the same path and method is a bug. */
function paths(): Paths {
  const out: Paths = {};
  for (const doc of ROUTE_DOCS) {
    for (const [path, operations] of Object.entries(doc())) {
      for (const method of Object.keys(operations)) {
        if (out[path]?.[method as keyof Paths[string]]) throw new Error(`OpenAPI: ${method} ${path} is described twice`);
      }
      out[path] = { ...out[path], ...operations };
    }
  }
  return out;
}

function openApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "accuracy-harness",
      version: "1",
      description:
        'Checks news articles against declarative fact rules and stores every verdict. Errors are JSON `{"error":{"code","message"}}`.',
    },
    servers: [{ url: "http://localhost:8787", description: "npm start (local D1)" }],
    security: [{ bearer: [] }],
    tags: [
      { name: "scoring", description: "Judge articles." },
      { name: "articles", description: "Stored articles and their run history." },
      { name: "runs", description: "One scoring of one article." },
      { name: "feedback", description: "Editors' labels on findings: false alarms and confirmations." },
      { name: "rules", description: "The fact rules." },
      { name: "audits", description: "Re-checks of the whole archive and what changed." },
      { name: "exports", description: "CSV and ClaimReview for spreadsheets and fact-check aggregators." },
      { name: "webhooks", description: "CMS deliveries and their processing." },
      { name: "meta", description: "Health and this document." },
    ],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "API_TOKEN for everything; READ_TOKEN (optional) for GET/HEAD only. /v1/webhooks/* verify CMS signatures instead.",
        },
      },
      schemas,
    },
    paths: paths(),
  };
}

// Serialised once per isolate: the document never changes while the Worker runs.
let body: string | undefined;

export const openApiRoutes = new Hono();

openApiRoutes.get("/", noQuery, (c) => {
  body ??= JSON.stringify(openApiDocument());
  return c.body(body, 200, { "content-type": "application/json; charset=UTF-8" });
});
