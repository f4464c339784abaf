-- The rules audit log is append-only and published versions are immutable: the database itself
-- refuses to change them, whatever code runs.
CREATE TRIGGER rule_audit_log_no_update BEFORE UPDATE ON rule_audit_log
BEGIN
	SELECT RAISE(ABORT, 'rule_audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER rule_audit_log_no_delete BEFORE DELETE ON rule_audit_log
BEGIN
	SELECT RAISE(ABORT, 'rule_audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER rule_versions_no_update BEFORE UPDATE ON rule_versions
BEGIN
	SELECT RAISE(ABORT, 'a published rule set version is immutable');
END;
