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
