// The one drizzle schema for D1. Migrations in migrations/ are generated from this file
// (`npm run db:generate`) and reviewed by hand. No ON DELETE CASCADE anywhere: drizzle-kit's
// SQLite table rebuilds would fire cascades on D1 (PRAGMA foreign_keys=OFF is not honoured).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const timestamps = {
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
};

/** One row per article, keyed by where it came from (`source`) and that system's id. */
export const articles = sqliteTable(
  "articles",
  {
    id: text("id").primaryKey(),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    url: text("url"),
    title: text("title"),
    /** The text, or '' once it lives in R2 under texts/<content_hash> (storage/texts.ts). */
    text: text("text").notNull(),
    /** SHA-256 hex of `text`: a new hash means the article changed. */
    contentHash: text("content_hash").notNull(),
    publishedAt: text("published_at"),
    language: text("language"),
    /** "active" or "withdrawn" (deleted/unpublished in the CMS). */
    status: text("status", { enum: ["active", "withdrawn"] })
      .notNull()
      .default("active"),
    // Denormalised from the latest run so lists filter and sort without joins.
    latestRunId: text("latest_run_id"),
    latestScore: real("latest_score"),
    latestOutcome: text("latest_outcome", { enum: ["pass", "warn", "fail"] }),
    /** Space-padded list of failing rule ids in the latest run (" a.b c.d "), for LIKE filters. */
    latestFailedRules: text("latest_failed_rules"),
    lastCheckedAt: text("last_checked_at"),
    /** When the latest run's outcome first became "fail" (for the corrections queue). */
    failingSince: text("failing_since"),
    // The latest check: the latest run's, or a later audit's that found every verdict identical
    // and so stored no new run. Audits skip an article already checked with their ruleset.
    checkedRulesetVersion: text("checked_ruleset_version"),
    checkedAsOf: text("checked_as_of"),
    /** The audit that made the latest check (null for API, webhook and dashboard runs). */
    checkedAuditId: text("checked_audit_id"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("articles_source_external_id").on(t.source, t.externalId),
    index("articles_last_checked").on(t.lastCheckedAt, t.id),
    index("articles_outcome").on(t.latestOutcome, t.lastCheckedAt),
    // The corrections queue: failing articles, oldest failure first.
    index("articles_failing").on(t.latestOutcome, t.failingSince, t.id),
    // Texts still inline, for the offload job: entries exist only until a text moves to R2.
    index("articles_text_inline")
      .on(t.id)
      .where(sql`text <> ''`),
  ],
);

/**
 * The dashboard's totals per (source, status, latest outcome), kept by triggers on `articles`
 * (migration 0008): the totals, unfiltered or filtered by those fields, and the source menu read
 * these few rows instead of the archive. `outcome` is '' for an article never scored. (The
 * unfiltered totals had a one-row table of their own, article_totals, until migration 0012: one
 * more row written per article write for a sum these rows already give.)
 */
export const articleCounts = sqliteTable(
  "article_counts",
  {
    source: text("source").notNull(),
    status: text("status").notNull(),
    outcome: text("outcome").notNull(),
    articles: integer("articles").notNull().default(0),
    scoreSum: real("score_sum").notNull().default(0),
    scoreCount: integer("score_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.source, t.status, t.outcome] })],
);

/**
 * Per-rule verdict counts over every active article's latest run, kept by triggers on articles,
 * runs and verdicts (migration 0010), so `/rules` and GET /v1/rules/:id read a row per rule and
 * status, never the archive. `status` is the verdict's status, or 'dismissed' for a fail editors
 * dismissed. Only stored verdict rows are counted; `lean` is how many of them belong to runs
 * that imply their not_applicable verdicts (runs.implied_verdicts > 0), which the read subtracts
 * from `ruleset_counts` to get the implied ones.
 */
export const ruleCounts = sqliteTable(
  "rule_counts",
  {
    ruleId: text("rule_id").notNull(),
    status: text("status").notNull(),
    articles: integer("articles").notNull().default(0),
    lean: integer("lean").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.status] })],
);

/**
 * Active articles whose latest run implies its not_applicable verdicts, per the run's ruleset
 * version (triggers, migration 0010): every rule of that version not stored for such a run is
 * not_applicable there.
 */
export const rulesetCounts = sqliteTable("ruleset_counts", {
  version: text("version").primaryKey(),
  articles: integer("articles").notNull().default(0),
});

