import { describe, expect, it } from 'vitest';
import { EntryFlow } from '../../renderer/src/lines/entryFlow';

describe("Excel's entry flow: Tab, Tab, … Enter", () => {
  it('goes back to the column where the Tabs began once values were entered', () => {
    const flow = new EntryFlow();
    flow.tab(0);
    flow.entry();
    flow.tab(1);
    flow.entry();
    flow.tab(2);
    expect(flow.enter()).toBe(0);
    // The flow ends with Enter: the next Enter moves straight down.
    expect(flow.enter()).toBeNull();
  });

  it('moves straight down when nothing was entered, or after another move', () => {
    const flow = new EntryFlow();
    flow.tab(3);
    expect(flow.enter()).toBeNull();
    flow.tab(3);
    flow.entry();
    flow.reset();
    expect(flow.enter()).toBeNull();
  });
});
