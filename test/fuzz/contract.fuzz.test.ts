import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_ARGS } from '../../shared/contract/calls';
import { EXPENDITURE_KINDS, FUND_SOURCES } from '../../shared/core/model';
import { MAX_AMOUNT_FEN } from '../../shared/core/limits';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { dispatchCall, type CallTarget } from '../../main/workbookCalls';
import { WorkbookFile } from '../../main/workbook/file';
import { useTempDir } from '../workbook/tempDir';
import { expectChineseMessage, fileState, fuzzOptions, useTally } from './fuzzKit';

const SAMPLE = sampleWorkbook();
const ids = SAMPLE.lines.slice(0, 20).map((l) => l.id);

const amount = fc.oneof(fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.constantFrom(MAX_AMOUNT_FEN, MAX_AMOUNT_FEN + 1, Number.MAX_SAFE_INTEGER, 1.5, -0, NaN, Infinity), fc.anything());
const fieldValue = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.constant('长'.repeat(3000)) });
const lineSet = fc.record(
  {
    amount,
    note: fieldValue,
    kind: fc.oneof(fc.constantFrom(...EXPENDITURE_KINDS), fieldValue),
    source: fc.oneof(fc.constantFrom(...FUND_SOURCES), fieldValue),
    functionCode: fc.oneof(fc.constantFrom('2120199', '2080505', '2080000'), fieldValue),
  },
  { requiredKeys: [] },
);
const updateLines = fc.record({
  op: fc.constant('updateLines'),
  changes: fc.array(fc.record({ id: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.anything() }), set: lineSet }), { maxLength: 5 }),
});
const insertLines = fc.record({
  op: fc.constant('insertLines'),
  lines: fc.array(
    fc.record({ line: fc.constantFrom(...SAMPLE.lines.slice(0, 20)), set: lineSet }).map(({ line: { id: _id, ...fields }, set }) => ({ ...fields, ...set })),
    { maxLength: 4 },
  ),
});
const deleteLines = fc.record({ op: fc.constant('deleteLines'), ids: fc.array(fc.oneof(fc.constantFrom(...ids), fc.anything()), { maxLength: 4 }) });
const setMeta = fc.record({ op: fc.constant('setMeta'), department: fieldValue, year: fc.oneof(fc.integer({ min: 1990, max: 2200 }), fc.anything()) });
const { edit } = fc.letrec((tie) => ({
  edit: fc.oneof({ depthSize: 'small', withCrossShrink: true }, updateLines, insertLines, deleteLines, setMeta, fc.record({ op: fc.constant('batch'), edits: fc.array(tie('edit'), { maxLength: 3 }) }), fc.anything()),
}));
/** Nesting far past any bound, made without recursion. */
const deep = fc.integer({ min: 30, max: 3000 }).map((depth) => {
  let e: unknown = { op: 'deleteLines', ids: [] };
  for (let i = 0; i < depth; i++) e = { op: 'batch', edits: [e] };
  return e;
});
const call = fc.oneof(
  { weight: 6, arbitrary: edit.map((e) => ({ name: 'workbook.edit', args: [e] as unknown })) },
  { weight: 1, arbitrary: deep.map((e) => ({ name: 'workbook.edit', args: [e] as unknown })) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom(...Object.keys(CALL_ARGS), 'fs.readFile', '__proto__', 'constructor'), args: fc.anything() }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('versions.mark'), args: fc.tuple(fc.oneof(fieldValue, fc.constant('版'.repeat(200_000)))) }) },
  { weight: 1, arbitrary: fc.record({ name: fc.anything(), args: fc.anything() }) },
);

describe('fuzz: contract calls', () => {
  const temp = useTempDir();
  const tally = useTally('contract');
  let file: WorkbookFile;
  let target: CallTarget;
  beforeAll(() => {
    file = WorkbookFile.create(join(temp(), 'fuzz.budget'), sampleWorkbook());
    target = { file, exportExcel: async () => ({ savedTo: null }), exportUnitFile: async () => ({ savedTo: null }) };
  });
  afterAll(() => file.close());

  it('every call is carried out or refused in Chinese with the file untouched', async () => {
    await fc.assert(
      fc.asyncProperty(call, async ({ name, args }) => {
        const before = fileState(file.path);
        const revision = file.snapshot().revision;
        tally.tried++;
        try {
          await dispatchCall(target, name, args);
          tally.accepted++;
        } catch (e) {
          tally.refused++;
          expectChineseMessage((e as Error).message);
          expect(file.snapshot().revision).toBe(revision);
          expect(fileState(file.path)).toBe(before);
        }
      }),
      fuzzOptions(),
    );
    // Screen = file: what memory holds is what the file holds after all those calls.
    const inMemory = file.workbook();
    const path = file.path;
    file.close();
    file = WorkbookFile.open(path);
    expect(file.workbook()).toEqual(inMemory);
  });
});