/** One scoring of one article against one ruleset version. */
export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id),
    trigger: text("trigger", { enum: ["api", "webhook", "audit", "cli"] }).notNull(),
    auditId: text("audit_id"),
    deliveryId: text("delivery_id"),
    /** Who asked for the run (email or API token name); null for webhooks, audits and shared tokens. */
    actor: text("actor"),
    rulesetVersion: text("ruleset_version").notNull(),
    contentHash: text("content_hash").notNull(),
    score: real("score"),
    outcome: text("outcome", { enum: ["pass", "warn", "fail"] }).notNull(),
    passCount: integer("pass_count").notNull(),
    failCount: integer("fail_count").notNull(),
    notApplicableCount: integer("not_applicable_count").notNull(),
    reviewCount: integer("review_count").notNull(),
    errorCount: integer("error_count").notNull(),
    /** The judging date the engine used (YYYY-MM-DD). */
    asOf: text("as_of").notNull(),
    /**
     * How many not_applicable verdicts were not stored as rows: they follow from the ruleset
     * (rulesets.rules) and as_of (storage/verdicts.ts restores them). 0 = every verdict is a row.
     */
    impliedVerdicts: integer("implied_verdicts").notNull().default(0),
    createdAt: timestamps.createdAt,
  },
  // No index on audit_id: an audit batch asks articles.checked_audit_id (by primary key) instead.
  (t) => [index("runs_article_created").on(t.articleId, t.createdAt)],
);

/**
 * A run's verdicts: every applicable one (pass, fail, review, error); not_applicable verdicts
 * only when they cannot be implied (see runs.implied_verdicts). Runs stored before migration
 * 0003 have a row for every rule.
 */
export const verdicts = sqliteTable(
  "verdicts",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id),
    ruleId: text("rule_id").notNull(),
    status: text("status", { enum: ["pass", "fail", "not_applicable", "review", "error"] }).notNull(),
    severity: text("severity", { enum: ["critical", "major", "minor"] }).notNull(),
    kind: text("kind").notNull(),
    /** JSON array of engine Evidence objects, as the engine found them (no finding ids or labels). */
    evidence: text("evidence").notNull().default("[]"),
    message: text("message"),
    /** 1: a fail whose every span editors labelled a false alarm (kept in step by use-cases/feedback.ts). */
    dismissed: integer("dismissed", { mode: "boolean" }).notNull().default(false),
  },
  // No (rule_id, status) index: every read reaches verdicts through a run id, and each index
  // entry is a row written per verdict.
  (t) => [primaryKey({ columns: [t.runId, t.ruleId] })],
);

