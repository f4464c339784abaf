/**
 * Agenda templates: the 5-day Design Sprint (Map, Sketch, Decide, Prototype, Test) and the 4-day
 * variant (Design Sprint 2.0: mapping and sketching on day 1, deciding and the storyboard on day 2),
 * in Dutch and English. Times in minutes from midnight; every day starts at 09:30 with breaks as
 * blocks of their own. Checked by the unit tests with the same rules as a facilitator's own blocks.
 */
import type { ActivityType } from './agenda';

export type TemplateBlock = { start: number; duration: number; activity: ActivityType; title: { nl: string; en: string }; instructions: { nl: string; en: string } };
export type AgendaTemplate = { id: 'design_sprint_5' | 'design_sprint_4'; days: TemplateBlock[][] };

const T = (h: number, m = 0) => h * 60 + m;
const b = (start: number, duration: number, activity: ActivityType, nl: string, en: string, instrNl = '', instrEn = ''): TemplateBlock => ({
	start,
	duration,
	activity,
	title: { nl, en },
	instructions: { nl: instrNl, en: instrEn }
});
const lunch = (start: number) => b(start, 45, 'break', 'Lunch', 'Lunch');
const pause = (start: number) => b(start, 15, 'break', 'Pauze', 'Break');

const MAP = [
	b(T(9, 30), 30, 'talk', 'Welkom, doel en sprintvragen', 'Welcome, goal and sprint questions', 'Stel het doel op lange termijn vast en schrijf de sprintvragen: "Kunnen we …?"', 'Agree on the long-term goal and write the sprint questions: "Can we …?"'),
	b(T(10), 90, 'map', 'Vraag het de experts (ook de jongeren)', 'Ask the experts (the young people too)', 'Korte gesprekken; iedereen schrijft "Hoe zouden we …?"-notities op het bord.', 'Short talks; everyone writes "How might we …?" notes on the board.'),
	pause(T(11, 30)),
	b(T(11, 45), 60, 'map', 'De probleemkaart maken', 'Make the problem map', 'Actoren links, stappen naar het doel rechts.', 'Actors on the left, steps to the goal on the right.'),
	lunch(T(12, 45)),
	b(T(13, 30), 60, 'vote', 'HMW-notities ordenen en stemmen', 'Organise and vote on the HMW notes', 'Groepeer de notities; ieder krijgt stippen.', 'Group the notes; everyone gets dots.'),
	b(T(14, 30), 30, 'decide', 'Doelwit kiezen', 'Choose the target', 'De beslisser kiest de klant en het moment op de kaart.', 'The decider picks the customer and the moment on the map.'),
	b(T(15), 30, 'talk', 'Terugblik en morgen', 'Look back and tomorrow')
];
const SKETCH = [
	b(T(9, 30), 90, 'sketch', 'Lightning demos', 'Lightning demos', 'Ieder laat in 3 minuten een voorbeeld zien dat inspireert.', 'Everyone shows an inspiring example in 3 minutes.'),
	pause(T(11)),
	b(T(11, 15), 75, 'sketch', 'Notities en ideeën', 'Notes and ideas', 'Eerste twee stappen van de vier-stappen-schets.', 'The first two steps of the four-step sketch.'),
	lunch(T(12, 30)),
	b(T(13, 15), 30, 'sketch', 'Crazy 8s', 'Crazy 8s', 'Acht varianten in acht minuten, twee rondes.', 'Eight variations in eight minutes, two rounds.'),
	b(T(13, 45), 90, 'sketch', 'Oplossingsschets', 'Solution sketch', 'Alleen, anoniem, zelfverklarend.', 'Alone, anonymous, self-explanatory.'),
	b(T(15, 15), 15, 'talk', 'Afsluiting', 'Wrap-up')
];
const DECIDE = [
	b(T(9, 30), 60, 'vote', 'Kunstmuseum en heatmap', 'Art museum and heat map', 'Schetsen ophangen, stil bekijken, stippen zetten.', 'Hang the sketches, look in silence, place dots.'),
	b(T(10, 30), 60, 'talk', 'Snelle kritiek', 'Speed critique'),
	b(T(11, 30), 30, 'decide', 'Superstem van de beslisser', "The decider's supervote"),
	lunch(T(12)),
	b(T(12, 45), 150, 'sketch', 'Storyboard', 'Storyboard', 'Het verhaal van de test in 10–15 plaatjes.', 'The story of the test in 10–15 frames.'),
	b(T(15, 15), 15, 'talk', 'Afsluiting', 'Wrap-up')
];
const PROTOTYPE = [
	b(T(9, 30), 30, 'talk', 'Rollen verdelen', 'Hand out the roles'),
	b(T(10), 150, 'prototype', 'Prototype bouwen', 'Build the prototype'),
	lunch(T(12, 30)),
	b(T(13, 15), 120, 'prototype', 'Prototype afmaken', 'Finish the prototype'),
	b(T(15, 15), 30, 'test', 'Proefdraaien', 'Trial run'),
	b(T(15, 45), 15, 'test', 'Testronde klaarzetten', 'Prepare the test round', 'Versie bevriezen, vragen kiezen, code en QR klaar.', 'Freeze the version, choose the questions, code and QR ready.')
];
const TEST = [
	b(T(9, 30), 15, 'test', 'Testronde openen', 'Open the test round', 'Code en QR op het scherm; leg uit dat het anoniem is.', 'Code and QR on the screen; explain that it is anonymous.'),
	b(T(9, 45), 150, 'test', 'Jongeren testen de ideeën', 'Young people test the ideas', 'Kijk mee op de resultaten; let op meldingen.', 'Follow the results; watch for alerts.'),
	lunch(T(12, 15)),
	b(T(13), 60, 'talk', 'Resultaten bekijken', 'Look at the results'),
	b(T(14), 60, 'decide', 'Gevalideerde ideeën kiezen', 'Choose the validated ideas'),
	b(T(15), 45, 'decide', 'Vervolgstappen en sprintvragen beantwoorden', 'Next steps and answer the sprint questions')
];

