-- A cheaper stored score, same answers (docs/performance.md#storage-cost). Hand-written
-- (drizzle-kit tracks neither views nor triggers; the DROP TABLE at the end is what it generates).
-- Migration 0011's run_writes trigger again, with two changes:
-- - Each article row is built once, not twice. 0011 ran both article passes over every article
--   row (the insert for new articles, then the upsert for existing ones), each building the whole
--   row, its text read out of the JSON parameters, before the unique index turned it away (DO
--   NOTHING, or the upsert's WHERE). Now each pass first probes articles_source_external_id and
--   builds only the rows it writes: a new article skips the upserts, an existing one the insert.
--   SQLite's CPU for the write ~10% lower, the same rows written.
-- - A re-score with an unchanged text (an audit's, a re-post) leaves `text` out of its SET, so
--   the partial index articles_text_inline is not rewritten: one row written fewer.
-- And article_totals goes (below): one row written fewer per new or re-scored article.
-- The statement's parameters, checks and results are 0011's (src/storage/runs.ts). Changing these
-- writes means a new migration that drops and re-creates the trigger.
DROP TRIGGER `run_writes_insert`;
--> statement-breakpoint
CREATE TRIGGER `run_writes_insert` INSTEAD OF INSERT ON `run_writes` BEGIN
  -- New articles first, already pointing at their runs: each run below looks its article's id up,
  -- and its verdict rows then add themselves to the counters. Existing articles are updated last.
  -- Only rows whose article does not exist yet are built (a probe of the unique index).
  INSERT INTO `articles` (`id`, `source`, `external_id`, `url`, `title`, `text`, `content_hash`, `published_at`, `language`, `status`,
      `latest_run_id`, `latest_score`, `latest_outcome`, `latest_failed_rules`, `last_checked_at`, `failing_since`,
      `checked_ruleset_version`, `checked_as_of`, `checked_audit_id`, `created_at`, `updated_at`)
    SELECT a ->> 'id', a ->> 'source', a ->> 'external_id', a ->> 'url', a ->> 'title', NEW.`texts` ->> key, a ->> 'content_hash', a ->> 'published_at', a ->> 'language', 'active',
      a ->> 'latest_run_id', a ->> 'latest_score', a ->> 'latest_outcome', a ->> 'latest_failed_rules', a ->> 'now', a ->> 'failing_since',
      a ->> 'checked_ruleset_version', a ->> 'checked_as_of', a ->> 'checked_audit_id', a ->> 'now', a ->> 'now'
    FROM (SELECT key, value AS a FROM json_each(NEW.`article_rows`))
    WHERE NOT EXISTS (SELECT 1 FROM `articles` x WHERE x.`source` = a ->> 'source' AND x.`external_id` = a ->> 'external_id')
    ON CONFLICT (`source`, `external_id`) DO NOTHING;
  -- The article id is resolved inside the statement, so a concurrent first insert cannot race us.
  -- Two NOT NULL failures undo the whole statement on purpose (storage/runs.ts tells them apart by column):
  -- ruleset_version is NULL unless the ruleset is stored in a format (2, lib/implied-verdicts.ts
  -- RULESET_FORMAT) that can restore the implied verdicts (saveRun then stores it and retries),
  -- article_id is NULL when the caller, which scored without reading the editors' labels, listed
  -- the run's finding ids in label_check and a label in force names one of them (it then reads the
  -- labels and writes again, use-cases/score-article.ts).
  INSERT INTO `runs` (`id`, `article_id`, `trigger`, `audit_id`, `delivery_id`, `actor`, `ruleset_version`, `content_hash`, `score`, `outcome`,
      `pass_count`, `fail_count`, `not_applicable_count`, `review_count`, `error_count`, `as_of`, `implied_verdicts`, `created_at`)
    SELECT r ->> 'id',
      (SELECT CASE WHEN EXISTS (SELECT 1 FROM json_each(NEW.`label_check`) c
            JOIN `feedback` f ON f.`article_id` = a.`id` AND f.`undone_at` IS NULL
            WHERE c.value ->> 'source' = a.`source` AND c.value ->> 'external_id' = a.`external_id`
              AND f.`finding` IN (SELECT value FROM json_each(c.value -> 'findings')))
          THEN NULL ELSE a.`id` END
        FROM `articles` a WHERE a.`source` = r ->> 'source' AND a.`external_id` = r ->> 'external_id'),
      r ->> 'trigger', r ->> 'audit_id', r ->> 'delivery_id', r ->> 'actor',
      (SELECT `version` FROM `rulesets` WHERE `version` = r ->> 'ruleset_version' AND `format` >= 2),
      r ->> 'content_hash', r ->> 'score', r ->> 'outcome',
      r ->> '$.counts[0]', r ->> '$.counts[1]', r ->> '$.counts[2]', r ->> '$.counts[3]', r ->> '$.counts[4]', r ->> 'as_of', r ->> 'implied', r ->> 'now'
    FROM (SELECT value AS r FROM json_each(NEW.`run_rows`));
  -- Evidence travels in an array of its own: `->>` parses the JSON value it reads, so each row
  -- stays small. The i-th evidence (and text) is read by index, not by joining two json_each on
  -- key: SQLite can only nest that join, which visited verdicts × evidence rows (D1 counted each
  -- as a row read: ~840 per article in a 50-article audit batch). SQLite keeps the parsed array
  -- for the statement, so reading by index stays linear.
  INSERT INTO `verdicts` (`run_id`, `rule_id`, `status`, `severity`, `kind`, `evidence`, `message`, `dismissed`)
    SELECT v ->> 0, v ->> 1, v ->> 2, v ->> 3, v ->> 4, NEW.`evidence` ->> key, v ->> 5, v ->> 6
    FROM (SELECT key, value AS v FROM json_each(NEW.`verdict_rows`));
  -- Last, the existing articles move to their new runs: 0010's trigger on articles then nets the
  -- old run's verdict rows against the new run's, so a verdict that did not change writes no
  -- counter row. SET expressions see the OLD row, so failing_since keeps the date of the first
  -- failure while the article stays failing. status is not updated: only the CMS's life cycle
  -- changes it (storage/article-states.ts). The articles inserted above already point at their
  -- runs and are skipped before their rows are built (the same test as the upsert's WHERE).
  -- Two passes, one per kind of re-score, with the same SET but for `text`:
  -- 1. The text is unchanged (same hash: an audit's re-score, a re-post): `text` is not in the SET,
  --    so the row keeps its text ('' once offloaded to R2, storage/texts.ts), the text is not read
  --    out of the parameters, and articles_text_inline (which depends on `text`) is not rewritten:
  --    one row written fewer. Its insert half never runs (the article exists), hence the ''.
  INSERT INTO `articles` (`id`, `source`, `external_id`, `url`, `title`, `text`, `content_hash`, `published_at`, `language`, `status`,
      `latest_run_id`, `latest_score`, `latest_outcome`, `latest_failed_rules`, `last_checked_at`, `failing_since`,
      `checked_ruleset_version`, `checked_as_of`, `checked_audit_id`, `created_at`, `updated_at`)
    SELECT a ->> 'id', a ->> 'source', a ->> 'external_id', a ->> 'url', a ->> 'title', '', a ->> 'content_hash', a ->> 'published_at', a ->> 'language', 'active',
      a ->> 'latest_run_id', a ->> 'latest_score', a ->> 'latest_outcome', a ->> 'latest_failed_rules', a ->> 'now', a ->> 'failing_since',
      a ->> 'checked_ruleset_version', a ->> 'checked_as_of', a ->> 'checked_audit_id', a ->> 'now', a ->> 'now'
    FROM (SELECT key, value AS a FROM json_each(NEW.`article_rows`))
    WHERE EXISTS (SELECT 1 FROM `articles` x WHERE x.`source` = a ->> 'source' AND x.`external_id` = a ->> 'external_id'
      AND x.`latest_run_id` IS NOT a ->> 'latest_run_id'
      AND x.`content_hash` = a ->> 'content_hash')
    ON CONFLICT (`source`, `external_id`) DO UPDATE SET
      `url` = coalesce(excluded.`url`, `articles`.`url`), `title` = coalesce(excluded.`title`, `articles`.`title`),
      `content_hash` = excluded.`content_hash`, `published_at` = coalesce(excluded.`published_at`, `articles`.`published_at`),
      `language` = coalesce(excluded.`language`, `articles`.`language`), `updated_at` = excluded.`updated_at`,
      `latest_run_id` = excluded.`latest_run_id`, `latest_score` = excluded.`latest_score`, `latest_outcome` = excluded.`latest_outcome`,
      `latest_failed_rules` = excluded.`latest_failed_rules`, `last_checked_at` = excluded.`last_checked_at`,
      `failing_since` = CASE WHEN excluded.`latest_outcome` IS NOT 'fail' THEN NULL
        WHEN `articles`.`latest_outcome` = 'fail' AND `articles`.`failing_since` IS NOT NULL THEN `articles`.`failing_since` ELSE excluded.`failing_since` END,
      `checked_ruleset_version` = excluded.`checked_ruleset_version`, `checked_as_of` = excluded.`checked_as_of`, `checked_audit_id` = excluded.`checked_audit_id`
    WHERE `articles`.`latest_run_id` IS NOT excluded.`latest_run_id`;
  -- 2. The text changed: the new text replaces it.
  INSERT INTO `articles` (`id`, `source`, `external_id`, `url`, `title`, `text`, `content_hash`, `published_at`, `language`, `status`,
      `latest_run_id`, `latest_score`, `latest_outcome`, `latest_failed_rules`, `last_checked_at`, `failing_since`,
      `checked_ruleset_version`, `checked_as_of`, `checked_audit_id`, `created_at`, `updated_at`)
    SELECT a ->> 'id', a ->> 'source', a ->> 'external_id', a ->> 'url', a ->> 'title', NEW.`texts` ->> key, a ->> 'content_hash', a ->> 'published_at', a ->> 'language', 'active',
      a ->> 'latest_run_id', a ->> 'latest_score', a ->> 'latest_outcome', a ->> 'latest_failed_rules', a ->> 'now', a ->> 'failing_since',
      a ->> 'checked_ruleset_version', a ->> 'checked_as_of', a ->> 'checked_audit_id', a ->> 'now', a ->> 'now'
    FROM (SELECT key, value AS a FROM json_each(NEW.`article_rows`))
    WHERE EXISTS (SELECT 1 FROM `articles` x WHERE x.`source` = a ->> 'source' AND x.`external_id` = a ->> 'external_id'
      AND x.`latest_run_id` IS NOT a ->> 'latest_run_id'
      AND x.`content_hash` IS NOT a ->> 'content_hash')
    ON CONFLICT (`source`, `external_id`) DO UPDATE SET
      `url` = coalesce(excluded.`url`, `articles`.`url`), `title` = coalesce(excluded.`title`, `articles`.`title`),
      `text` = excluded.`text`,
      `content_hash` = excluded.`content_hash`, `published_at` = coalesce(excluded.`published_at`, `articles`.`published_at`),
      `language` = coalesce(excluded.`language`, `articles`.`language`), `updated_at` = excluded.`updated_at`,
      `latest_run_id` = excluded.`latest_run_id`, `latest_score` = excluded.`latest_score`, `latest_outcome` = excluded.`latest_outcome`,
      `latest_failed_rules` = excluded.`latest_failed_rules`, `last_checked_at` = excluded.`last_checked_at`,
      `failing_since` = CASE WHEN excluded.`latest_outcome` IS NOT 'fail' THEN NULL
        WHEN `articles`.`latest_outcome` = 'fail' AND `articles`.`failing_since` IS NOT NULL THEN `articles`.`failing_since` ELSE excluded.`failing_since` END,
      `checked_ruleset_version` = excluded.`checked_ruleset_version`, `checked_as_of` = excluded.`checked_as_of`, `checked_audit_id` = excluded.`checked_audit_id`
    WHERE `articles`.`latest_run_id` IS NOT excluded.`latest_run_id`;
END;
--> statement-breakpoint
-- The dashboard's unfiltered totals are the sum of the article_counts rows (migration 0008),
-- which every article write already updates: article_totals (0003) was one more row written per
-- new or re-scored article for the same answer. storage/articles.ts sums article_counts instead.
DROP TRIGGER `article_totals_insert`;
--> statement-breakpoint
DROP TRIGGER `article_totals_update`;
--> statement-breakpoint
DROP TRIGGER `article_totals_delete`;
--> statement-breakpoint
DROP TABLE `article_totals`;
