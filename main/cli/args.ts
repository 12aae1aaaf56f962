import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../io/userError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with Chinese messages for unknown or incomplete options. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`参数有误：${(e as Error).message}\n\n${usage}`);
  }
}
