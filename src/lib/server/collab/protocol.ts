/** The y-websocket wire protocol: message types and the frames the server sends. */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Ours, not y-websocket's: "is everything I sent stored?", answered in order (see $lib/collab/wire). */
export { MESSAGE_SAVED, readSaved, savedMessage } from '$lib/collab/wire';

/** WebSocket close codes we use, with the reason each stands for. */
export const CLOSE = {
	goingAway: 1001,
	unsupported: 1003,
	invalidPayload: 1007,
	policy: 1008,
	tooBig: 1009,
	internal: 1011,
	// 44xx: y-websocket (v3) does not reconnect after these, and our client reacts to each.
	sessionEnded: 4401,
	accessRevoked: 4403
} as const;

export function syncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}
