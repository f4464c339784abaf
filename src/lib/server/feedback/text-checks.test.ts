import { describe, expect, it } from 'vitest';
import { crisisMatcher, normaliseText, personalDataFlags } from './text-checks';
import { formatJoinCode, newJoinCode, normaliseJoinCode, CODE_ALPHABET } from './join-code';

describe('crisis words', () => {
	const match = crisisMatcher();

	it.each([
		['Soms wil ik gewoon dood', ['suicide']],
		['ik denk aan ZELFMOORDDD', ['suicide']],
		['ik wil niet meer leven', ['suicide']],
		['ik ga mezelf pijn doen', ['self_harm']],
		['ik ben aangerand op een feest', ['abuse']],
		['mijn vader slaat me als hij boos is', ['violence_home']],
		['thuis is het niet veilig', ['violence_home']],
		['Ik ben bang voor mijn stiefvader', ['violence_home']]
	])('flags %j', (text, categories) => {
		expect(match(text)).toEqual(categories);
	});

	it.each(['Leuke app, ik zou hem gebruiken', 'De knop is dood simpel', 'Wat is je favoriete sport?', 'ik wil een doodle maken'])('leaves %j alone', (text) => {
		expect(match(text)).toEqual([]);
	});

	it('takes a list of its own (the configuration)', () => {
		const custom = crisisMatcher({ suicide: ['113'], self_harm: [], abuse: [], violence_home: ['weglopen'] });
		expect(custom('ik wil weglopen')).toEqual(['violence_home']);
		expect(custom('ik wil dood')).toEqual([]);
	});

	it('normalises accents, case and letters repeated for emphasis', () => {
		expect(normaliseText('Zéér  LEUUUK')).toBe('zeer leuk');
	});
});

describe('personal data flags', () => {
	it.each([
		['bel me op 06-12345678', ['phone']],
		['mijn nummer is +31 6 1234 5678', ['phone']],
		['sam.de.vries@gmail.com', ['email']],
		['mail naar sam (at) hotmail.com', ['email']],
		['volg me op insta: sammie_2009', ['handle']],
		['@sammie2009 op tiktok', ['handle']],
		['Ik heet Yusuf en ik vind het goed', ['name']],
		['ik vond het met Emma samen leuk', ['name']],
		['groetjes, Noor', ['name']]
	])('flags %j', (text, flags) => {
		expect(personalDataFlags(text)).toEqual(flags);
	});

	it.each(['Ik vind het goed', 'Emma zou dit fijn vinden? Nee.', 'Het kost 5 euro per maand', 'Jongeren in de buurt helpen elkaar'])('leaves %j alone', (text) => {
		expect(personalDataFlags(text)).toEqual([]);
	});
});

describe('join codes', () => {
	it('are 8 characters from the unambiguous alphabet', () => {
		for (let i = 0; i < 200; i++) {
			const code = newJoinCode();
			expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
		}
	});

	it('are read whatever the case, spaces and dashes', () => {
		expect(normaliseJoinCode(' acde-fghj ')).toBe('ACDEFGHJ');
		expect(formatJoinCode('ACDEFGHJ')).toBe('ACDE-FGHJ');
	});

	it.each(['', 'ACDEFGH', 'ACDEFGHJK', 'ACDEFGH0', 'ACDEFGHI', 'ACDE FGHO', null, 12345678, 'A'.repeat(100)])('refuse %j before any lookup', (input) => {
		expect(normaliseJoinCode(input)).toBeNull();
	});
});
