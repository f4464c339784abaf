/**
 * An image of a frozen screen, for the young person whose run tests that version: the run's cookie
 * (scoped to this round's path) must belong to an unfinished run of this round, and the round must
 * test a version that shows the image. Anyone else gets 404, which tells nothing about what exists.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findRun } from '$lib/server/feedback/participation';
import { roundImage } from '$lib/server/feedback/round-screens';
import { imageResponse } from '$lib/server/prototypes/images';
import { runToken } from '$lib/server/feedback/run-cookie';
import { roundOfCode } from '$lib/server/feedback/youth-round';

export const GET = ({ params, cookies }: RequestEvent) => {
	const round = roundOfCode(params.code ?? '');
	if (!round) error(404, 'Not found');
	const db = getDb();
	const run = findRun(db, round, runToken(cookies));
	if (!run || run.finishedAt) error(404, 'Not found');
	const image = roundImage(db, round.id, params.imageId ?? '');
	if (!image) error(404, 'Not found');
	// A shared tablet keeps nothing of a run, not even its pictures.
	return imageResponse(image, 'no-store');
};
