/**
 * What the browser and our realtime server add to the y-websocket protocol (shared by both sides).
 *
 * y-websocket has no acknowledgements. A client that wants to know its edits are stored sends
 * `[MESSAGE_SAVED, seq]`; the server answers with the same frame. The server handles one
 * connection's messages in order and commits every update before it reads the next message, so the
 * answer proves that everything the client sent before the request is on disk.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SAVED = 100;

export function savedMessage(seq: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SAVED);
	encoding.writeVarUint(encoder, seq);
	return encoding.toUint8Array(encoder);
}

/** Reads the sequence number after the message type; throws when it is missing or followed by more bytes. */
export function readSaved(decoder: decoding.Decoder): number {
	const seq = decoding.readVarUint(decoder);
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the saved sequence number');
	return seq;
}
