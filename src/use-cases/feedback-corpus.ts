// The newsroom's labels as a labelled corpus in the `eval` format (cli/eval.ts, shared/corpus
// README): one case per labelled article with its stored text inline. A confirmed finding labels
// its rule "fail"; a false alarm adds no label, because an unlabelled rule must not fail — so a
// rule that fails there again counts as a false alarm in `eval`.
import type { LabelledArticle } from "../storage/feedback";

export interface FeedbackCase {
  id: string;
  /** The stored text the findings were judged on (inline: `eval` also reads a `file`). */
  text: string;
  published_at: string | null;
  expect: Record<string, "fail">;
  group: "feedback";
  note: string;
}

export function feedbackCorpus(articles: LabelledArticle[]): FeedbackCase[] {
  return articles.map((a) => {
    const confirmed = [...new Set(a.labels.filter((l) => l.label === "confirmed").map((l) => l.rule))].sort();
    const falseAlarms = a.labels.filter((l) => l.label === "false_alarm");
    const note = [
      confirmed.length ? `confirmed: ${confirmed.join(", ")}` : null,
      falseAlarms.length ? `false alarms (must not fail): ${falseAlarms.map((l) => `${l.rule} on “${l.quote}”`).join("; ")}` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    return {
      id: a.id,
      text: a.text,
      published_at: a.published_at,
      expect: Object.fromEntries(confirmed.map((r) => [r, "fail" as const])),
      group: "feedback",
      note,
    };
  });
}
