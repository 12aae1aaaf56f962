import { check } from './commands/check';
import { derive } from './commands/derive';
import { narrative } from './commands/narrative';

export interface Command {
  summary: string;
  usage: string;
  /** Returns the exit status; throws UserError for bad input (exit 2). */
  run(args: string[]): Promise<number> | number;
}

/** Every `budget` subcommand. */
export const COMMANDS: Record<string, Command> = {
  check,
  derive,
  narrative,
};
