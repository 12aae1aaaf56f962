import { describe, expect, it } from 'vitest';
import { IdsByHash } from '../../shared/core/live/idsByHash';

describe('IdsByHash', () => {
  it('keeps several ids per hash through growth and removal, like a map of arrays', () => {
    const index = new IdsByHash();
    const model = new Map<number, number[]>();
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let id = 1; id <= 5000; id++) {
      // few distinct hashes, so that clusters and shared hashes are common
      const hash = Math.floor(random() * 700) * 3_000_017 & 0x3fffffff;
      index.add(hash, id);
      model.set(hash, [...(model.get(hash) ?? []), id]);
      if (id % 3 === 0) {
        const [h, ids] = [...model.entries()][Math.floor(random() * model.size)];
        const gone = ids[Math.floor(random() * ids.length)];
        index.remove(h, gone);
        model.set(h, ids.filter((x) => x !== gone));
      }
    }
    for (const [hash, ids] of model) {
      expect(index.idsOf(hash).sort((a, b) => a - b)).toEqual(ids);
      for (const id of ids) expect(index.hasOther(hash, id)).toBe(ids.length > 1);
    }
  });

  it('takes ids that do not fit 32 bits', () => {
    const index = new IdsByHash();
    index.add(7, 1);
    index.add(7, 2 ** 40);
    index.add(8, -3);
    expect(index.idsOf(7)).toEqual([1, 2 ** 40]);
    expect(index.idsOf(8)).toEqual([-3]);
    index.remove(7, 2 ** 40);
    expect(index.hasOther(7, 1)).toBe(false);
  });
});
