// The same data as the version's page: play mode draws the frozen snapshot.
export { load } from '../+page.server';
