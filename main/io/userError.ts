import type { ImportProblem } from '../../shared/contract/imports';

/** A problem with what the user gave us (a file, an argument): shown as is, exit status 2. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A file refused as a whole because of the rows listed: the message for the command line, and the
 * same problems one by one for the screen's list.
 */
export class RefusedFile extends UserError {
  constructor(
    message: string,
    /** Where the rows were read: `明细.csv`, or `明细.xlsx 工作表“明细”`. */
    readonly source: string,
    readonly problems: ImportProblem[],
  ) {
    super(message);
    this.name = 'RefusedFile';
  }
}
