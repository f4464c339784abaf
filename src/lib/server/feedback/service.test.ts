import { describe, expect, it } from 'vitest';
import { crisisAlerts, participants, responses, testItems, testRounds } from '../db/schema';
import { clearAnswer, findRun, finishRun, joinRound, LATE_ANSWER_GRACE_MS, RESUME_WITHIN_MS, runAnswers, runIsStale, saveAnswer } from './participation';
import { acknowledgeAlert, decideValidation, moderate, purgeExpiredTexts, roundResults, validatedIdeas } from './round-results';
import { closeRound, createRound, extendRound, getRound, HOUR, roundByCode, roundItems, roundStatus } from './rounds';
import { crowd, join, q, round, setup, T0 } from './test-fixtures';
import { setRetentionDays } from '../coalitions/service';

describe('test rounds', () => {
	it('are made from the chosen ideas, open now and close after 4 hours by default', () => {
		const ctx = setup();
		const r = round(ctx);
		expect(r.code).toMatch(/^[A-Z0-9]{8}$/);
		expect(roundByCode(ctx.db, r.code)?.id).toBe(r.id);
		expect(r.closesAt.getTime() - r.opensAt.getTime()).toBe(4 * HOUR);
		expect(roundItems(ctx.db, r.id).map((i) => i.text)).toEqual(['Buddy uit de buurt', 'Talentenkaart', 'Gratis sportpas']);
		expect(r.questions.map((x) => `${x.scope}:${x.type}`)).toEqual(['item:reaction', 'item:would_help', 'item:change', 'final:age_band']);
		expect(roundStatus(r, T0)).toBe('open');
		expect(roundStatus(r, T0 + 4 * HOUR)).toBe('closed');
	});

	it.each([
		[{ title: '' }, 'error_title_required'],
		[{ title: 'x'.repeat(121) }, 'error_round_title_too_long'],
		[{ hours: 0 }, 'error_round_window'],
		[{ hours: 12.5 }, 'error_round_window'],
		[{ hours: 'veel' }, 'error_round_window'],
		[{ ideaSelectionIds: [] }, 'error_round_no_ideas'],
		[{ ideaSelectionIds: ['someone-elses'] }, 'error_idea_not_found'],
		[{ ownQuestions: [{ type: 'choice', nl: 'Welke?', options: ['Alleen één'] }] }, 'error_round_question_options'],
		[{ ownQuestions: [{ type: 'essay', nl: 'Schrijf' }] }, 'error_round_question_type'],
		[{ ownQuestions: [{ type: 'scale', nl: '  ' }] }, 'error_round_question_prompt'],
		[{ rule: { minAnswers: 2 } }, 'error_round_rule']
	])('refuse %j whole, saving nothing', (extra, error) => {
		const ctx = setup();
		const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'Ronde', ideaSelectionIds: ctx.selectionIds, ...extra }, T0);
		expect(made).toMatchObject({ ok: false, error });
		expect(ctx.db.select().from(testRounds).all()).toHaveLength(0);
		expect(ctx.db.select().from(testItems).all()).toHaveLength(0);
	});

	it('take own questions after the preset ones, English falling back to Dutch', () => {
		const ctx = setup();
		const r = round(ctx, { ownQuestions: [{ type: 'choice', nl: 'Waar?', options: ['Thuis', { nl: 'School', en: 'School' }] }, { type: 'scale', nl: 'Hoe makkelijk?', en: 'How easy?' }] });
		expect(r.questions.map((x) => x.type)).toEqual(['reaction', 'would_help', 'change', 'choice', 'scale', 'age_band']);
		expect(q(r, 'choice')).toMatchObject({ prompt: { nl: 'Waar?', en: 'Waar?' }, options: [{ nl: 'Thuis', en: 'Thuis' }, { nl: 'School', en: 'School' }] });
	});

	it('are extended up to 12 hours after opening, and closed early', () => {
		const ctx = setup();
		const r = round(ctx);
		expect(extendRound(ctx.db, r, 60, T0 + HOUR)).toMatchObject({ ok: true });
		const longer = getRound(ctx.db, ctx.sprintId, r.id)!;
		expect(longer.closesAt.getTime()).toBe(T0 + 5 * HOUR);
		expect(extendRound(ctx.db, longer, 12 * 60, T0 + HOUR)).toMatchObject({ ok: true });
		const longest = getRound(ctx.db, ctx.sprintId, r.id)!;
		expect(longest.closesAt.getTime()).toBe(T0 + 12 * HOUR);
		expect(extendRound(ctx.db, longest, 30, T0 + HOUR)).toMatchObject({ ok: false, error: 'error_round_window_max' });
		expect(extendRound(ctx.db, longest, -5, T0 + HOUR)).toMatchObject({ ok: false, error: 'error_round_extend' });
		closeRound(ctx.db, longest, T0 + 2 * HOUR);
		expect(roundStatus(getRound(ctx.db, ctx.sprintId, r.id)!, T0 + 2 * HOUR)).toBe('closed');
	});
});

