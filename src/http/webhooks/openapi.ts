// The OpenAPI description of POST /v1/webhooks/:provider (src/http/webhooks/intake.ts); the
// provider enum is the registry's own keys.
import { error, object, ok, type Paths } from "../openapi/kit";
import { providers } from "./providers";

export const webhookApiDoc = (): Paths => ({
  "/v1/webhooks/{provider}": {
    post: {
      summary: "Receive a CMS publish/update/unpublish webhook",
      description:
        "Authenticated by the CMS's own signature over the raw body (no bearer token). The delivery is recorded (idempotent on the provider's delivery id) and scored from the queue.",
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
      requestBody: { required: true, description: "The CMS's payload, signed.", content: { "application/json": { schema: { type: "object" } } } },
      responses: {
        200: ok("Duplicate, withdrawn or ignored (nothing to score).", object("{ delivery_id, status, … }")),
        202: ok("Queued for scoring.", object('{ delivery_id, status: "queued" }')),
        400: error("Signed body is not JSON."),
        401: error("Missing, malformed, stale or wrong signature."),
        404: error("Unknown or not enabled provider."),
        413: error("Body over the limit."),
        422: error("Signed payload of an unusable shape."),
        503: error("The provider's secret is set but unusable (`not_configured`, with the fix); or the queue refused the delivery (`unavailable`)."),
      },
    },
  },
});
