// `/rules` and `/rules/:id`: the rules with their verdict tallies and editors' feedback.
import { Hono } from "hono";
import { listArticles } from "../storage/articles";
import { getDb } from "../storage/db";
import { emptyRuleCounts, ruleStats } from "../storage/queries-rules";
import { activeRules } from "../use-cases/current-ruleset";
import { ruleFeedback, rulesFeedback } from "../use-cases/rule-feedback";
import { message, nonce, page, render, type UiEnv } from "./middleware";
import { ruleExamples } from "./rule-examples";
import { RulePage } from "./rule-page";
import { RulesPage } from "./rules-page";

const PAGE_SIZE = 50;

export const ruleUiRoutes = new Hono<UiEnv>();

ruleUiRoutes.get("/rules", ...page, async (c) => {
  const { ruleset } = await activeRules(c.env);
  const db = getDb(c.env.DB);
  const [stats, fb] = await Promise.all([ruleStats(db), rulesFeedback(db, c.env)]);
  return render(
    c,
    200,
    <RulesPage
      nonce={nonce(c)}
      session={c.var.session}
      version={ruleset.version}
      rules={ruleset.rules}
      stats={stats}
      feedback={fb.byRule}
      thresholds={fb.thresholds}
    />,
  );
});

ruleUiRoutes.get("/rules/:id", ...page, async (c) => {
  const active = await activeRules(c.env);
  const rule = active.byId.get(c.req.param("id"));
  if (!rule) return message(c, 404, "Rule not found", `No rule "${c.req.param("id")}" in the current ruleset.`);
  const db = getDb(c.env.DB);
  const [stats, failing, fb] = await Promise.all([
    ruleStats(db, rule.id),
    listArticles(db, { rule: rule.id, status: "active" }, { limit: PAGE_SIZE }),
    ruleFeedback(db, c.env, rule.id),
  ]);
  return render(
    c,
    200,
    <RulePage
      nonce={nonce(c)}
      session={c.var.session}
      rule={rule}
      examples={ruleExamples(rule, active.files.get(rule.file))}
      counts={stats[rule.id] ?? emptyRuleCounts()}
      failing={failing.items}
      moreFailing={failing.next_cursor !== null}
      feedback={fb.feedback}
      dismissed={fb.dismissed}
      thresholds={fb.thresholds}
    />,
  );
});
