/**
 * The helplines shown wherever a young person might need one (the youth pages) and in the crisis
 * alert on the facilitator's page. Kept here as configuration, in one place, so a coalition can
 * change them without touching a page. Names are proper names: not translated.
 */
export type Helpline = { name: string; phones: string[] };

export const HELPLINES: readonly Helpline[] = [
	{ name: '113 Zelfmoordpreventie', phones: ['113', '0800-0113'] },
	{ name: 'De Kindertelefoon', phones: ['0800-0432'] }
];
