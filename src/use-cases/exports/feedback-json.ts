// The newsroom's labels as an `eval` corpus (GET /v1/feedback.json): a JSON array streamed one
// keyset page of labelled articles at a time, since every case carries its article's whole text.
import type { Db } from "../../storage/db";
import { labelledArticlesPage } from "../../storage/feedback";
import { feedbackCorpus } from "../feedback-corpus";

/** Labelled articles per page: each carries its text, so pages stay small. */
export const FEEDBACK_PAGE = 20;

/** The same bytes as JSON.stringify of the whole corpus, written one page per pull. */
export function feedbackCorpusStream(db: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = "";
  let open = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await labelledArticlesPage(db, after, FEEDBACK_PAGE);
      let out = "";
      for (const c of feedbackCorpus(page.items)) {
        out += (open ? "," : "[") + JSON.stringify(c);
        open = true;
      }
      if (page.next === null) out += open ? "]" : "[]";
      controller.enqueue(encoder.encode(out));
      if (page.next === null) controller.close();
      else after = page.next;
    },
  });
}

export function feedbackCorpusResponse(db: Db): Response {
  return new Response(feedbackCorpusStream(db), { headers: { "content-type": "application/json" } });
}
