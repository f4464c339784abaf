/**
 * The demo on first start of an empty database: the coalition from the article, its partners, a
 * five-day sprint and a facilitator whose random password is printed once. MEEDOEN_DEMO=0 skips it.
 */
import type { DB } from '../db';
import { coalitionMembers, coalitions, organisations, sprintMembers, sprints, users, type OrganisationKind } from '../db/schema';
import { hashPassword } from '../auth/password';
import { newId, newSecret } from '../ids';
import { createProblemMapBoard } from '../boards/service';

export const DEMO_EMAIL = 'demo@meedoen.local';

const PARTNERS: [string, OrganisationKind][] = [
	['Lumens', 'youth_care'],
	['Gemeente Eindhoven', 'municipality'],
	['Gemeente Veldhoven', 'municipality'],
	['GGD Brabant-Zuidoost', 'health'],
	['GGzE', 'health'],
	['Bijzonder Jeugdwerk', 'youth_care'],
	['Fontys Hogescholen', 'education'],
	['CBS Urban Data Center/Eindhoven', 'research'],
	['Shinto Labs', 'research']
];

function isEmpty(db: DB) {
	return !db.select({ id: users.id }).from(users).limit(1).get() && !db.select({ id: coalitions.id }).from(coalitions).limit(1).get();
}

/** Seeds the demo when the database is empty; returns the printed password, or null when skipped. */
export async function seedDemo(db: DB, today = new Date()): Promise<string | null> {
	if (!isEmpty(db)) return null;
	const password = newSecret(10);
	const passwordHash = await hashPassword(password);
	// Checked again after the await: two starts at once must not seed twice.
	let seeded = false;
	db.transaction((tx) => {
		if (!isEmpty(tx as unknown as DB)) return;
		const userId = newId();
		const coalitionId = newId();
		const sprintId = newId();
		tx.insert(users).values({ id: userId, email: DEMO_EMAIL, name: 'Demo facilitator', passwordHash }).run();
		tx.insert(coalitions).values({ id: coalitionId, name: 'Coalitie Human Driven Data' }).run();
		const orgIds = PARTNERS.map(([name, kind]) => {
			const id = newId();
			tx.insert(organisations).values({ id, coalitionId, name, kind }).run();
			return id;
		});
		tx.insert(coalitionMembers).values({ coalitionId, userId, role: 'coordinator', organisationId: orgIds[PARTNERS.length - 1] }).run();
		tx.insert(sprints)
			.values({ id: sprintId, coalitionId, title: 'Sociale uitsluiting jongeren voorkomen', startDate: today.toISOString().slice(0, 10), days: 5, createdBy: userId })
			.run();
		tx.insert(sprintMembers).values({ sprintId, userId, role: 'facilitator' }).run();
		const board = createProblemMapBoard(tx as unknown as DB, sprintId, { userId, name: 'Demo facilitator', organisation: PARTNERS[PARTNERS.length - 1][0] }, 'Probleemkaart', {
			goal: 'Doel op lange termijn: over twee jaar doet elke jongere in Eindhoven mee, vanuit zijn of haar talent.',
			actors: 'Wie zijn erbij betrokken? (jongeren, ouders, school, jongerenwerk, gemeente ...)',
			steps: 'Stappen naar het doel',
			hmw: 'Hoe zouden we ...? (één vraag per briefje)'
		});
		if (!board.ok) throw new Error(`demo problem map: ${board.error}`);
		seeded = true;
	});
	return seeded ? password : null;
}
