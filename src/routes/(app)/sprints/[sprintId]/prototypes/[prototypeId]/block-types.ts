import { m } from '$lib/paraglide/messages.js';
import type { BlockInit, BlockType } from '$lib/prototype/model';

/** Per block type: its icon, name and a one-line explanation for the add menu. */
export const BLOCK_INFO: Record<BlockType, { icon: string; name: () => string; hint: () => string }> = {
	heading: { icon: 'H', name: m.proto_block_heading, hint: m.proto_block_heading_hint },
	text: { icon: '¶', name: m.proto_block_text, hint: m.proto_block_text_hint },
	image: { icon: '▣', name: m.proto_block_image, hint: m.proto_block_image_hint },
	emoji: { icon: '☺', name: m.proto_block_emoji, hint: m.proto_block_emoji_hint },
	button: { icon: '▭', name: m.proto_block_button, hint: m.proto_block_button_hint },
	field: { icon: 'Aa', name: m.proto_block_field, hint: m.proto_block_field_hint },
	choice: { icon: '◉', name: m.proto_block_choice, hint: m.proto_block_choice_hint },
	scale: { icon: '1–5', name: m.proto_block_scale, hint: m.proto_block_scale_hint },
	checklist: { icon: '☑', name: m.proto_block_checklist, hint: m.proto_block_checklist_hint },
	card: { icon: '▢', name: m.proto_block_card, hint: m.proto_block_card_hint },
	list: { icon: '☰', name: m.proto_block_list, hint: m.proto_block_list_hint },
	tabs: { icon: '⊟', name: m.proto_block_tabs, hint: m.proto_block_tabs_hint },
	note: { icon: '✎', name: m.proto_block_note, hint: m.proto_block_note_hint }
};

/** What a new block of a type starts with (Dutch starter content, as the templates). */
export function starter(type: BlockType): BlockInit {
	const texts: Partial<Record<BlockType, Omit<BlockInit, 'type'>>> = {
		heading: { text: 'Titel' },
		text: { text: '' },
		emoji: { emoji: '🙂', text: 'Blij gezicht' },
		button: { text: 'Verder' },
		field: { text: 'Wat wil je zeggen?' },
		choice: { text: 'Kies er één', items: 'Ja\nNee\nWeet ik niet' },
		scale: { text: 'Hoe vind je dit? 1 is slecht, 5 is goed' },
		checklist: { text: 'Kies wat past', items: 'Optie 1\nOptie 2' },
		card: { text: 'Titel van de kaart', items: 'Korte uitleg.' },
		list: { text: '', items: 'Eerste\nTweede\nDerde' },
		tabs: { items: 'Start\nProfiel' },
		note: { text: 'Vraag aan de tester: ' }
	};
	return { type, ...texts[type] };
}
