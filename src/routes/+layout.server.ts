import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
	path: url.pathname + url.search
});
