import type { Edit, LineFields } from '../edits';
import type { ComputeSetup } from './model';
import { placeKey, type ComputePlan } from './propose';

/** A step of applying a plan, as the screen asks for it: new lines without ids (the file gives them). */
export type PlanStep =
  | { op: 'updateLines'; changes: { id: number; set: Partial<LineFields> }[] }
  | { op: 'deleteLines'; ids: number[] }
  | { op: 'insertLines'; lines: LineFields[] }
  | { op: 'setCompute'; compute: ComputeSetup };

/** The steps that apply a plan: one batch, so one undo takes it all back. */
export function planSteps(plan: ComputePlan): PlanStep[] {
  const steps: PlanStep[] = [];
  if (plan.updates.length > 0) steps.push({ op: 'updateLines', changes: plan.updates });
  if (plan.deletes.length > 0) steps.push({ op: 'deleteLines', ids: plan.deletes });
  if (plan.inserts.length > 0) steps.push({ op: 'insertLines', lines: plan.inserts });
  steps.push({ op: 'setCompute', compute: plan.compute });
  return steps;
}

/** The plan as one edit, new lines numbered on from `nextId` (as the file numbers them). */
export function planEdit(plan: ComputePlan, nextId: number): Edit {
  let id = nextId;
  return {
    op: 'batch',
    edits: planSteps(plan).map((s): Edit => (s.op === 'insertLines' ? { op: 'insertLines', lines: s.lines.map((l) => ({ ...l, id: id++ })) } : s)),
  };
}

/** The setup with a hand-changed computed line's amount accepted (the 审核 warning goes until the 测算 changes). */
export function confirmComputed(setup: ComputeSetup, place: { unit: string; functionCode: string; economicCode: string }, amount: number): ComputeSetup {
  const key = placeKey(place);
  return { ...setup, computed: setup.computed.map((r) => (placeKey(r) === key ? { ...r, confirmed: amount } : r)) };
}
