/** The Algoritmeregister publication of a published version, filled from the version and its coalition. */
import { eq } from 'drizzle-orm';
import { toAlgoritmeregister, type RegisterPublication } from '$lib/rules/algoritmeregister';
import type { ExportedRuleSet } from '$lib/rules/model';
import type { DB } from '../db';
import { ruleApprovalRequests } from '../db/schema';
import { getCoalition, listOrganisations } from '../coalitions/service';
import type { Candidate } from './approvals';
import type { VersionRow } from './versions';

export function publicationFor(db: DB, coalitionId: string, version: VersionRow & { definition: ExportedRuleSet }): RegisterPublication {
	const coalition = getCoalition(db, coalitionId)!;
	const publication = toAlgoritmeregister(version.definition, {
		organisation: coalition.name,
		partners: listOrganisations(db, coalitionId).map((o) => o.name),
		// E-mail addresses of members are not shown to other members; the coalition fills this in.
		contactEmail: 'Nog in te vullen door de coalitie.'
	});
	// The purpose the makers wrote, as it was frozen for approval, goes before the standard text.
	const request = version.requestId ? db.select({ candidate: ruleApprovalRequests.candidate }).from(ruleApprovalRequests).where(eq(ruleApprovalRequests.id, version.requestId)).get() : undefined;
	const purpose = (request?.candidate as Candidate | undefined)?.purpose?.trim();
	return purpose ? { ...publication, goal: `${purpose}\n\n${publication.goal}` } : publication;
}
