/** A refusal of a unit file or a merge, in Chinese, for the user: nothing was changed. */
export class UnitsError extends Error {}
