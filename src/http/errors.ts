// The API's one error shape, {"error":{"code","message"}}: the exception routes throw for
// expected 4xx, and the onError / notFound handlers that turn everything into that shape.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error code the API answers with (also the OpenAPI document's enum). */
export const ERROR_CODES = [
  "invalid_json",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "not_configured",
  "unavailable",
  "internal_error",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  /** `extra` fields sit beside code and message, e.g. `issues` (every located rule file problem). */
  error: { code: ErrorCode; message: string; [extra: string]: unknown };
}

/** An expected failure with its machine-readable code; thrown by routes and middleware. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(status, { message });
  }

  override getResponse(): Response {
    return errorResponse(this.status as ContentfulStatusCode, this.code, this.message, this.headers, this.extra);
  }
}

export function errorResponse(
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response {
  const body: ErrorBody = { error: { ...extra, code, message } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": "application/json; charset=UTF-8" },
  });
}

// For HTTPExceptions thrown by Hono middleware we did not configure with an ApiError.
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return err.getResponse();
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    if (res.headers.get("content-type")?.startsWith("application/json")) return res;
    const code = CODE_BY_STATUS[err.status];
    if (code) {
      const headers: Record<string, string> = {};
      const challenge = res.headers.get("www-authenticate");
      if (challenge) headers["www-authenticate"] = challenge;
      return errorResponse(err.status as ContentfulStatusCode, code, err.message || code.replace(/_/g, " "), headers);
    }
  }
  // Anything else is our bug or a platform failure: log it whole, tell the caller nothing internal.
  console.error(`${c.req.method} ${c.req.path} failed`, err);
  return errorResponse(500, "internal_error", "Internal error; it has been logged.");
}

interface RouteLike {
  method: string;
  path: string;
}

/**
 * The notFound handler: 405 with an Allow header when the path exists under other methods
 * (so `GET /v1/score` says "use POST"), else 404. Reads the app's route table lazily, after
 * every resource has been mounted.
 */
export function notFoundHandler(routes: readonly RouteLike[]): (c: Context) => Response {
  let compiled: { method: string; pattern: RegExp }[] | undefined;
  return (c) => {
    // Paths have no trailing slash: say so, rather than a 405 that names the very method used.
    if (c.req.path.length > 1 && c.req.path.endsWith("/")) {
      return errorResponse(
        404,
        "not_found",
        `No route for ${c.req.method} ${c.req.path}; paths have no trailing slash: use ${c.req.path.replace(/\/+$/, "") || "/"}.`,
      );
    }
    compiled ??= routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, pattern: pathPattern(r.path) }));
    const allowed = new Set(compiled.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method));
    if (allowed.size === 0) return errorResponse(404, "not_found", `No route for ${c.req.method} ${c.req.path}.`);
    if (allowed.has("GET")) allowed.add("HEAD");
    const allow = [...allowed].join(", ");
    return errorResponse(405, "method_not_allowed", `${c.req.method} is not allowed on ${c.req.path}; use ${allow}.`, { allow });
  };
}

/** Hono path syntax (":id", ":id{regex}", ":id?", "*") as an anchored RegExp. */
function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((seg) => {
      if (seg === "*") return ".*";
      if (!seg.startsWith(":")) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const custom = /\{(.+)\}$/.exec(seg)?.[1];
      return custom ?? (seg.endsWith("?") ? "[^/]*" : "[^/]+");
    })
    .join("/");
  return new RegExp(`^${source}$`);
}
