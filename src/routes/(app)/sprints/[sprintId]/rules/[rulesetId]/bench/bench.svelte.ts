import { tick } from 'svelte';
import { BenchClient } from '$lib/rules-bench/client';
import type { BandFilter } from '$lib/rules-bench/engine';
import type { CsvRefusal, FairnessAttribute, PageAnswer, WhatIfAnswer } from '$lib/rules-bench/protocol';
import { defaultSignalBand } from '$lib/rules-bench/summary';
import type { BenchRuleSet } from '$lib/rules-bench/types';

export type Dataset = { kind: 'synthetic'; size: number; seed: number } | { kind: 'csv'; size: number; name: string };

export const PAGE_SIZE = 20;

/**
 * The bench page's state: the dataset in the worker, the what-if values (never saved), the last
 * counts and the page of records being read. Answers that arrive after a newer question are dropped.
 */
export class Bench {
	readonly ruleSet: BenchRuleSet;
	weights = $state<number[]>([]);
	minScores = $state<number[]>([]);
	signalFrom = $state('');
	attribute = $state<FairnessAttribute>('gender');
	filter = $state<BandFilter>({ kind: 'all' });
	page = $state(0);

	dataset = $state<Dataset | null>(null);
	busy = $state(false);
	failed = $state<string | null>(null);
	refusal = $state<CsvRefusal | null>(null);
	answer = $state<WhatIfAnswer | null>(null);
	records = $state<PageAnswer | null>(null);
	/** From a what-if change to the new counts on screen, in ms. */
	recountMs = $state<number | null>(null);
	/** How many recounts reached the screen (lets a benchmark wait for the next one). */
	recounts = $state(0);

	#client: BenchClient | null = null;
	#asked = 0;
	#onRun: (dataset: Dataset) => void;

	constructor(ruleSet: BenchRuleSet, onRun: (dataset: Dataset) => void) {
		this.ruleSet = ruleSet;
		this.#onRun = onRun;
		this.reset();
		this.signalFrom = defaultSignalBand(ruleSet.bands);
	}

	get changed(): boolean {
		return this.ruleSet.indicators.some((ind, j) => ind.weight !== this.weights[j]) || this.ruleSet.bands.some((b, k) => b.minScore !== this.minScores[k]);
	}

	/** Back to the rule set's own weights and thresholds. */
	reset() {
		this.weights = this.ruleSet.indicators.map((i) => i.weight);
		this.minScores = this.ruleSet.bands.map((b) => b.minScore);
	}

	async #worker(): Promise<BenchClient> {
		if (!this.#client) {
			this.#client = BenchClient.start();
			await this.#client.ruleSet(this.ruleSet);
		}
		return this.#client;
	}

	async generate(n: number, seed: number) {
		await this.#load(async (client) => {
			const info = await client.generate(n, seed);
			return { kind: 'synthetic', size: info.size, seed };
		});
	}

	async upload(file: File) {
		await this.#load(async (client) => {
			const answer = await client.csv(await file.text());
			if ('refused' in answer) {
				this.refusal = answer;
				return null;
			}
			return { kind: 'csv', size: answer.size, name: file.name };
		});
	}

	async #load(run: (client: BenchClient) => Promise<Dataset | null>) {
		this.busy = true;
		this.failed = null;
		this.refusal = null;
		try {
			const client = await this.#worker();
			const dataset = await run(client);
			// A refused file leaves the dataset that was there (nothing half-loaded).
			if (!dataset) return;
			this.dataset = dataset;
			this.page = 0;
			this.#onRun(dataset);
			await this.recount();
		} catch (e) {
			this.failed = e instanceof Error ? e.message : String(e);
		} finally {
			this.busy = false;
		}
	}

	/** New counts for the current what-if values; then the page of records again. */
	async recount() {
		if (!this.#client || !this.dataset) return;
		const asked = ++this.#asked;
		const start = performance.now();
		// A field being typed in (empty, or a lone "-") counts with the rule set's own value meanwhile.
		const weights = this.weights.map((w, j) => (typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : this.ruleSet.indicators[j].weight));
		const minScores = this.minScores.map((s, k) => (typeof s === 'number' && Number.isFinite(s) ? s : this.ruleSet.bands[k].minScore));
		const answer = await this.#client.whatIf({ weights, minScores }, this.signalFrom, this.attribute);
		if (asked !== this.#asked) return;
		this.answer = answer;
		await tick();
		this.recountMs = performance.now() - start;
		this.recounts++;
		await this.showPage();
	}

	async showPage() {
		if (!this.#client || !this.dataset) return;
		const asked = this.#asked;
		const records = await this.#client.page(this.filter, this.page, PAGE_SIZE);
		if (asked !== this.#asked) return;
		this.records = records;
		this.page = records.window.page;
	}

	close() {
		this.#client?.close();
		this.#client = null;
	}
}
