CREATE TABLE `article_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`articles` integer DEFAULT 0 NOT NULL,
	`failing` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `runs_audit`;--> statement-breakpoint
ALTER TABLE `runs` ADD `implied_verdicts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
DROP INDEX `verdicts_rule_status`;--> statement-breakpoint
ALTER TABLE `articles` ADD `checked_ruleset_version` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `checked_as_of` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `checked_audit_id` text;--> statement-breakpoint
ALTER TABLE `rulesets` ADD `format` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `rulesets_first_seen` ON `rulesets` (`first_seen_at`);--> statement-breakpoint
CREATE INDEX `audit_changes_article` ON `audit_changes` (`article_id`);--> statement-breakpoint
CREATE INDEX `audits_status` ON `audits` (`status`);--> statement-breakpoint
-- Hand-written: the dashboard's unfiltered totals start from the archive as it is, then triggers
-- keep them (one extra row written per article write instead of a whole-archive scan per page).
INSERT INTO `article_totals` (`id`, `articles`, `failing`, `score_sum`, `score_count`)
  SELECT 1, count(*), coalesce(sum(`latest_outcome` = 'fail'), 0), coalesce(sum(`latest_score`), 0), count(`latest_score`) FROM `articles`;--> statement-breakpoint
CREATE TRIGGER `article_totals_insert` AFTER INSERT ON `articles` BEGIN
  UPDATE `article_totals` SET `articles` = `articles` + 1, `failing` = `failing` + (NEW.`latest_outcome` IS 'fail'),
    `score_sum` = `score_sum` + coalesce(NEW.`latest_score`, 0), `score_count` = `score_count` + (NEW.`latest_score` IS NOT NULL) WHERE `id` = 1;
END;--> statement-breakpoint
CREATE TRIGGER `article_totals_update` AFTER UPDATE OF `latest_outcome`, `latest_score` ON `articles` BEGIN
  UPDATE `article_totals` SET `failing` = `failing` + (NEW.`latest_outcome` IS 'fail') - (OLD.`latest_outcome` IS 'fail'),
    `score_sum` = `score_sum` + coalesce(NEW.`latest_score`, 0) - coalesce(OLD.`latest_score`, 0),
    `score_count` = `score_count` + (NEW.`latest_score` IS NOT NULL) - (OLD.`latest_score` IS NOT NULL) WHERE `id` = 1;
END;--> statement-breakpoint
CREATE TRIGGER `article_totals_delete` AFTER DELETE ON `articles` BEGIN
  UPDATE `article_totals` SET `articles` = `articles` - 1, `failing` = `failing` - (OLD.`latest_outcome` IS 'fail'),
    `score_sum` = `score_sum` - coalesce(OLD.`latest_score`, 0), `score_count` = `score_count` - (OLD.`latest_score` IS NOT NULL) WHERE `id` = 1;
END;--> statement-breakpoint
-- Index statistics for the query planner (D1 recommends it after creating or dropping indexes).
PRAGMA optimize;
