/**
 * Starter prototypes. Their content is Dutch on purpose (B1): the prototypes are made for Dutch
 * young people and social workers, whatever language the editor's menus are in.
 */
import type * as Y from 'yjs';
import { addScreen, BACK, newId, type BlockInit } from './model';

export const TEMPLATES = ['blank', 'signal_app', 'youth_checkin'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

type Draft = { key: string; name: string; blocks: (BlockInit & { to?: string })[] };

const SIGNAL_APP: Draft[] = [
	{
		key: 'start',
		name: 'Start',
		blocks: [
			{ type: 'heading', text: 'Signaal-app' },
			{ type: 'text', text: 'Zie je dat een jongere er alleen voor staat? Kijk samen wat er speelt en wat goed gaat.' },
			{ type: 'button', text: 'Nieuw gesprek', to: 'signals' },
			{ type: 'button', text: 'Mijn gesprekken', to: 'overview' },
			{ type: 'tabs', items: 'Start\nOverzicht' }
		]
	},
	{
		key: 'signals',
		name: 'Signalen',
		blocks: [
			{ type: 'heading', text: 'Wat valt je op?' },
			{ type: 'checklist', text: 'Kies wat je ziet', items: 'Gaat minder vaak naar school\nZiet weinig vrienden\nHeeft geen werk of stage\nZorgen over geld thuis' },
			{ type: 'note', text: 'Vraag aan de tester: mist er een signaal?' },
			{ type: 'button', text: 'Verder', to: 'talents' },
			{ type: 'button', text: 'Terug', target: BACK }
		]
	},
	{
		key: 'talents',
		name: 'Talenten',
		blocks: [
			{ type: 'heading', text: 'Wat gaat goed?' },
			{ type: 'checklist', text: 'Kies wat past', items: 'Doet aan sport of een hobby\nHeeft iemand om op te vertrouwen\nWil graag iets leren' },
			{ type: 'button', text: 'Bekijk de tip', to: 'advice' },
			{ type: 'button', text: 'Terug', target: BACK }
		]
	},
	{
		key: 'advice',
		name: 'Tip',
		blocks: [
			{ type: 'heading', text: 'Tip voor het gesprek' },
			{ type: 'card', text: 'Praat over school', items: 'Vraag wat er lastig is. Luister eerst. Vraag ook wat goed gaat.' },
			{ type: 'text', text: 'Dit is een signaal voor een gesprek. Het is geen besluit.' },
			{ type: 'button', text: 'Klaar', to: 'start' }
		]
	},
	{
		key: 'overview',
		name: 'Overzicht',
		blocks: [
			{ type: 'heading', text: 'Mijn gesprekken' },
			{ type: 'list', text: 'Deze week', items: 'Gesprek op dinsdag\nGesprek op donderdag' },
			{ type: 'tabs', items: 'Start\nOverzicht' }
		]
	}
];

const YOUTH_CHECKIN: Draft[] = [
	{
		key: 'welcome',
		name: 'Welkom',
		blocks: [
			{ type: 'emoji', emoji: '👋', text: 'Hallo' },
			{ type: 'heading', text: 'Hoi! Hoe gaat het met je?' },
			{ type: 'text', text: 'Dit duurt 2 minuten. Je hoeft je naam niet te geven.' },
			{ type: 'button', text: 'Begin', to: 'feeling' }
		]
	},
	{
		key: 'feeling',
		name: 'Gevoel',
		blocks: [
			{ type: 'heading', text: 'Hoe voel je je vandaag?' },
			{ type: 'scale', text: '1 is heel slecht, 5 is heel goed' },
			{ type: 'choice', text: 'Met wie praat je als het niet goed gaat?', items: 'Vriend of vriendin\nFamilie\nIemand op school\nMet niemand' },
			{ type: 'button', text: 'Verder', to: 'wish' },
			{ type: 'button', text: 'Terug', target: BACK }
		]
	},
	{
		key: 'wish',
		name: 'Wat helpt',
		blocks: [
			{ type: 'heading', text: 'Wat zou jou helpen?' },
			{ type: 'checklist', text: 'Kies zoveel je wilt', items: 'Iemand die luistert\nHulp bij school\nEen plek om te sporten\nMeer geld' },
			{ type: 'field', text: 'Wil je nog iets zeggen?' },
			{ type: 'note', text: 'Kijk of de jongere de vraag snapt zonder uitleg.' },
			{ type: 'button', text: 'Versturen', to: 'thanks' }
		]
	},
	{
		key: 'thanks',
		name: 'Bedankt',
		blocks: [
			{ type: 'emoji', emoji: '🙌', text: 'Top' },
			{ type: 'heading', text: 'Dank je wel!' },
			{ type: 'text', text: 'Wil je met iemand praten? Bel gratis De Kindertelefoon: 0800-0432.' },
			{ type: 'button', text: 'Opnieuw', to: 'welcome' }
		]
	}
];

const BLANK: Draft[] = [{ key: 'start', name: 'Start', blocks: [{ type: 'heading', text: 'Welkom' }, { type: 'text', text: '' }] }];

/** Fills an empty prototype document with a template's screens, links resolved to the new screen ids. */
export function applyTemplate(doc: Y.Doc, template: TemplateName, origin: unknown = null) {
	const drafts = template === 'signal_app' ? SIGNAL_APP : template === 'youth_checkin' ? YOUTH_CHECKIN : BLANK;
	const ids = new Map(drafts.map((d) => [d.key, newId()] as const));
	doc.transact(() => {
		for (const draft of drafts) {
			const blocks = draft.blocks.map(({ to, ...block }) => (to ? { ...block, target: ids.get(to)! } : block));
			addScreen(doc, draft.name, origin, { id: ids.get(draft.key), blocks });
		}
		doc.getMap('meta').set('template', template);
	}, origin);
}
