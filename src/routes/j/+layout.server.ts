import { helplines } from '$lib/server/feedback/helplines';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ helplines });
