/**
 * The demo on first start of an empty database: the coalition from the article, its partners, a
 * five-day sprint and a facilitator whose random password is printed once. MEEDOEN_DEMO=0 skips it.
 */
import type { DB } from '../db';
import { coalitionMembers, coalitions, docUpdates, organisations, sprintMembers, sprints, users, type OrganisationKind } from '../db/schema';
import { hashPassword } from '../auth/password';
import { newId, newSecret } from '../ids';
import * as Y from 'yjs';
import { createNote } from '$lib/board/model';
import { addQuestion, goal } from '$lib/brief/model';
import { applyTemplate } from '../facilitation/agenda';
import { briefDocName } from '../collab/doc-name';
import { createBoard, createProblemMapBoard } from '../boards/service';
import { selectIdea, selectedIdeas } from '../ideas/service';
import { createRound, MAX_WINDOW_HOURS } from '../feedback/rounds';
import { formatJoinCode } from '../feedback/join-code';
import { seedRules } from './seed-rules';
import { createPrototype, freezeVersion } from '../prototypes/service';

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

const DEMO_IDEAS: [string, string][] = [
	['Een buddy uit de buurt die je helpt bij je eerste stap naar een club of baan', 'Lumens'],
	['Een talentenkaart: laat zien waar je goed in bent, niet wat er mis is', 'Fontys Hogescholen'],
	['Gratis sportpas voor een jaar, zonder formulieren', 'Gemeente Eindhoven'],
	['Een chat met jongerenwerkers, ook in het weekend en \'s avonds', 'Bijzonder Jeugdwerk']
];

/**
 * An "Ideeën" board with four ideas, chosen for testing, and a test round open for 12 hours: the
 * young person's side can be tried at once (the join code is printed with the password).
 */
function seedIdeasAndRound(db: DB, sprintId: string, userId: string): string {
	const doc = new Y.Doc();
	const ids = DEMO_IDEAS.map(([text, organisation], i) => {
		const note = createNote(doc, { x: (i % 2) * 260, y: Math.floor(i / 2) * 200, text, kind: 'idea', author: { userId, name: 'Demo', organisation } });
		if (!note.ok) throw new Error(`demo idea: ${note.error}`);
		return note.id;
	});
	const board = createBoard(db, sprintId, userId, 'Ideeën', 'blank', Y.encodeStateAsUpdate(doc));
	if (!board.ok) throw new Error(`demo ideas board: ${board.error}`);
	for (const id of ids) selectIdea(db, sprintId, board.value.id, id, userId);
	const round = createRound(db, sprintId, userId, { title: 'Eerste test met jongeren', ideaSelectionIds: selectedIdeas(db, sprintId).map((s) => s.id), hours: MAX_WINDOW_HOURS });
	if (!round.ok) throw new Error(`demo test round: ${round.error}`);
	return round.value.code;
}

/** The sprint's goal and questions, as the partners would write them on the first morning. */
function seedBrief(db: DB, sprintId: string) {
	const doc = new Y.Doc();
	goal(doc).insert(0, 'Over twee jaar doet elke jongere in Eindhoven mee: op school, in werk of in de buurt, vanuit zijn of haar talent.');
	for (const question of [
		'Kunnen we jongeren die dreigen uit te vallen eerder zien, zonder ze op een lijst te zetten?',
		'Kunnen we beginnen bij wat een jongere goed kan, in plaats van bij wat er mis is?',
		'Kunnen we jongeren zelf laten bepalen wat hen echt zou helpen?'
	])
		addQuestion(doc, question);
	db.insert(docUpdates).values({ docName: briefDocName(sprintId), update: Buffer.from(Y.encodeStateAsUpdate(doc)) }).run();
	doc.destroy();
}

/** Seeds the demo when the database is empty; returns the printed password and the demo round's join code, or null when skipped. */
/** Two prototypes from the templates, the young people's check-in frozen for a first test. */
function seedPrototypes(db: DB, sprintId: string, user: { id: string; name: string }) {
	const checkIn = createPrototype(db, sprintId, user.id, { name: 'Check-in voor jongeren', device: 'phone', audience: 'youth', template: 'youth_checkin' });
	if (!checkIn.ok) throw new Error(`demo prototype: ${checkIn.error}`);
	const frozen = freezeVersion(db, sprintId, checkIn.value.id, user, 'Voor de eerste test');
	if (!frozen.ok) throw new Error(`demo prototype version: ${frozen.error}`);
	const signals = createPrototype(db, sprintId, user.id, { name: 'Signaal-app voor jongerenwerkers', device: 'tablet', audience: 'professionals', template: 'signal_app' });
	if (!signals.ok) throw new Error(`demo prototype: ${signals.error}`);
}

export async function seedDemo(db: DB, today = new Date()): Promise<{ password: string; joinCode: string } | null> {
	if (!isEmpty(db)) return null;
	const password = newSecret(10);
	const passwordHash = await hashPassword(password);
	// The demo partners who approved the example rule set: accounts nobody can log in to.
	const partnerHashes = { lumens: await hashPassword(newSecret()), ggd: await hashPassword(newSecret()) };
	// Checked again after the await: two starts at once must not seed twice.
	let joinCode: string | null = null;
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
		seedBrief(tx as unknown as DB, sprintId);
		const agenda = applyTemplate(tx as unknown as DB, sprintId, 'design_sprint_5', 'nl');
		if (!agenda.ok) throw new Error(`demo agenda: ${agenda.error}`);
		joinCode = seedIdeasAndRound(tx as unknown as DB, sprintId, userId);
		seedPrototypes(tx as unknown as DB, sprintId, { id: userId, name: 'Demo facilitator' });
		seedRules(tx as unknown as DB, { coalitionId, sprintId, userId, organisationIds: Object.fromEntries(PARTNERS.map(([name], i) => [name, orgIds[i]])) }, partnerHashes, today.getTime());
	});
	return joinCode ? { password, joinCode: formatJoinCode(joinCode) } : null;
}