/** Design Sprint 2.0: map and sketch on one day, decide and storyboard on the next. */
const MAP_AND_SKETCH = [
	b(T(9, 30), 30, 'talk', 'Welkom, doel en sprintvragen', 'Welcome, goal and sprint questions'),
	b(T(10), 60, 'map', 'Experts en HMW-notities', 'Experts and HMW notes'),
	b(T(11), 45, 'map', 'Probleemkaart en doelwit', 'Problem map and target'),
	b(T(11, 45), 45, 'sketch', 'Lightning demos', 'Lightning demos'),
	lunch(T(12, 30)),
	b(T(13, 15), 120, 'sketch', 'Vier-stappen-schets', 'Four-step sketch'),
	b(T(15, 15), 15, 'talk', 'Afsluiting', 'Wrap-up')
];
const DECIDE_AND_STORYBOARD = [
	b(T(9, 30), 60, 'vote', 'Kunstmuseum en heatmap', 'Art museum and heat map'),
	b(T(10, 30), 45, 'decide', 'Snelle kritiek en superstem', 'Speed critique and supervote'),
	pause(T(11, 15)),
	b(T(11, 30), 60, 'sketch', 'Storyboard (deel 1)', 'Storyboard (part 1)'),
	lunch(T(12, 30)),
	b(T(13, 15), 90, 'sketch', 'Storyboard (deel 2)', 'Storyboard (part 2)'),
	b(T(14, 45), 30, 'talk', 'Rollen voor het prototype', 'Roles for the prototype')
];

export const TEMPLATES: AgendaTemplate[] = [
	{ id: 'design_sprint_5', days: [MAP, SKETCH, DECIDE, PROTOTYPE, TEST] },
	{ id: 'design_sprint_4', days: [MAP_AND_SKETCH, DECIDE_AND_STORYBOARD, PROTOTYPE, TEST] }
];

export function templateById(id: unknown): AgendaTemplate | null {
	return TEMPLATES.find((t) => t.id === id) ?? null;
}
