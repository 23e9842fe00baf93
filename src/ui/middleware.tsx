// The dashboard's guards and responses: security headers (CSP with no scripts), the session
// (Cloudflare Access first, the token cookie as fallback), the CSRF check, and HTML messages.
import { type Context, type MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { Bindings } from "../env";
import { accessSession } from "./access-session";
import { MessagePage } from "./login-page";
import { csrfTokenMatches, readSession, type Session } from "./session";

export type UiEnv = { Bindings: Bindings; Variables: { session: Session; secureHeadersNonce?: string } };
export type Ctx = Context<UiEnv>;

// CSP: nothing loads but our own nonce'd stylesheet; no scripts at all; forms post only to us.
export const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: [NONCE],
    imgSrc: ["'self'", "data:"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: "same-origin",
});

export const nonce = (c: Ctx) => c.get("secureHeadersNonce") ?? "";

export function render(c: Ctx, status: 200 | 400 | 401 | 403 | 404 | 500 | 503, node: ReturnType<typeof MessagePage>) {
  c.header("cache-control", "no-store");
  return c.html(node, status);
}

export function message(c: Ctx, status: 400 | 403 | 404 | 500 | 503, title: string, text: string) {
  return render(
    c,
    status,
    <MessagePage nonce={nonce(c)} session={c.var.session ?? null} title={title}>
      {text}
    </MessagePage>,
  );
}

export const requireSession: MiddlewareHandler<UiEnv> = async (c, next) => {
  // A person signed in through Cloudflare Access comes first; the token cookie is the fallback.
  const access = await accessSession(c);
  if (access && "refused" in access)
    return message(c, 403, "Sign-in refused", `Cloudflare Access sign-in could not be verified: ${access.refused}.`);
  const session = access ?? (await readSession(c));
  if (!session) {
    const url = new URL(c.req.url);
    const target = c.req.method === "GET" ? url.pathname + url.search : "/";
    return c.redirect(`/login?next=${encodeURIComponent(target)}`, 303);
  }
  c.set("session", session);
  await next();
};

// hono/csrf checks Origin / Sec-Fetch-Site; we also require the session's token in the form.
const originCheck = csrf();
export async function sameOrigin(c: Ctx): Promise<boolean> {
  try {
    await originCheck(c, async () => {});
    return true;
  } catch (err) {
    if (err instanceof HTTPException && err.status === 403) return false;
    throw err;
  }
}

export const requireCsrf: MiddlewareHandler<UiEnv> = async (c, next) => {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (!(await sameOrigin(c)) || !(await csrfTokenMatches(c.var.session, (form as Record<string, unknown>).csrf))) {
    return message(
      c,
      403,
      "Request refused",
      "This form was not submitted from this dashboard session (CSRF check failed). Reload the page and try again.",
    );
  }
  await next();
};

export const page = [headers, requireSession] as const;
