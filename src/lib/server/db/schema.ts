import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: createdAt()
});

/** Lucia-guide sessions: the token is `<id>.<secret>`; only a SHA-256 of the secret is stored. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const coalitions = sqliteTable('coalitions', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	createdAt: createdAt()
});

export const ORGANISATION_KINDS = [
	'municipality',
	'youth_care',
	'health',
	'education',
	'research',
	'other'
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisations = sqliteTable(
	'organisations',
	{
		id: text('id').primaryKey(),
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('organisations_coalition_idx').on(t.coalitionId)]
);

export const COALITION_ROLES = ['coordinator', 'partner'] as const;
export type CoalitionRole = (typeof COALITION_ROLES)[number];

export const coalitionMembers = sqliteTable(
	'coalition_members',
	{
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: COALITION_ROLES }).notNull(),
		organisationId: text('organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.coalitionId, t.userId] }), index('cm_user_idx').on(t.userId)]
);

/** Invite links: single use, 7 days. Only a hash of the link's token is stored. */
export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		tokenHash: text('token_hash').notNull().unique(),
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		role: text('role', { enum: COALITION_ROLES }).notNull(),
		organisationId: text('organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('invites_coalition_idx').on(t.coalitionId)]
);

export const sprints = sqliteTable(
	'sprints',
	{
		id: text('id').primaryKey(),
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		startDate: text('start_date').notNull(),
		days: integer('days').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('sprints_coalition_idx').on(t.coalitionId)]
);

export const SPRINT_ROLES = ['facilitator', 'decider', 'partner', 'observer'] as const;
export type SprintRole = (typeof SPRINT_ROLES)[number];

export const sprintMembers = sqliteTable(
	'sprint_members',
	{
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: SPRINT_ROLES }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.sprintId, t.userId] }), index('sm_user_idx').on(t.userId)]
);

/** A board (problem map, sketches) of a sprint; its content is the realtime document
 * `sprints/<sprintId>/boards/<id>`. Archived boards stay readable, read-only. */
export const boards = sqliteTable(
	'boards',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		template: text('template', { enum: ['blank', 'problem_map'] }).notNull(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		// Facilitator controls. Kept here, not in the shared document, so that the server can enforce
		// them: a locked board is read-only for everyone but facilitators; in private mode everyone's
		// new notes live in a document of their own until the facilitator reveals them.
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
		privateMode: integer('private_mode', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('boards_sprint_idx').on(t.sprintId)]
);

/**
 * Dot voting on a board. The notes in play are fixed when the round starts (`itemIds`, JSON); votes
 * stay hidden until the facilitator reveals them. Votes live here, not in the shared document,
 * because everything in a Y.Doc is visible to every client.
 */
export const voteRounds = sqliteTable(
	'vote_rounds',
	{
		id: text('id').primaryKey(),
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		scope: text('scope').notNull(),
		itemIds: text('item_ids', { mode: 'json' }).$type<string[]>().notNull(),
		votesPerPerson: integer('votes_per_person').notNull(),
		status: text('status', { enum: ['open', 'revealed'] }).notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		revealedAt: integer('revealed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('vote_rounds_board_idx').on(t.boardId)]
);

/** One dot. A decider's supervote is marked and counted apart. */
export const votes = sqliteTable(
	'votes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: text('round_id')
			.notNull()
			.references(() => voteRounds.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		supervote: integer('supervote', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('votes_round_idx').on(t.roundId, t.userId)]
);

/**
 * Ideas (notes of kind "idea" on a board) the facilitator chose to test with young people. The
 * text is kept as it was when chosen: what young people see must not change under them.
 */
export const ideaSelections = sqliteTable(
	'idea_selections',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		text: text('text').notNull(),
		authorOrganisation: text('author_organisation').notNull(),
		selectedBy: text('selected_by').references(() => users.id, { onDelete: 'set null' }),
		selectedAt: createdAt()
	},
	(t) => [uniqueIndex('idea_selections_item_idx').on(t.boardId, t.itemId), index('idea_selections_sprint_idx').on(t.sprintId)]
);

/** Append-only Yjs update log per realtime document; compacted into doc_snapshots. */
export const docUpdates = sqliteTable(
	'doc_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		docName: text('doc_name').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull()
	},
	(t) => [index('doc_updates_name_idx').on(t.docName, t.id)]
);

export const docSnapshots = sqliteTable('doc_snapshots', {
	docName: text('doc_name').primaryKey(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	/** The highest doc_updates.id folded into this snapshot. */
	upToId: integer('up_to_id').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
