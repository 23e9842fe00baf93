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
-- Index statistics for the query planner (D1 recommends it after creating or dropping indexes).
PRAGMA optimize;
