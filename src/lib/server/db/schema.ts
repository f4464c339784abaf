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
	/** Days young people's free texts are kept before their text is deleted (counts stay). */
	retentionDays: integer('retention_days').notNull().default(90),
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

/**
 * A test round: young people answer questions about ideas (and later, screens of a frozen prototype)
 * within a window. The questions and the validation rule are fixed JSON on the round, so results
 * can always be read against the questions that were asked.
 */
export const testRounds = sqliteTable(
	'test_rounds',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** The join code (see feedback/join-code.ts); unique among all rounds. */
		code: text('code').notNull().unique(),
		/** Question[] as JSON ($lib/feedback/questions). */
		questions: text('questions', { mode: 'json' }).notNull(),
		/** ValidationRule as JSON. */
		rule: text('rule', { mode: 'json' }).notNull(),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('test_rounds_sprint_idx').on(t.sprintId)]
);

/** What a round asks about, in order: a snapshot of the idea's text when the round was made. */
export const testItems = sqliteTable(
	'test_items',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => testRounds.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: ['idea', 'screen'] }).notNull(),
		ideaSelectionId: text('idea_selection_id').references(() => ideaSelections.id, { onDelete: 'set null' }),
		/** For the Ideas page: which board note this idea is. */
		boardId: text('board_id'),
		boardItemId: text('board_item_id'),
		/** A `screen` item: which frozen version and which of its screens (never the live prototype). */
		prototypeVersionId: text('prototype_version_id'),
		screenId: text('screen_id'),
		text: text('text').notNull()
	},
	(t) => [index('test_items_round_idx').on(t.roundId, t.position)]
);

/**
 * One young person's run through a round: a random public id and the hash of the secret that lets
 * their browser add answers. Nothing else: no address, no browser, no name.
 */
export const participants = sqliteTable(
	'participants',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => testRounds.id, { onDelete: 'cascade' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		/** Set with finishedAt when the young person chose "Stoppen": the run is closed but not counted as finished. */
		stoppedAt: integer('stopped_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('participants_round_idx').on(t.roundId)]
);

/**
 * One answer to one question about one item (`itemKey` '' for the final questions). Giving an
 * answer again replaces it. Free texts carry their personal-data flags and moderation state; their
 * text is emptied after the coalition's retention period (the counts stay).
 */
export const responses = sqliteTable(
	'responses',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => testRounds.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		itemKey: text('item_key').notNull(),
		questionId: text('question_id').notNull(),
		/** The answer as JSON (a string or a number); null once a free text was purged. */
		value: text('value', { mode: 'json' }),
		flags: text('flags', { mode: 'json' }).$type<string[]>(),
		moderation: text('moderation', { enum: ['new', 'shown', 'hidden'] }),
		quote: integer('quote', { mode: 'boolean' }).notNull().default(false),
		purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('responses_answer_idx').on(t.participantId, t.itemKey, t.questionId), index('responses_round_idx').on(t.roundId)]
);

/**
 * A crisis word was typed during a round: the facilitator sees it at once. Deliberately not linked to
 * the answer or the participant: the alert says that someone may need a check-in, not who.
 */
export const crisisAlerts = sqliteTable(
	'crisis_alerts',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => testRounds.id, { onDelete: 'cascade' }),
		categories: text('categories', { mode: 'json' }).$type<string[]>().notNull(),
		seenBy: text('seen_by').references(() => users.id, { onDelete: 'set null' }),
		seenAt: integer('seen_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('crisis_alerts_round_idx').on(t.roundId)]
);

/**
 * The facilitator's word on an idea's verdict: confirming the rule's verdict, or overriding it with
 * a reason. The evidence (n and shares) is copied in, so it stays when raw texts are purged.
 */
export const ideaValidations = sqliteTable(
	'idea_validations',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => testRounds.id, { onDelete: 'cascade' }),
		testItemId: text('test_item_id')
			.notNull()
			.references(() => testItems.id, { onDelete: 'cascade' }),
		validated: integer('validated', { mode: 'boolean' }).notNull(),
		/** What the rule said when the facilitator decided; differs from `validated` for an override. */
		ruleVerdict: text('rule_verdict', { enum: ['validated', 'not_validated', 'insufficient'] }).notNull(),
		reason: text('reason'),
		evidence: text('evidence', { mode: 'json' }).notNull(),
		decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: createdAt()
	},
	(t) => [uniqueIndex('idea_validations_item_idx').on(t.testItemId)]
);

