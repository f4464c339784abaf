import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { collabPlugin } from './src/server/vite-collab-plugin';

export default defineConfig({
	plugins: [
		// Tests import no messages; the compiler's file watcher would keep vitest from exiting.
		!process.env.VITEST &&
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			// Same options as `npm run i18n` (the CLI that the type-check uses), so both emit one runtime.
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit(),
		collabPlugin()
	],
	server: { port: 3000 },
	preview: { port: 3000 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