describe('taking part', () => {
	it('stores a random participant and the hash of its secret, nothing else', () => {
		const ctx = setup();
		const r = round(ctx);
		const run = joinRound(ctx.db, r, T0);
		if (!run.ok) throw new Error();
		const [row] = ctx.db.select().from(participants).all();
		expect(Object.keys(row).sort()).toEqual(['finishedAt', 'id', 'roundId', 'startedAt', 'stoppedAt', 'tokenHash']);
		expect(Buffer.from(row.tokenHash).toString()).not.toContain(run.value.token.split('.')[1]);
		expect(findRun(ctx.db, r, run.value.token)?.id).toBe(run.value.participantId);
		expect(findRun(ctx.db, r, `${run.value.participantId}.wrong`)).toBeNull();
		expect(findRun(ctx.db, r, 'nonsense')).toBeNull();
	});

	it('counts a run as left alone once nothing happened in it for half an hour', () => {
		const ctx = setup();
		const r = round(ctx);
		const run = join(ctx, r);
		expect(runIsStale(ctx.db, run, T0 + RESUME_WITHIN_MS)).toBe(false);
		expect(runIsStale(ctx.db, run, T0 + RESUME_WITHIN_MS + 1)).toBe(true);
		const [first] = roundItems(ctx.db, r.id);
		const later = T0 + 20 * 60_000;
		expect(saveAnswer(ctx.db, r, run, { itemId: first.id, questionId: q(r, 'reaction').id, value: 'good' }, later)).toMatchObject({ ok: true });
		expect(runIsStale(ctx.db, run, later + RESUME_WITHIN_MS)).toBe(false);
		expect(runIsStale(ctx.db, run, later + RESUME_WITHIN_MS + 1)).toBe(true);
	});

	it('saves each answer as it is given; giving it again replaces it', () => {
		const ctx = setup();
		const r = round(ctx);
		const run = join(ctx, r);
		const [first] = roundItems(ctx.db, r.id);
		expect(saveAnswer(ctx.db, r, run, { itemId: first.id, questionId: q(r, 'reaction').id, value: 'good' }, T0)).toMatchObject({ ok: true });
		expect(saveAnswer(ctx.db, r, run, { itemId: first.id, questionId: q(r, 'reaction').id, value: 'great' }, T0)).toMatchObject({ ok: true });
		expect(saveAnswer(ctx.db, r, run, { itemId: null, questionId: q(r, 'age_band').id, value: '12-15' }, T0)).toMatchObject({ ok: true });
		const given = runAnswers(ctx.db, run);
		expect(given).toHaveLength(2);
		expect(given).toEqual(
			expect.arrayContaining([
				{ itemKey: first.id, questionId: q(r, 'reaction').id, value: 'great' },
				{ itemKey: '', questionId: q(r, 'age_band').id, value: '12-15' }
			])
		);
		expect(clearAnswer(ctx.db, r, run, { itemId: null, questionId: q(r, 'age_band').id }, T0)).toMatchObject({ ok: true });
		expect(runAnswers(ctx.db, run)).toHaveLength(1);
		expect(finishRun(ctx.db, r, run, T0)).toMatchObject({ ok: true });
	});

	it.each([
		[{ itemId: 'other', questionId: 'reaction', value: 'good' }, 'error_answer_item'],
		[{ itemId: 'first', questionId: 'nope', value: 'good' }, 'error_answer_question'],
		[{ itemId: 'first', questionId: 'reaction', value: 'meh' }, 'error_answer_value'],
		[{ itemId: 'first', questionId: 'change', value: 'x'.repeat(501) }, 'error_answer_too_long'],
		[{ itemId: 'first', questionId: 'age_band', value: '12-15' }, 'error_answer_item']
	])('refuses %j and stores nothing', (input, error) => {
		const ctx = setup();
		const r = round(ctx);
		const run = join(ctx, r);
		const first = roundItems(ctx.db, r.id)[0];
		const itemId = input.itemId === 'first' ? first.id : input.itemId;
		const questionId = r.questions.find((x) => x.type === input.questionId)?.id ?? input.questionId;
		expect(saveAnswer(ctx.db, r, run, { itemId, questionId, value: input.value }, T0)).toMatchObject({ ok: false, error });
		expect(ctx.db.select().from(responses).all()).toHaveLength(0);
	});

	it('is closed kindly after the window, with a short grace for answers that waited in the browser', () => {
		const ctx = setup();
		const r = round(ctx);
		const run = join(ctx, r);
		const answer = { itemId: roundItems(ctx.db, r.id)[0].id, questionId: q(r, 'reaction').id, value: 'good' };
		const closed = r.closesAt.getTime();
		expect(saveAnswer(ctx.db, r, run, answer, closed + LATE_ANSWER_GRACE_MS - 1)).toMatchObject({ ok: true });
		expect(saveAnswer(ctx.db, r, run, answer, closed + LATE_ANSWER_GRACE_MS)).toMatchObject({ ok: false, error: 'error_round_closed' });
		expect(joinRound(ctx.db, r, closed)).toMatchObject({ ok: false, error: 'error_round_closed' });
	});

	it('flags personal data (hidden until moderated) and raises a crisis alert that does not say who', () => {
		const ctx = setup();
		const r = round(ctx);
		const run = join(ctx, r);
		const item = roundItems(ctx.db, r.id)[0].id;
		saveAnswer(ctx.db, r, run, { itemId: item, questionId: q(r, 'change').id, value: 'app me: 06-12345678' }, T0 + 30_123);
		const [row] = ctx.db.select().from(responses).all();
		expect(row).toMatchObject({ flags: ['phone'], moderation: 'hidden' });
		expect(ctx.db.select().from(crisisAlerts).all()).toHaveLength(0);
		saveAnswer(ctx.db, r, run, { itemId: roundItems(ctx.db, r.id)[1].id, questionId: q(r, 'change').id, value: 'soms wil ik niet meer leven' }, T0 + 30_123);
		const [alert] = ctx.db.select().from(crisisAlerts).all();
		expect(alert.categories).toEqual(['suicide']);
		expect(Object.keys(alert).sort()).toEqual(['categories', 'createdAt', 'id', 'roundId', 'seenAt', 'seenBy']);
		// Dated by the minute, so the time does not point at one answer.
		expect(alert.createdAt.getTime()).toBe(T0);
		// The text is kept from everyone but the facilitator; saving it again while typing raises no second alert.
		expect(ctx.db.select().from(responses).all().find((row) => row.value === 'soms wil ik niet meer leven')).toMatchObject({ moderation: 'hidden' });
		saveAnswer(ctx.db, r, run, { itemId: roundItems(ctx.db, r.id)[1].id, questionId: q(r, 'change').id, value: 'soms wil ik niet meer leven, echt' }, T0 + 90_000);
		expect(ctx.db.select().from(crisisAlerts).all()).toHaveLength(1);
		expect(acknowledgeAlert(ctx.db, r, alert.id, ctx.user.id, T0 + HOUR)).toMatchObject({ ok: true });
		expect(acknowledgeAlert(ctx.db, r, alert.id, ctx.user.id, T0 + HOUR)).toMatchObject({ ok: false });
	});
});

