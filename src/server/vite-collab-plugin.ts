/**
 * Hands websocket upgrades for /collab/* to the realtime server in `vite dev` and `vite preview`,
 * so that development, preview and production run one code path (the production entry does the
 * same in src/server/entry.js). Vite's own HMR socket is left alone: we only touch /collab/ URLs.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Plugin, ViteDevServer, PreviewServer } from 'vite';

// The bundled SvelteKit code registers its upgrade handler under this key (see
// src/lib/server/collab/install.ts); plain Node code cannot import $lib, so we meet on a global.
const KEY = Symbol.for('meedoen.collab');

type Collab = { handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void };

function current(): Collab | undefined {
	return (globalThis as Record<symbol, Collab | undefined>)[KEY];
}

function isCollab(req: IncomingMessage) {
	return (req.url ?? '').startsWith('/collab/');
}

export function collabPlugin(): Plugin {
	return {
		name: 'meedoen-collab',
		configureServer(server: ViteDevServer) {
			server.httpServer?.on('upgrade', async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
				if (!isCollab(req)) return;
				try {
					// In dev the server hooks load lazily; loading them installs the collab server.
					if (!current()) await server.ssrLoadModule('/src/hooks.server.ts');
					current()!.handleUpgrade(req, socket, head);
				} catch (error) {
					console.error('[collab] dev upgrade failed:', (error as Error).message);
					socket.destroy();
				}
			});
		},
		configurePreviewServer(server: PreviewServer) {
			server.httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
				if (!isCollab(req)) return;
				const collab = current();
				if (collab) collab.handleUpgrade(req, socket, head);
				else socket.destroy();
			});
		}
	};
}
