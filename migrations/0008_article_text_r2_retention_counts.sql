CREATE TABLE `article_counts` (
	`source` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text NOT NULL,
	`articles` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`source`, `status`, `outcome`)
);
--> statement-breakpoint
CREATE TABLE `retention_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`passes` integer DEFAULT 0 NOT NULL,
	`runs_deleted` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `articles_text_inline` ON `articles` (`id`) WHERE text <> '';--> statement-breakpoint
-- Hand-written: the per-(source, status, outcome) totals start from the archive as it is, then
-- triggers keep them (one row written per article write; two when its key changes).
INSERT INTO `article_counts` (`source`, `status`, `outcome`, `articles`, `score_sum`, `score_count`)
  SELECT `source`, `status`, coalesce(`latest_outcome`, ''), count(*), coalesce(sum(`latest_score`), 0), count(`latest_score`)
  FROM `articles` GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE TRIGGER `article_counts_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO `article_counts` (`source`, `status`, `outcome`, `articles`, `score_sum`, `score_count`)
    VALUES (NEW.`source`, NEW.`status`, coalesce(NEW.`latest_outcome`, ''), 1, coalesce(NEW.`latest_score`, 0), NEW.`latest_score` IS NOT NULL)
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1, `score_sum` = `score_sum` + excluded.`score_sum`, `score_count` = `score_count` + excluded.`score_count`;
END;--> statement-breakpoint
CREATE TRIGGER `article_counts_update_same` AFTER UPDATE OF `source`, `status`, `latest_outcome`, `latest_score` ON `articles`
  WHEN OLD.`source` = NEW.`source` AND OLD.`status` = NEW.`status` AND OLD.`latest_outcome` IS NEW.`latest_outcome` BEGIN
  UPDATE `article_counts` SET `score_sum` = `score_sum` + coalesce(NEW.`latest_score`, 0) - coalesce(OLD.`latest_score`, 0),
    `score_count` = `score_count` + (NEW.`latest_score` IS NOT NULL) - (OLD.`latest_score` IS NOT NULL)
    WHERE `source` = NEW.`source` AND `status` = NEW.`status` AND `outcome` = coalesce(NEW.`latest_outcome`, '');
END;--> statement-breakpoint
CREATE TRIGGER `article_counts_update_moved` AFTER UPDATE OF `source`, `status`, `latest_outcome`, `latest_score` ON `articles`
  WHEN NOT (OLD.`source` = NEW.`source` AND OLD.`status` = NEW.`status` AND OLD.`latest_outcome` IS NEW.`latest_outcome`) BEGIN
  UPDATE `article_counts` SET `articles` = `articles` - 1, `score_sum` = `score_sum` - coalesce(OLD.`latest_score`, 0),
    `score_count` = `score_count` - (OLD.`latest_score` IS NOT NULL)
    WHERE `source` = OLD.`source` AND `status` = OLD.`status` AND `outcome` = coalesce(OLD.`latest_outcome`, '');
  INSERT INTO `article_counts` (`source`, `status`, `outcome`, `articles`, `score_sum`, `score_count`)
    VALUES (NEW.`source`, NEW.`status`, coalesce(NEW.`latest_outcome`, ''), 1, coalesce(NEW.`latest_score`, 0), NEW.`latest_score` IS NOT NULL)
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1, `score_sum` = `score_sum` + excluded.`score_sum`, `score_count` = `score_count` + excluded.`score_count`;
END;--> statement-breakpoint
CREATE TRIGGER `article_counts_delete` AFTER DELETE ON `articles` BEGIN
  UPDATE `article_counts` SET `articles` = `articles` - 1, `score_sum` = `score_sum` - coalesce(OLD.`latest_score`, 0),
    `score_count` = `score_count` - (OLD.`latest_score` IS NOT NULL)
    WHERE `source` = OLD.`source` AND `status` = OLD.`status` AND `outcome` = coalesce(OLD.`latest_outcome`, '');
END;--> statement-breakpoint
-- Statistics for the planner after a new index (D1 runs no ANALYZE of its own).
PRAGMA optimize;
