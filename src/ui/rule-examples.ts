// A rule's examples as written in its YAML file. The engine's RuleSummary does not carry them, so
// the dashboard reads them from the text of the file the current ruleset loaded (RuleSummary.file).
import { parse } from "yaml";
import type { RuleSummary } from "../engine";

export interface RuleExampleView {
  text: string;
  expect: string;
  note: string | null;
}

function findRule(doc: unknown, id: string): Record<string, unknown> | null {
  if (Array.isArray(doc)) {
    for (const d of doc) {
      const hit = findRule(d, id);
      if (hit) return hit;
    }
    return null;
  }
  if (!doc || typeof doc !== "object") return null;
  const obj = doc as Record<string, unknown>;
  if (obj.id === id) return obj;
  return Array.isArray(obj.rules) ? findRule(obj.rules, id) : null;
}

/** The rule's examples, or [] when its file holds none (the engine already validated the file). */
export function ruleExamples(rule: RuleSummary, fileText: string | undefined): RuleExampleView[] {
  const found = fileText === undefined ? null : findRule(parse(fileText) as unknown, rule.id);
  const examples = found?.examples;
  if (!Array.isArray(examples)) return [];
  return examples
    .filter((e): e is Record<string, unknown> => Boolean(e) && typeof e === "object")
    .map((e) => ({ text: String(e.text ?? ""), expect: String(e.expect ?? ""), note: typeof e.note === "string" ? e.note : null }));
}
