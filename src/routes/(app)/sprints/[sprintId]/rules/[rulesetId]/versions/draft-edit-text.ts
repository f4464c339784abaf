import { message } from '$lib/i18n/message';
import { m } from '$lib/paraglide/messages.js';
import type { DraftEditDetail, NamedEntry } from '$lib/server/rules/draft-audit';

type Lists = DraftEditDetail['indicators'];

/**
 * A `draft_edited` audit row in words: "Concept bewerkt (12×): Verzuim: voorwaarde, gewicht; nieuw:
 * Sportclub; uitkomst aandacht: vanaf score". The detail is read defensively: rows are forever, and
 * an older or odd row must still show instead of breaking the page.
 */
export function draftEditText(raw: Record<string, unknown>): string {
	const detail = raw as Partial<DraftEditDetail>;
	const name = (e: NamedEntry) => (typeof e?.name === 'string' && e.name.trim() ? e.name : m.rules_audit_draft_unnamed());
	const parts = (e: NamedEntry) => (Array.isArray(e.parts) ? e.parts.map((p) => message('rules_prop_' + p)).join(', ') : '');
	const describe = (lists: Lists | undefined, wrap: (text: string) => string) => {
		if (!lists) return [];
		const each = (entries: NamedEntry[] | undefined, say: (e: NamedEntry) => string) => (Array.isArray(entries) ? entries.map(say) : []);
		return [
			...each(lists.changed, (e) => wrap(m.rules_audit_draft_changed({ name: name(e), parts: parts(e) }))),
			...each(lists.added, (e) => m.rules_audit_draft_added({ name: wrap(name(e)) })),
			...each(lists.removed, (e) => m.rules_audit_draft_removed({ name: wrap(name(e)) })),
			...each(lists.moved, (e) => m.rules_audit_draft_moved({ name: wrap(name(e)) }))
		];
	};
	const what = [
		...describe(detail.indicators, (text) => text),
		...describe(detail.bands, (text) => m.rules_audit_draft_band({ name: text })),
		...(detail.purpose ? [m.rules_audit_draft_purpose()] : [])
	];
	return m.rules_audit_draft_edited({ edits: String(Number(detail.edits) || 0), what: what.join('; ') });
}
