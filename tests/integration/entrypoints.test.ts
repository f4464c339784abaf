/** `vite dev` and `vite preview` serve the realtime server through the same code as production. */
import { describe, expect, it } from 'vitest';
import { connectDoc, createCoalition, createSprint, signup, startServer, until, upgradeStatus } from '../support/app-server.js';

describe.each(['preview', 'dev'] as const)('vite %s', (mode) => {
	it('serves /collab with the same auth and sync', async () => {
		const server = await startServer({ mode });
		try {
			const person = await signup(server.url, 'Vera');
			const sprint = await createSprint(server.url, person.cookie, await createCoalition(server.url, person.cookie));
			const name = `sprints/${sprint}/brief`;
			expect(await upgradeStatus(server.url, `/collab/${name}`, { origin: server.url })).toBe(401);
			const a = connectDoc(server.url, person.cookie, name);
			const b = connectDoc(server.url, person.cookie, name);
			await Promise.all([a.synced, b.synced]);
			a.doc.getText('goal').insert(0, mode);
			await until(() => b.doc.getText('goal').toString() === mode);
			a.destroy();
			b.destroy();
		} finally {
			await server.stop();
			server.cleanup();
		}
	});
});