/**
 * The sprint's agenda: time blocks per day (1 = the sprint's first day), in minutes from midnight,
 * never overlapping (checked by $lib/facilitation/agenda.ts before anything is stored).
 */
export const agendaBlocks = sqliteTable(
	'agenda_blocks',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		day: integer('day').notNull(),
		start: integer('start').notNull(),
		duration: integer('duration').notNull(),
		title: text('title').notNull(),
		activity: text('activity').notNull(),
		/** What the block uses: a board, test round, prototype or rule set of this sprint. */
		resourceKind: text('resource_kind', { enum: ['board', 'test_round', 'prototype', 'ruleset'] }),
		resourceId: text('resource_id'),
		instructions: text('instructions').notNull().default(''),
		materials: text('materials').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('agenda_blocks_sprint_idx').on(t.sprintId, t.day, t.start)]
);

/** The sprint's shared timer: its state ($lib/facilitation/timer.ts) as JSON, in server time. */
export const sprintTimers = sqliteTable('sprint_timers', {
	sprintId: text('sprint_id')
		.primaryKey()
		.references(() => sprints.id, { onDelete: 'cascade' }),
	state: text('state', { mode: 'json' }).notNull(),
	label: text('label').notNull().default(''),
	updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

// ---------------------------------------------------------------------------------------------
// Prototype studio ($lib/prototype, $lib/server/prototypes). The screens live in the realtime
// document `sprints/<sprintId>/prototypes/<id>`; what must never change or must stay private sits here.

export const PROTOTYPE_DEVICES = ['phone', 'tablet'] as const;
export const PROTOTYPE_AUDIENCES = ['youth', 'professionals'] as const;

/** A prototype of a sprint: its name, the device it is drawn for and who it is for. */
export const prototypes = sqliteTable(
	'prototypes',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		device: text('device', { enum: PROTOTYPE_DEVICES }).notNull(),
		audience: text('audience', { enum: PROTOTYPE_AUDIENCES }).notNull(),
		template: text('template').notNull().default('blank'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('prototypes_sprint_idx').on(t.sprintId)]
);

/**
 * A frozen version ("bevroren voor testen"): the prototype's screens as JSON at that moment. Rows are
 * only ever inserted (the service has no update): young people test exactly what was frozen.
 */
export const prototypeVersions = sqliteTable(
	'prototype_versions',
	{
		id: text('id').primaryKey(),
		prototypeId: text('prototype_id')
			.notNull()
			.references(() => prototypes.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		name: text('name').notNull(),
		/** PrototypeSnapshot ($lib/prototype/snapshot.ts) as JSON. */
		snapshot: text('snapshot', { mode: 'json' }).notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		/** The author's name as it was, so the version keeps saying who froze it. */
		authorName: text('author_name').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('prototype_versions_number_idx').on(t.prototypeId, t.number)]
);

/** An image used in a prototype: re-encoded on the server (never the uploaded bytes), served only to the sprint. */
export const prototypeImages = sqliteTable(
	'prototype_images',
	{
		id: text('id').primaryKey(),
		prototypeId: text('prototype_id')
			.notNull()
			.references(() => prototypes.id, { onDelete: 'cascade' }),
		mime: text('mime', { enum: ['image/png', 'image/jpeg', 'image/webp'] }).notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('prototype_images_prototype_idx').on(t.prototypeId)]
);
// ---------------------------------------------------------------------------------------------
// Facilitation: decisions, answered sprint questions, notifications, report links
// ---------------------------------------------------------------------------------------------

/** A decision of the sprint, recorded by the decider (or a facilitator), with the votes behind it. */
export const decisions = sqliteTable(
	'decisions',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		rationale: text('rationale').notNull().default(''),
		decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('decisions_sprint_idx').on(t.sprintId)]
);

/** The revealed dot votes a decision was based on. */
export const decisionVotes = sqliteTable(
	'decision_votes',
	{
		decisionId: text('decision_id')
			.notNull()
			.references(() => decisions.id, { onDelete: 'cascade' }),
		voteRoundId: text('vote_round_id')
			.notNull()
			.references(() => voteRounds.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.decisionId, t.voteRoundId] })]
);