describe('results', () => {
	it('count started and finished runs, and hold back everything about an item under 5', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a, b] = roundItems(ctx.db, r.id);
		crowd(ctx, r, a.id, 6, 5);
		crowd(ctx, r, b.id, 3, 3);
		join(ctx, r);
		const res = roundResults(ctx.db, r, T0);
		expect(res).toMatchObject({ status: 'open', started: 10, finished: 9, summary: null });
		expect(res.items[0].result.verdict.status).toBe('validated');
		expect(res.items[1].result.verdict.status).toBe('insufficient');
		expect(res.items[1].result.respondents).toBeNull();
		expect(res.freeTexts.map((t) => t.text)).toHaveLength(6);
		expect(res.freeTextsWaiting).toBe(3);
		expect(roundResults(ctx.db, r, r.closesAt.getTime()).summary).toEqual({ bestReceived: a.id, mostDivided: null });
	});

	it('judge by the round\'s own rule, not the default', () => {
		const ctx = setup();
		const r = round(ctx, { rule: { minAnswers: 6, minPositiveShare: 0.9 } });
		const [a, b] = roundItems(ctx.db, r.id);
		crowd(ctx, r, a.id, 5, 5);
		crowd(ctx, r, b.id, 10, 8);
		const [first, second] = roundResults(ctx.db, r, T0).items;
		expect(first.result.verdict.status).toBe('insufficient');
		expect(second.result.verdict).toMatchObject({ status: 'not_validated', positiveShare: 0.8 });
	});

	it('let the facilitator show, hide and quote free texts', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		crowd(ctx, r, a.id, 5, 5);
		const [text] = roundResults(ctx.db, r, T0).freeTexts;
		expect(moderate(ctx.db, r, text.id, 'quote')).toMatchObject({ ok: true });
		expect(roundResults(ctx.db, r, T0).freeTexts[0]).toMatchObject({ moderation: 'shown', quote: true });
		expect(moderate(ctx.db, r, text.id, 'hide')).toMatchObject({ ok: true });
		expect(roundResults(ctx.db, r, T0).freeTexts[0]).toMatchObject({ moderation: 'hidden', quote: false });
		expect(moderate(ctx.db, r, text.id, 'delete')).toMatchObject({ ok: false });
		const other = round(ctx);
		expect(moderate(ctx.db, other, text.id, 'show')).toMatchObject({ ok: false, error: 'error_not_found' });
	});

	it('take the verdict confirmed, or overridden with a reason; never validated below 5', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a, b, c] = roundItems(ctx.db, r.id);
		crowd(ctx, r, a.id, 5, 4);
		crowd(ctx, r, b.id, 5, 1);
		crowd(ctx, r, c.id, 2, 2);
		expect(decideValidation(ctx.db, r, a.id, { validated: true }, ctx.user.id, T0)).toMatchObject({ ok: true });
		expect(decideValidation(ctx.db, r, b.id, { validated: true }, ctx.user.id, T0)).toMatchObject({ ok: false, error: 'error_validation_reason' });
		expect(decideValidation(ctx.db, r, b.id, { validated: true, reason: 'De jongeren in de zaal waren enthousiast' }, ctx.user.id, T0)).toMatchObject({ ok: true });
		expect(decideValidation(ctx.db, r, c.id, { validated: true, reason: 'toch' }, ctx.user.id, T0)).toMatchObject({ ok: false, error: 'error_validation_too_few' });
		const quote = roundResults(ctx.db, r, T0).freeTexts.find((t) => t.itemId === a.id)!;
		moderate(ctx.db, r, quote.id, 'quote');
		const validated = validatedIdeas(ctx.db, ctx.sprintId);
		expect(validated.map((v) => v.text)).toEqual(['Buddy uit de buurt', 'Talentenkaart']);
		expect(validated[0]).toMatchObject({ boardId: ctx.boardId, boardItemId: ctx.notes[0], evidence: { n: 5, positiveShare: 0.8, measure: 'would_help' }, quotes: [quote.text] });
		expect(validated[1]).toMatchObject({ ruleVerdict: 'not_validated', reason: 'De jongeren in de zaal waren enthousiast' });
	});

	it('empty free texts after the retention period; counts and verdicts stay', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		crowd(ctx, r, a.id, 5, 5);
		decideValidation(ctx.db, r, a.id, { validated: true }, ctx.user.id, T0);
		expect(purgeExpiredTexts(ctx.db, T0 + 89 * 24 * HOUR)).toBe(0);
		expect(purgeExpiredTexts(ctx.db, T0 + 91 * 24 * HOUR)).toBe(5);
		const texts = ctx.db.select().from(responses).all().filter((row) => row.moderation !== null);
		expect(texts.every((row) => row.value === null && row.purgedAt !== null)).toBe(true);
		const res = roundResults(ctx.db, r, T0 + 91 * 24 * HOUR);
		expect(res.freeTexts).toEqual([]);
		expect(res.items[0].result.verdict).toMatchObject({ status: 'validated', n: 5 });
		expect(validatedIdeas(ctx.db, ctx.sprintId)[0]).toMatchObject({ evidence: { n: 5 }, quotes: [] });
	});

	it("follow the coalition's own retention period, which a coordinator sets between a week and a year", () => {
		const ctx = setup();
		const r = round(ctx);
		crowd(ctx, r, roundItems(ctx.db, r.id)[0].id, 5, 5);
		expect(setRetentionDays(ctx.db, ctx.coalitionId, '3')).toMatchObject({ ok: false, error: 'error_retention_days' });
		expect(setRetentionDays(ctx.db, ctx.coalitionId, '400')).toMatchObject({ ok: false, error: 'error_retention_days' });
		expect(setRetentionDays(ctx.db, ctx.coalitionId, '14')).toMatchObject({ ok: true });
		expect(purgeExpiredTexts(ctx.db, T0 + 13 * 24 * HOUR)).toBe(0);
		expect(purgeExpiredTexts(ctx.db, T0 + 15 * 24 * HOUR)).toBe(5);
	});
});