/** Every ruleset version ever used, with its rule summaries (for audit diffs). */
export const rulesets = sqliteTable(
  "rulesets",
  {
    version: text("version").primaryKey(),
    ruleCount: integer("rule_count").notNull(),
    /** JSON array of { id, hash, valid_from, valid_until } (format 2 adds kind and severity). */
    rules: text("rules").notNull(),
    /** 2 = every rule carries kind and severity, enough to restore its not_applicable verdicts. */
    format: integer("format").notNull().default(1),
    firstSeenAt: text("first_seen_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("rulesets_first_seen").on(t.firstSeenAt)],
);

/** Every webhook delivery and outbound alert, from receipt to its stored run. */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    /** The provider's own delivery/idempotency id; (provider, key) is unique, so replays are refused. */
    deliveryKey: text("delivery_key").notNull(),
    event: text("event"),
    /**
     * Inbound: queued → scored | duplicate | ignored | failed; withdrawals are withdrawn (or ignored
     * when stale) at intake. Outbound alerts: queued → sent | failed.
     */
    status: text("status", { enum: ["queued", "scored", "ignored", "duplicate", "withdrawn", "sent", "failed"] }).notNull(),
    /** The CMS's own order of this event (ms since epoch or a revision number, per provider); null for alerts. */
    eventOrder: integer("event_order"),
    /** Why a delivery was ignored (e.g. a state change older than the article's last one). */
    reason: text("reason"),
    /** How often the sweeper re-enqueued it (a queued delivery whose message was lost). */
    sweeps: integer("sweeps").notNull().default(0),
    /** The normalised article (JSON) the consumer scores; kept so nothing is lost after the 202. */
    payload: text("payload"),
    articleId: text("article_id"),
    runId: text("run_id"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    ...timestamps,
  },
  (t) => [uniqueIndex("deliveries_provider_key").on(t.provider, t.deliveryKey), index("deliveries_status").on(t.status, t.createdAt)],
);

/**
 * The last state change applied to an article, in the CMS's order of events. Kept apart from
 * `articles` because a withdrawal can arrive before the article's first run is stored: the row then
 * makes the older, still-queued publish stale instead of creating a live article.
 */
export const articleStates = sqliteTable(
  "article_states",
  {
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    state: text("state", { enum: ["active", "withdrawn"] }).notNull(),
    /** The event order (see deliveries.event_order) of the delivery that set `state`. */
    eventOrder: integer("event_order").notNull(),
    deliveryId: text("delivery_id").notNull(),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [primaryKey({ columns: [t.source, t.externalId] })],
);

/** One nightly or on-demand re-check of the archive. */
export const audits = sqliteTable(
  "audits",
  {
    id: text("id").primaryKey(),
    trigger: text("trigger", { enum: ["cron", "api"] }).notNull(),
    status: text("status", { enum: ["running", "finished"] })
      .notNull()
      .default("running"),
    rulesetVersion: text("ruleset_version").notNull(),
    previousRulesetVersion: text("previous_ruleset_version"),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    articlesDue: integer("articles_due").notNull().default(0),
    batchesTotal: integer("batches_total").notNull().default(0),
    batchesDone: integer("batches_done").notNull().default(0),
    scored: integer("scored").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    scoreSum: real("score_sum").notNull().default(0),
    scoreCount: integer("score_count").notNull().default(0),
    passCount: integer("pass_count").notNull().default(0),
    warnCount: integer("warn_count").notNull().default(0),
    failCount: integer("fail_count").notNull().default(0),
    regressions: integer("regressions").notNull().default(0),
    fixed: integer("fixed").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    /** JSON { added: string[], removed: string[], edited: string[] } against the previous audit's ruleset. */
    ruleChanges: text("rule_changes"),
  },
  (t) => [index("audits_started").on(t.startedAt), index("audits_status").on(t.status)],
);

/**
 * The batches an audit fanned out; the audit finishes when none is pending. A "score" batch
 * holds article ids to re-check; a "scan" batch pages the archive after `cursor` and creates
 * the next batches (including the next scan), so paging a huge archive is itself queued work
 * that the audit waits for.
 */
export const auditBatches = sqliteTable(
  "audit_batches",
  {
    auditId: text("audit_id")
      .notNull()
      .references(() => audits.id),
    seq: integer("seq").notNull(),
    kind: text("kind", { enum: ["scan", "score"] })
      .notNull()
      .default("score"),
    /** JSON array of article ids ("score"); "[]" for "scan". */
    articleIds: text("article_ids").notNull(),
    /** "scan" only: page articles whose id sorts after this one ("" = from the start). */
    cursor: text("cursor"),
    /** The scan batch that created this one (null for the first scan). */
    parentSeq: integer("parent_seq"),
    status: text("status", { enum: ["pending", "done", "dead"] })
      .notNull()
      .default("pending"),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [primaryKey({ columns: [t.auditId, t.seq] })],
);

/** An article whose verdicts changed in an audit; (audit, article) is unique so nothing counts twice. */
export const auditChanges = sqliteTable(
  "audit_changes",
  {
    auditId: text("audit_id")
      .notNull()
      .references(() => audits.id),
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id),
    previousRunId: text("previous_run_id"),
    runId: text("run_id").notNull(),
    change: text("change", { enum: ["regression", "fixed", "changed"] }).notNull(),
    previousOutcome: text("previous_outcome"),
    outcome: text("outcome").notNull(),
    /** JSON array of { rule, from, to, quotes, cause } per rule whose status changed. */
    ruleChanges: text("rule_changes").notNull(),
  },
  // article_id indexed: it is a foreign key, so every write to an article row checks it.
  (t) => [primaryKey({ columns: [t.auditId, t.articleId] }), index("audit_changes_article").on(t.articleId)],
);

/**
 * Dashboard sessions, so logging out revokes a session server-side: the signed cookie names a
 * row here, and a cookie whose row is gone (logged out, or expired and swept) is refused.
 */
export const dashboardSessions = sqliteTable("dashboard_sessions", {
  /** SHA-256 hex of the random session id in the cookie (a leaked table row cannot be replayed as a cookie). */
  idHash: text("id_hash").primaryKey(),
  role: text("role", { enum: ["write", "read"] }).notNull(),
  /** Unix seconds. */
  expiresAt: integer("expires_at").notNull(),
  createdAt: timestamps.createdAt,
});

/**
 * Per-person API tokens for scripts. Only the SHA-256 of the token is stored; the token itself is
 * shown once, when created. A revoked token keeps its row so past actions still name it.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    /** The person (email) the token acts for: runs it starts are credited to them. */
    owner: text("owner").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["write", "read"] }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamps.createdAt,
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.tokenHash), index("api_tokens_owner").on(t.owner)],
);