/**
 * The answer to a sprint question ("Kunnen we …?") at the end of the sprint. The question lives in
 * the brief's realtime document (by its id); its text is kept here as it was when answered.
 */
export const questionAnswers = sqliteTable(
	'question_answers',
	{
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		question: text('question').notNull(),
		answer: text('answer', { enum: ['yes', 'no', 'not_yet'] }).notNull(),
		note: text('note').notNull().default(''),
		answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.sprintId, t.questionId] })]
);

/**
 * A read-only link to the sprint report for people outside the sprint. Only the hash of its random
 * token is kept (the link is shown once, when made); it expires and can be revoked.
 */
export const reportLinks = sqliteTable(
	'report_links',
	{
		id: text('id').primaryKey(),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('report_links_token_idx').on(t.tokenHash), index('report_links_sprint_idx').on(t.sprintId)]
);

/**
 * In-app notifications (no e-mail): one row per person. `kind` says what happened; `params` holds
 * what the message needs (never who a young person is); `href` where to look.
 */
export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		sprintId: text('sprint_id').references(() => sprints.id, { onDelete: 'cascade' }),
		coalitionId: text('coalition_id').references(() => coalitions.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		params: text('params', { mode: 'json' }).$type<Record<string, string | number>>().notNull(),
		href: text('href').notNull(),
		createdAt: createdAt(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt)]
);
// ---------------------------------------------------------------------------------------------
// Rules (issue 6): the data dictionary, rule sets, their approval and published versions, the
// audit log and the coalition's API tokens. A draft's content is the realtime document
// `sprints/<sprintId>/rulesets/<id>`; everything frozen (candidates, versions) is JSON here.
// ---------------------------------------------------------------------------------------------

export const FIELD_TYPES = ['number', 'boolean', 'category'] as const;
export const FIELD_SENSITIVITIES = ['normal', 'special', 'proxy'] as const;

/** A field of the coalition's data dictionary: what a record may hold and where it comes from. */
export const ruleFields = sqliteTable(
	'rule_fields',
	{
		id: text('id').primaryKey(),
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		label: text('label').notNull(),
		type: text('type', { enum: FIELD_TYPES }).notNull(),
		/** For a category: its values (JSON string[]). */
		values: text('values', { mode: 'json' }).$type<string[]>(),
		unit: text('unit').notNull().default(''),
		source: text('source').notNull().default(''),
		description: text('description').notNull().default(''),
		/** special: may be described, never used in a condition; proxy: needs a written justification. */
		sensitivity: text('sensitivity', { enum: FIELD_SENSITIVITIES }).notNull().default('normal'),
		justification: text('justification').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('rule_fields_key_idx').on(t.coalitionId, t.key)]
);

/** Per coalition: how many other organisations must approve before a rule set is published. */
export const ruleSettings = sqliteTable('rule_settings', {
	coalitionId: text('coalition_id')
		.primaryKey()
		.references(() => coalitions.id, { onDelete: 'cascade' }),
	minApprovals: integer('min_approvals').notNull().default(2)
});

export const RULESET_STATUSES = ['draft', 'in_review', 'published'] as const;
export type RuleSetStatus = (typeof RULESET_STATUSES)[number];

/**
 * A rule set: owned by the coalition, made in a sprint. `draft` is edited live; `in_review` (a
 * candidate waits for approvals) and `published` are read-only until someone starts a new draft.
 */
