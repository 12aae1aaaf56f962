import { check } from './commands/check';
import { derive } from './commands/derive';
import { exportCommand } from './commands/export';
import { importBaseline } from './commands/importBaseline';
import { importCatalog } from './commands/importCatalog';
import { diff } from './commands/diff';
import { importLines } from './commands/importLines';
import { newCommand } from './commands/new';
import { rollForwardCommand } from './commands/rollForward';
import { versions } from './commands/versions';
import { narrative } from './commands/narrative';
import { merge } from './commands/merge';
import { consolidate } from './commands/consolidate';
import { split } from './commands/split';

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
  new: newCommand,
  'import-lines': importLines,
  versions,
  diff,
  'roll-forward': rollForwardCommand,
  export: exportCommand,
  'import-baseline': importBaseline,
  'import-catalog': importCatalog,
  split,
  merge,
  consolidate,
};
