// The OpenAPI description of POST /v1/webhooks/:provider (src/http/webhooks/intake.ts); the
// provider enum is the registry's own keys.
import { error, object, ok, type Paths } from "../openapi/kit";
import { providers } from "./providers";

export const webhookApiDoc = (): Paths => ({
  "/v1/webhooks/{provider}": {
    post: {
      summary: "Receive a CMS publish/update/unpublish webhook",
      description:
        "Authenticated by the CMS's own signature over the raw body (no bearer token). What the delivery does and its dedupe key come only from authenticated bytes. The delivery is recorded (idempotent on its key) and scored from the queue; the article's state follows the CMS's order of events (docs/webhooks/lifecycle.md).",
      tags: ["webhooks"],
      operationId: "receiveWebhook",
      security: [],
      parameters: [
        {
          name: "provider",
          in: "path",
          required: true,
          description: "The CMS; enabled when its secret is set.",
          schema: { type: "string", enum: Object.keys(providers) },
        },
      ],
      requestBody: {
        required: true,
        description: "The CMS's payload, signed.",
        content: { "application/json": { schema: { type: "object" } } },
      },
      responses: {
        200: ok(
          "Duplicate, withdrawn, or ignored (nothing to score, or a withdrawal older than the article's last change: reason stale).",
          object("{ delivery_id, status, … }"),
        ),
        202: ok("Queued for scoring.", object('{ delivery_id, status: "queued" }')),
        400: error(
          "Signed body is not JSON or not UTF-8; an unknown query parameter; a WordPress post_delete under the legacy body signature.",
        ),
        401: error(
          "Missing, malformed, stale or wrong signature, or unsigned metadata that contradicts the signed body (Sanity operation, unsigned Contentful topic).",
        ),
        404: error("Unknown or not enabled provider; a trailing slash."),
        413: error("Body over the limit."),
        422: error(
          "Signed payload of an unusable shape: no id, nothing to score (the missing field is named), rich text nested too deep, an unpaired surrogate in the id.",
        ),
        503: error(
          "The provider's secret is set but unusable (`not_configured`, with the fix); or the queue refused the delivery (`unavailable`).",
        ),
      },
    },
  },
});