export const ruleSets = sqliteTable(
	'rule_sets',
	{
		id: text('id').primaryKey(),
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		sprintId: text('sprint_id')
			.notNull()
			.references(() => sprints.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		status: text('status', { enum: RULESET_STATUSES }).notNull().default('draft'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('rule_sets_sprint_idx').on(t.sprintId), index('rule_sets_coalition_idx').on(t.coalitionId)]
);

export const APPROVAL_REQUEST_STATUSES = ['open', 'rejected', 'withdrawn', 'published'] as const;

/**
 * A request for approval: the draft frozen as a candidate (JSON, the export format without version,
 * publishedAt and approvals). The author's organisation is kept: it may not approve its own work.
 */
export const ruleApprovalRequests = sqliteTable(
	'rule_approval_requests',
	{
		id: text('id').primaryKey(),
		ruleSetId: text('rule_set_id')
			.notNull()
			.references(() => ruleSets.id, { onDelete: 'cascade' }),
		candidate: text('candidate', { mode: 'json' }).notNull(),
		requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
		requestedByName: text('requested_by_name').notNull(),
		organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		/** The coalition's minimum when the request was made. */
		minApprovals: integer('min_approvals').notNull(),
		status: text('status', { enum: APPROVAL_REQUEST_STATUSES }).notNull().default('open'),
		createdAt: createdAt(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('rule_requests_set_idx').on(t.ruleSetId)]
);

/** One person's decision on a request, for their organisation (one per person per request). */
export const ruleApprovals = sqliteTable(
	'rule_approvals',
	{
		id: text('id').primaryKey(),
		requestId: text('request_id')
			.notNull()
			.references(() => ruleApprovalRequests.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		userName: text('user_name').notNull(),
		organisationId: text('organisation_id').notNull(),
		organisationName: text('organisation_name').notNull(),
		decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('rule_approvals_person_idx').on(t.requestId, t.userId)]
);

/** A published version: immutable (a trigger refuses updates), numbered per rule set from 1. */
export const ruleVersions = sqliteTable(
	'rule_versions',
	{
		id: text('id').primaryKey(),
		ruleSetId: text('rule_set_id')
			.notNull()
			.references(() => ruleSets.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		/** The ExportedRuleSet (meedoen.ruleset/1) exactly as published. */
		definition: text('definition', { mode: 'json' }).notNull(),
		requestId: text('request_id').references(() => ruleApprovalRequests.id, { onDelete: 'set null' }),
		authorName: text('author_name').notNull(),
		publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('rule_versions_number_idx').on(t.ruleSetId, t.number)]
);

/**
 * Append-only: every change, approval and evaluation run (who, when, what). Triggers refuse
 * UPDATE and DELETE; no foreign keys, so nothing can cascade into it.
 */
export const ruleAuditLog = sqliteTable(
	'rule_audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		coalitionId: text('coalition_id').notNull(),
		ruleSetId: text('rule_set_id'),
		userId: text('user_id'),
		/** Who, as shown: a person's name, or "API: <token name>". */
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		/** What, as JSON: never personal data (an evaluation logs a count of records, not records). */
		detail: text('detail', { mode: 'json' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('rule_audit_set_idx').on(t.ruleSetId, t.id), index('rule_audit_coalition_idx').on(t.coalitionId, t.id)]
);

/** API tokens of a coalition: `<id>.<secret>`; only a SHA-256 of the secret is stored. */
export const apiTokens = sqliteTable(
	'api_tokens',
	{
		id: text('id').primaryKey(),
		coalitionId: text('coalition_id')
			.notNull()
			.references(() => coalitions.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('api_tokens_coalition_idx').on(t.coalitionId)]
);

// ---------------------------------------------------------------------------------------------------
// Facilitation: take control (everyone's editing locked for a moment)
// ---------------------------------------------------------------------------------------------------

/**
 * While `until` is in the future, only facilitators write the sprint's shared documents (enforced by
 * the realtime server's rights and the write endpoints). One row per sprint; releasing deletes it.
 */
export const sprintTakeovers = sqliteTable('sprint_takeovers', {
	sprintId: text('sprint_id')
		.primaryKey()
		.references(() => sprints.id, { onDelete: 'cascade' }),
	until: integer('until', { mode: 'timestamp_ms' }).notNull(),
	takenBy: text('taken_by').references(() => users.id, { onDelete: 'set null' })
});

// ---------------------------------------------------------------------------------------------------
// Facilitation: a test round's "closed" notice (sent once, also when the round simply ran out)
// ---------------------------------------------------------------------------------------------------

/**
 * One row per round whose members were told it closed. The primary key is the claim: whoever inserts
 * it (a facilitator's close, or the sweep that notices a round ran out of time) sends the notice, so
 * concurrent requests, a second process or a restart never send it twice.
 */
export const roundCloseNotices = sqliteTable('round_close_notices', {
	roundId: text('round_id')
		.primaryKey()
		.references(() => testRounds.id, { onDelete: 'cascade' }),
	notifiedAt: integer('notified_at', { mode: 'timestamp_ms' }).notNull()
});
