// The webhook article contract, defined once: what a provider module (src/http/webhooks/) hands
// the intake, stored as JSON in deliveries.payload, and what the `delivery` job parses back.
import { z } from "zod";

export const webhookArticleSchema = z
  .object({
    source: z.string().min(1),
    external_id: z.string().min(1),
    title: z.string().nullable(),
    /** Exactly one of html / text carries the body. */
    html: z.string().nullable(),
    text: z.string().nullable(),
    url: z.string().nullable(),
    published_at: z.string().nullable(),
    /** Kept for the delivery log; scoring does not use it. Optional in stored payloads. */
    updated_at: z.string().nullable().optional(),
    language: z.string().nullable(),
  })
  .refine((a) => a.html !== null || a.text !== null, { error: "neither html nor text" });

/** The article as the queue consumer will score it. */
export type WebhookArticle = z.infer<typeof webhookArticleSchema>;
