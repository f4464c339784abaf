/**
 * The production server: SvelteKit's adapter-node handler plus the realtime websocket server on
 * one port. `npm start` builds, then runs this. Honours PORT, HOST and ORIGIN (read by the handler).
 */
import http from 'node:http';

// adapter-node assumes https when ORIGIN is not set. We serve plain HTTP here, so without ORIGIN
// the origin is http://<Host header> (what a tablet on the local network typed), which we tell the
// handler through a header of our own that no client can set.
const PROTO = 'x-meedoen-protocol';
if (!process.env.ORIGIN?.trim()) {
	delete process.env.ORIGIN;
	process.env.PROTOCOL_HEADER = PROTO;
	process.env.HOST_HEADER = 'host';
}
// Prototype images may be up to 2 MB (src/lib/server/prototypes/images.ts); adapter-node's default
// body limit (512 KB) would refuse them before the app could say why. An explicit setting wins.
process.env.BODY_SIZE_LIMIT ??= '3M';
const { handler } = await import('../../build/handler.js');

// Importing the handler initialises SvelteKit (top-level await), which runs the server hooks,
// which install the realtime server under this key (src/lib/server/collab/install.ts).
const collab = globalThis[Symbol.for('meedoen.collab')];
if (!collab) {
	console.error('The realtime server was not installed; is the build up to date?');
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = http.createServer((req, res) => {
	if (!process.env.ORIGIN || process.env.PROTOCOL_HEADER === PROTO) req.headers[PROTO] = 'http';
	handler(req, res);
});
server.on('upgrade', (req, socket, head) => {
	socket.on('error', () => socket.destroy());
	if ((req.url ?? '').startsWith('/collab/')) collab.handleUpgrade(req, socket, head);
	else socket.destroy();
});

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	console.log(`Meedoen listening on http://${shown}:${port}`);
});

let stopping = false;
async function stop(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: stopping`);
	// Stop accepting; flush the documents and close every socket; wait for HTTP to finish; exit.
	const httpClosed = new Promise((resolve) => server.close(() => resolve(undefined)));
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 5000).unref();
	try {
		await collab.shutdown();
	} catch (error) {
		console.error('Shutdown of the realtime server failed:', error);
		process.exitCode = 1;
	}
	server.closeIdleConnections();
	await httpClosed;
	process.exit(process.exitCode ?? 0);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
