/** The page's handle on the bench worker, with one typed method per request. */
import type { BandFilter, WhatIf } from './engine';
import type { CsvRefusal, DatasetInfo, FairnessAttribute, PageAnswer, Request, Response, WhatIfAnswer } from './protocol';
import { Rpc, type Port } from './rpc';
import type { BenchRuleSet } from './types';

export class BenchClient {
	#rpc: Rpc<Request, Response>;
	#stop: () => void;

	constructor(port: Port & { terminate?: () => void }) {
		this.#rpc = new Rpc(port);
		this.#stop = () => port.terminate?.();
	}

	/** The real thing: a module worker (Vite bundles it as a file of its own; same origin, so the CSP's script-src 'self' allows it). */
	static start(): BenchClient {
		return new BenchClient(new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' }));
	}

	generate(n: number, seed: number) {
		return this.#rpc.request({ type: 'generate', n, seed }) as Promise<DatasetInfo>;
	}
	csv(text: string) {
		return this.#rpc.request({ type: 'csv', text }) as Promise<DatasetInfo | CsvRefusal>;
	}
	ruleSet(ruleSet: BenchRuleSet) {
		// $state proxies cannot be cloned into a worker: send plain data.
		return this.#rpc.request({ type: 'ruleset', ruleSet: JSON.parse(JSON.stringify(ruleSet)) }) as Promise<null>;
	}
	whatIf(whatIf: WhatIf, signalFrom: string, attribute: FairnessAttribute) {
		return this.#rpc.request({ type: 'whatif', whatIf: { weights: [...whatIf.weights], minScores: [...whatIf.minScores] }, signalFrom, attribute }) as Promise<WhatIfAnswer>;
	}
	page(filter: BandFilter, page: number, size: number) {
		return this.#rpc.request({ type: 'page', filter: { ...filter }, page, size }) as Promise<PageAnswer>;
	}

	close() {
		this.#rpc.close();
		this.#stop();
	}
}
