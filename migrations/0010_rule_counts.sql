CREATE TABLE `rule_counts` (
	`rule_id` text NOT NULL,
	`status` text NOT NULL,
	`articles` integer DEFAULT 0 NOT NULL,
	`lean` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`rule_id`, `status`)
);
--> statement-breakpoint
CREATE TABLE `ruleset_counts` (
	`version` text PRIMARY KEY NOT NULL,
	`articles` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written: per-rule counts over every active article's latest run start from the archive as
-- it is, then triggers keep them. A verdict counts while its run is its article's latest_run_id
-- and the article is active; the write path may set latest_run_id before or after the run and its
-- verdict rows exist, so each side checks the other: a moved latest_run_id (or status) moves the
-- runs' rows that exist (net of the two, so an unchanged verdict writes nothing), and a verdict or
-- run written later adds itself when it is already the latest. Status key: 'dismissed' for a
-- fail editors dismissed. runs.article_id never changes.
INSERT INTO `rule_counts` (`rule_id`, `status`, `articles`, `lean`)
  SELECT v.`rule_id`, CASE WHEN v.`status` = 'fail' AND v.`dismissed` THEN 'dismissed' ELSE v.`status` END, count(*), sum(r.`implied_verdicts` > 0)
  FROM `articles` a JOIN `runs` r ON r.`id` = a.`latest_run_id` JOIN `verdicts` v ON v.`run_id` = r.`id`
  WHERE a.`status` = 'active' GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO `ruleset_counts` (`version`, `articles`)
  SELECT r.`ruleset_version`, count(*) FROM `articles` a JOIN `runs` r ON r.`id` = a.`latest_run_id`
  WHERE a.`status` = 'active' AND r.`implied_verdicts` > 0 GROUP BY 1;--> statement-breakpoint
CREATE TRIGGER `rule_counts_article_insert` AFTER INSERT ON `articles`
  WHEN NEW.`status` = 'active' AND NEW.`latest_run_id` IS NOT NULL BEGIN
  INSERT INTO `rule_counts` (`rule_id`, `status`, `articles`, `lean`)
    SELECT v.`rule_id`, CASE WHEN v.`status` = 'fail' AND v.`dismissed` THEN 'dismissed' ELSE v.`status` END, 1, r.`implied_verdicts` > 0
    FROM `runs` r JOIN `verdicts` v ON v.`run_id` = r.`id` WHERE r.`id` = NEW.`latest_run_id`
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1, `lean` = `lean` + excluded.`lean`;
  INSERT INTO `ruleset_counts` (`version`, `articles`)
    SELECT r.`ruleset_version`, 1 FROM `runs` r WHERE r.`id` = NEW.`latest_run_id` AND r.`implied_verdicts` > 0
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `rule_counts_article_update` AFTER UPDATE OF `latest_run_id`, `status` ON `articles`
  WHEN OLD.`latest_run_id` IS NOT NEW.`latest_run_id` OR OLD.`status` IS NOT NEW.`status` BEGIN
  INSERT INTO `rule_counts` (`rule_id`, `status`, `articles`, `lean`)
    SELECT `rule_id`, `st`, sum(`d`), sum(`d` * `l`) FROM (
      SELECT v.`rule_id`, CASE WHEN v.`status` = 'fail' AND v.`dismissed` THEN 'dismissed' ELSE v.`status` END AS `st`, -1 AS `d`, r.`implied_verdicts` > 0 AS `l`
        FROM `runs` r JOIN `verdicts` v ON v.`run_id` = r.`id` WHERE OLD.`status` = 'active' AND r.`id` = OLD.`latest_run_id`
      UNION ALL
      SELECT v.`rule_id`, CASE WHEN v.`status` = 'fail' AND v.`dismissed` THEN 'dismissed' ELSE v.`status` END, 1, r.`implied_verdicts` > 0
        FROM `runs` r JOIN `verdicts` v ON v.`run_id` = r.`id` WHERE NEW.`status` = 'active' AND r.`id` = NEW.`latest_run_id`)
    WHERE true GROUP BY `rule_id`, `st` HAVING sum(`d`) <> 0 OR sum(`d` * `l`) <> 0
    ON CONFLICT DO UPDATE SET `articles` = `articles` + excluded.`articles`, `lean` = `lean` + excluded.`lean`;
  INSERT INTO `ruleset_counts` (`version`, `articles`)
    SELECT `version`, sum(`d`) FROM (
      SELECT r.`ruleset_version` AS `version`, -1 AS `d` FROM `runs` r
        WHERE OLD.`status` = 'active' AND r.`id` = OLD.`latest_run_id` AND r.`implied_verdicts` > 0
      UNION ALL
      SELECT r.`ruleset_version`, 1 FROM `runs` r WHERE NEW.`status` = 'active' AND r.`id` = NEW.`latest_run_id` AND r.`implied_verdicts` > 0)
    WHERE true GROUP BY `version` HAVING sum(`d`) <> 0
    ON CONFLICT DO UPDATE SET `articles` = `articles` + excluded.`articles`;
END;--> statement-breakpoint
CREATE TRIGGER `rule_counts_article_delete` AFTER DELETE ON `articles`
  WHEN OLD.`status` = 'active' AND OLD.`latest_run_id` IS NOT NULL BEGIN
  UPDATE `rule_counts` SET `articles` = `articles` - 1, `lean` = `lean` - (SELECT `implied_verdicts` > 0 FROM `runs` WHERE `id` = OLD.`latest_run_id`)
    WHERE (`rule_id`, `status`) IN (SELECT `rule_id`, CASE WHEN `status` = 'fail' AND `dismissed` THEN 'dismissed' ELSE `status` END
      FROM `verdicts` WHERE `run_id` = OLD.`latest_run_id`);
  UPDATE `ruleset_counts` SET `articles` = `articles` - 1
    WHERE `version` = (SELECT `ruleset_version` FROM `runs` WHERE `id` = OLD.`latest_run_id` AND `implied_verdicts` > 0);
END;--> statement-breakpoint
CREATE TRIGGER `rule_counts_run_insert` AFTER INSERT ON `runs`
  WHEN NEW.`implied_verdicts` > 0
    AND EXISTS (SELECT 1 FROM `articles` a WHERE a.`id` = NEW.`article_id` AND a.`latest_run_id` = NEW.`id` AND a.`status` = 'active') BEGIN
  INSERT INTO `ruleset_counts` (`version`, `articles`) VALUES (NEW.`ruleset_version`, 1)
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1;
END;--> statement-breakpoint
-- Run retention never deletes an article's latest run; this keeps the counts right if anything does.
CREATE TRIGGER `rule_counts_run_delete` AFTER DELETE ON `runs`
  WHEN OLD.`implied_verdicts` > 0
    AND EXISTS (SELECT 1 FROM `articles` a WHERE a.`id` = OLD.`article_id` AND a.`latest_run_id` = OLD.`id` AND a.`status` = 'active') BEGIN
  UPDATE `ruleset_counts` SET `articles` = `articles` - 1 WHERE `version` = OLD.`ruleset_version`;
END;--> statement-breakpoint
-- Runs are written once; a run turned lean or not (only rows stored before 0003 and tests do it) moves its counts.
CREATE TRIGGER `rule_counts_run_update` AFTER UPDATE OF `implied_verdicts`, `ruleset_version` ON `runs`
  WHEN ((OLD.`implied_verdicts` > 0) IS NOT (NEW.`implied_verdicts` > 0) OR OLD.`ruleset_version` IS NOT NEW.`ruleset_version`)
    AND EXISTS (SELECT 1 FROM `articles` a WHERE a.`id` = NEW.`article_id` AND a.`latest_run_id` = NEW.`id` AND a.`status` = 'active') BEGIN
  INSERT INTO `ruleset_counts` (`version`, `articles`)
    SELECT `version`, sum(`d`) FROM (
      SELECT OLD.`ruleset_version` AS `version`, -1 AS `d` WHERE OLD.`implied_verdicts` > 0
      UNION ALL SELECT NEW.`ruleset_version`, 1 WHERE NEW.`implied_verdicts` > 0)
    WHERE true GROUP BY `version` HAVING sum(`d`) <> 0
    ON CONFLICT DO UPDATE SET `articles` = `articles` + excluded.`articles`;
  UPDATE `rule_counts` SET `lean` = `lean` + (NEW.`implied_verdicts` > 0) - (OLD.`implied_verdicts` > 0)
    WHERE (NEW.`implied_verdicts` > 0) IS NOT (OLD.`implied_verdicts` > 0)
      AND (`rule_id`, `status`) IN (SELECT `rule_id`, CASE WHEN `status` = 'fail' AND `dismissed` THEN 'dismissed' ELSE `status` END
        FROM `verdicts` WHERE `run_id` = NEW.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `rule_counts_verdict_insert` AFTER INSERT ON `verdicts`
  WHEN EXISTS (SELECT 1 FROM `runs` r JOIN `articles` a ON a.`id` = r.`article_id`
    WHERE r.`id` = NEW.`run_id` AND a.`latest_run_id` = NEW.`run_id` AND a.`status` = 'active') BEGIN
  INSERT INTO `rule_counts` (`rule_id`, `status`, `articles`, `lean`)
    VALUES (NEW.`rule_id`, CASE WHEN NEW.`status` = 'fail' AND NEW.`dismissed` THEN 'dismissed' ELSE NEW.`status` END, 1,
      (SELECT `implied_verdicts` > 0 FROM `runs` WHERE `id` = NEW.`run_id`))
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1, `lean` = `lean` + excluded.`lean`;
END;--> statement-breakpoint
CREATE TRIGGER `rule_counts_verdict_delete` AFTER DELETE ON `verdicts`
  WHEN EXISTS (SELECT 1 FROM `runs` r JOIN `articles` a ON a.`id` = r.`article_id`
    WHERE r.`id` = OLD.`run_id` AND a.`latest_run_id` = OLD.`run_id` AND a.`status` = 'active') BEGIN
  UPDATE `rule_counts` SET `articles` = `articles` - 1, `lean` = `lean` - (SELECT `implied_verdicts` > 0 FROM `runs` WHERE `id` = OLD.`run_id`)
    WHERE `rule_id` = OLD.`rule_id` AND `status` = CASE WHEN OLD.`status` = 'fail' AND OLD.`dismissed` THEN 'dismissed' ELSE OLD.`status` END;
END;--> statement-breakpoint
-- Feedback dismissing a fail (or undoing it) moves the verdict between 'fail' and 'dismissed'.
CREATE TRIGGER `rule_counts_verdict_update` AFTER UPDATE OF `status`, `dismissed`, `rule_id` ON `verdicts`
  WHEN (OLD.`rule_id` IS NOT NEW.`rule_id`
      OR (CASE WHEN OLD.`status` = 'fail' AND OLD.`dismissed` THEN 'dismissed' ELSE OLD.`status` END)
        IS NOT (CASE WHEN NEW.`status` = 'fail' AND NEW.`dismissed` THEN 'dismissed' ELSE NEW.`status` END))
    AND EXISTS (SELECT 1 FROM `runs` r JOIN `articles` a ON a.`id` = r.`article_id`
      WHERE r.`id` = NEW.`run_id` AND a.`latest_run_id` = NEW.`run_id` AND a.`status` = 'active') BEGIN
  UPDATE `rule_counts` SET `articles` = `articles` - 1, `lean` = `lean` - (SELECT `implied_verdicts` > 0 FROM `runs` WHERE `id` = OLD.`run_id`)
    WHERE `rule_id` = OLD.`rule_id` AND `status` = CASE WHEN OLD.`status` = 'fail' AND OLD.`dismissed` THEN 'dismissed' ELSE OLD.`status` END;
  INSERT INTO `rule_counts` (`rule_id`, `status`, `articles`, `lean`)
    VALUES (NEW.`rule_id`, CASE WHEN NEW.`status` = 'fail' AND NEW.`dismissed` THEN 'dismissed' ELSE NEW.`status` END, 1,
      (SELECT `implied_verdicts` > 0 FROM `runs` WHERE `id` = NEW.`run_id`))
    ON CONFLICT DO UPDATE SET `articles` = `articles` + 1, `lean` = `lean` + excluded.`lean`;
END;--> statement-breakpoint
PRAGMA optimize;