/** Where run retention (storage/retention.ts) resumes: one row, id = 1. */
export const retentionState = sqliteTable("retention_state", {
  id: integer("id").primaryKey(),
  /** The last run id examined in the current pass; '' = start from the oldest run. */
  cursor: text("cursor").notNull().default(""),
  /** Completed passes over the old runs, and runs deleted in all. */
  passes: integer("passes").notNull().default(0),
  runsDeleted: integer("runs_deleted").notNull().default(0),
  updatedAt: text("updated_at").notNull(),
});
/**
 * Editors' labels on findings (a failing span: article, rule, quoted wording; engine/feedback.ts).
 * Every label is a row: the newest one not undone is in force, older ones stay as history.
 */
export const feedback = sqliteTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id),
    finding: text("finding").notNull(),
    ruleId: text("rule_id").notNull(),
    /** The span's wording when labelled (the finding id is a hash of it). */
    quote: text("quote").notNull(),
    label: text("label", { enum: ["false_alarm", "confirmed"] }).notNull(),
    note: text("note"),
    /** Who labelled: a person's email, "token:<fingerprint>" for a shared API token, or "dashboard:<role>". */
    actor: text("actor").notNull(),
    createdAt: timestamps.createdAt,
    undoneAt: text("undone_at"),
    undoneBy: text("undone_by"),
  },
  (t) => [index("feedback_article").on(t.articleId, t.finding, t.createdAt), index("feedback_rule").on(t.ruleId, t.createdAt)],
);

// ---- runtime rulesets (migration 0007) --------------------------------------------------------

/** Every rule file's text of a stored ruleset version (keyed by rulesets.version, immutable). */
export const rulesetFiles = sqliteTable(
  "ruleset_files",
  {
    version: text("version").notNull(),
    /** Relative to the rules root, e.g. "cecot/release.count.yaml" or "cecot/pack.yaml". */
    path: text("path").notNull(),
    text: text("text").notNull(),
    /** The YAML parsed, as JSON: an isolate compiles the version without parsing YAML (as the bundle does). */
    data: text("data"),
  },
  (t) => [primaryKey({ columns: [t.version, t.path] })],
);

/** The one row naming the current ruleset version; absent = the bundled ruleset. */
export const rulesetCurrent = sqliteTable("ruleset_current", {
  /** Always 1 (CHECK in the migration): publish and activate move this one row. */
  id: integer("id").primaryKey(),
  version: text("version").notNull(),
  activatedAt: text("activated_at").notNull(),
  /** Who moved it: a person's email, "api-token" or "dashboard". */
  activatedBy: text("activated_by"),
});

/** A proposed ruleset: a base version plus changed, added or removed files. */
export const rulesetDrafts = sqliteTable(
  "ruleset_drafts",
  {
    id: text("id").primaryKey(),
    baseVersion: text("base_version").notNull(),
    /** The version the draft's files hash to (what publishing makes current). */
    version: text("version").notNull(),
    status: text("status", { enum: ["open", "published"] })
      .notNull()
      .default("open"),
    createdBy: text("created_by"),
    createdAt: timestamps.createdAt,
    publishedAt: text("published_at"),
  },
  (t) => [index("ruleset_drafts_created").on(t.createdAt)],
);

/** A draft's changed or added files (`text`), and removed ones (`text` null). */
export const rulesetDraftFiles = sqliteTable(
  "ruleset_draft_files",
  {
    draftId: text("draft_id").notNull(),
    path: text("path").notNull(),
    text: text("text"),
    /** `text` parsed, as JSON (null with `text`). */
    data: text("data"),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.path] })],
);

/** An impact preview of a draft over the newest stored articles, in chunks (one queue message each). */
export const rulesetPreviews = sqliteTable("ruleset_previews", {
  id: text("id").primaryKey(),
  draftId: text("draft_id").notNull(),
  /** The draft's version, and the current version it is compared with. */
  version: text("version").notNull(),
  againstVersion: text("against_version").notNull(),
  articles: integer("articles").notNull(),
  chunksTotal: integer("chunks_total").notNull(),
  /** Undated articles are judged as of this instant, in every chunk. */
  asOf: text("as_of").notNull(),
  createdAt: timestamps.createdAt,
});

export const rulesetPreviewChunks = sqliteTable(
  "ruleset_preview_chunks",
  {
    previewId: text("preview_id").notNull(),
    seq: integer("seq").notNull(),
    /** JSON array of article ids. */
    articleIds: text("article_ids").notNull(),
    status: text("status", { enum: ["pending", "done", "dead"] })
      .notNull()
      .default("pending"),
    /** JSON array of PreviewArticle once done. */
    result: text("result"),
  },
  (t) => [primaryKey({ columns: [t.previewId, t.seq] })],
);
