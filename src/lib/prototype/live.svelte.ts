import { onMount } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { invalidateAll } from '$app/navigation';
import { colorFor } from '$lib/collab/colors';
import { CollabRoom } from '$lib/collab/room.svelte';
import { toSnapshot, type PrototypeSnapshot } from './snapshot';

/**
 * The live prototype for pages that only show it (play mode, the comparison): the room, and its
 * screens re-read on every change. Call during component set-up; the room opens on mount.
 */
export function livePrototype(source: () => { docName: string; me: { userId: string; name: string; organisation: string } }, readOnly: () => boolean) {
	let room = $state<CollabRoom | null>(null);
	let subscribe: (() => void) | null = null;
	onMount(() => {
		const { docName, me } = source();
		const created = new CollabRoom(docName, { name: me.name, organisation: me.organisation, color: colorFor(me.organisation || me.name) }, () => invalidateAll(), { readOnly });
		subscribe = createSubscriber((update) => {
			created.doc.on('update', update);
			return () => created.doc.off('update', update);
		});
		room = created;
		return () => created.destroy();
	});
	return {
		get room() {
			return room;
		},
		get snapshot(): PrototypeSnapshot | null {
			if (!room?.synced) return null;
			subscribe?.();
			return toSnapshot(room.doc);
		}
	};
}
