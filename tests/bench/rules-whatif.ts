/**
 * The test bench's what-if recount in headless Chromium: 100,000 synthetic young people, the demo
 * rule set, then 30 weight and threshold changes. For each change we take two figures from the page:
 * - screen: from the change to the new counts, neighbourhood table and fairness view in the DOM
 *   (postMessage to the worker, recount from the fired matrix, aggregates, answer, Svelte update);
 * - worker: the recount plus aggregates inside the worker alone.
 * Run: `npm run bench:whatif` (builds first). Last line: one JSON object with the medians and p95s.
 */
import { chromium } from '@playwright/test';
import { demoDraft } from '../../src/lib/rules/demo-ruleset';
import { writeDraft } from '../../src/lib/rules/draft-doc';
import { connectDoc, createCoalition, createSprint, postForm, signup, startServer } from '../support/app-server.js';

const N = Number(process.env.N ?? 100_000);
const CHANGES = 30;

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
	const owner = await signup(server.url, 'Bench');
	const coalitionId = await createCoalition(server.url, owner.cookie);
	const sprintId = await createSprint(server.url, owner.cookie, coalitionId);
	const created = await postForm(server.url, `/sprints/${sprintId}/rules?/create`, { name: 'Demo' }, owner.cookie);
	const ruleSetId = created.location!.split('/').pop()!;
	const conn = connectDoc(server.url, owner.cookie, `sprints/${sprintId}/rulesets/${ruleSetId}`);
	await conn.synced;
	writeDraft(conn.doc, { purpose: '', indicators: demoDraft.indicators.map((i) => ({ ...i, sourceIdeas: [] })), bands: demoDraft.bands });
	await new Promise((r) => setTimeout(r, 500));
	conn.destroy();

	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const [name, value] = owner.cookie.split('=');
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	await page.goto(`${server.url}/sprints/${sprintId}/rules/${ruleSetId}/bench`);
	await page.locator('#bench-n').fill(String(N));
	const loadStart = Date.now();
	await page.getByRole('button', { name: 'Testen' }).click();
	const stamp = page.getByTestId('recount-ms');
	await stamp.waitFor({ timeout: 120_000 });
	const loadMs = Date.now() - loadStart;

	const screen: number[] = [];
	const worker: number[] = [];
	const inputs = [...demoDraft.indicators.map((i) => `weight-${i.id}`), ...demoDraft.bands.map((b) => `minscore-${b.id}`)];
	for (let i = 0; i < CHANGES; i++) {
		const before = Number(await stamp.getAttribute('data-recounts'));
		const input = page.getByTestId(inputs[i % inputs.length]);
		const current = Number(await input.inputValue());
		await input.fill(String(i % 2 ? current - 0.5 : current + 0.5));
		await page.waitForFunction((n) => Number(document.querySelector('[data-testid="recount-ms"]')?.getAttribute('data-recounts')) > n, before);
		screen.push(Number(await stamp.getAttribute('data-ms')));
		worker.push(Number(await stamp.getAttribute('data-worker-ms')));
	}
	const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
	console.log(`records ${N}, indicators ${demoDraft.indicators.length}, load (generate + evaluate + first view) ${loadMs} ms`);
	console.log(`what-if, ${CHANGES} changes: screen median ${q(screen, 0.5)} ms, p95 ${q(screen, 0.95)} ms, max ${Math.max(...screen)} ms; worker median ${q(worker, 0.5)} ms, p95 ${q(worker, 0.95)} ms`);
	console.log(JSON.stringify({ records: N, indicators: demoDraft.indicators.length, load_ms: loadMs, screen_median_ms: q(screen, 0.5), screen_p95_ms: q(screen, 0.95), worker_median_ms: q(worker, 0.5), worker_p95_ms: q(worker, 0.95) }));
} finally {
	await browser.close();
	await server.stop();
}
