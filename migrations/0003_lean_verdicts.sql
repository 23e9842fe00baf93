DROP INDEX `runs_audit`;--> statement-breakpoint
ALTER TABLE `runs` ADD `implied_verdicts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `runs_audit_article` ON `runs` (`audit_id`,`article_id`) WHERE audit_id IS NOT NULL;--> statement-breakpoint
DROP INDEX `verdicts_rule_status`;--> statement-breakpoint
ALTER TABLE `rulesets` ADD `format` integer DEFAULT 1 NOT NULL;