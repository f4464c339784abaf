-- What was put up for approval is what gets published: a candidate never changes once requested.
CREATE TRIGGER rule_requests_candidate_frozen BEFORE UPDATE OF candidate ON rule_approval_requests
BEGIN
	SELECT RAISE(ABORT, 'a candidate is frozen once approval is requested');
END;
