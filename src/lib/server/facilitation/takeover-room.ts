/**
 * Tells the room about "take control": the end time goes into the sprint's control document (for the
 * participants' banner), and open connections are rechecked at once and again when it ends (the
 * realtime server's 30 s recheck would catch the end too; the timer makes it prompt).
 */
import { collab } from '../collab/install';

const endings = new Map<string, ReturnType<typeof setTimeout>>();

export function announceTakeover(sprintId: string, until: number | null, now = Date.now()) {
	const server = collab();
	if (!server) return;
	server.updateDocument(`sprints/${sprintId}/control`, (doc) => {
		const map = doc.getMap('control');
		if (until) map.set('takeover', { until });
		else map.delete('takeover');
	});
	server.refreshSprint(sprintId);
	clearTimeout(endings.get(sprintId));
	endings.delete(sprintId);
	if (until) {
		const timer = setTimeout(() => {
			endings.delete(sprintId);
			collab()?.refreshSprint(sprintId);
		}, until - now + 250);
		timer.unref();
		endings.set(sprintId, timer);
	}
}
