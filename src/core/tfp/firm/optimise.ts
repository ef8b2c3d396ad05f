/**
 * The optimisers of the firm estimators: Brent's bounded scalar minimisation
 * (core/stats/brent.ts) and Nelder–Mead (core/stats/nelder-mead.ts), both shared.
 */

export { brentMinimise } from '../../stats/brent.ts';
export { nelderMead } from '../../stats/nelder-mead.ts';
