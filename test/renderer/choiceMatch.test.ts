import { describe, expect, it } from 'vitest';
import { CHOICES } from '../../renderer/src/lines/lineCells';
import { matchChoices } from '../../renderer/src/lines/choiceMatch';
import { CHOICE_INITIALS } from '../../shared/core/choiceInitials';

describe('a choice typed by its first characters or its pinyin initials', () => {
  it('takes pinyin initials: jb 基本支出, xm 项目支出, yb 一般公共预算财政拨款', () => {
    expect(matchChoices(CHOICES.kind!, 'jb')[0]).toBe('基本支出');
    expect(matchChoices(CHOICES.kind!, 'XM')[0]).toBe('项目支出');
    expect(matchChoices(CHOICES.source!, 'yb')).toEqual(['一般公共预算财政拨款']);
    expect(matchChoices(CHOICES.source!, 'sy')).toEqual(['事业收入', '事业单位经营收入']);
    expect(matchChoices(CHOICES.costType!, 'gy')).toEqual(['公用经费']);
  });

  it('takes the first characters before a text found inside a choice', () => {
    expect(matchChoices(CHOICES.source!, '事业')).toEqual(['事业收入', '事业单位经营收入']);
    expect(matchChoices(CHOICES.source!, '政府')[0]).toBe('政府性基金预算财政拨款');
    expect(matchChoices(CHOICES.source!, '基金')).toEqual(['政府性基金预算财政拨款']);
    expect(matchChoices(CHOICES.kind!, '项目支出')).toEqual(['项目支出']);
  });

  it('offers every choice for an empty text and none for a text that means nothing', () => {
    expect(matchChoices(CHOICES.costType!, '')).toEqual(['人员经费', '公用经费']);
    expect(matchChoices(CHOICES.kind!, 'qq')).toEqual([]);
  });

  it('has initials for every fixed choice, in lower-case letters', () => {
    for (const list of [CHOICES.kind!, CHOICES.source!, CHOICES.costType!])
      for (const o of list.filter((x) => x !== '')) expect((CHOICE_INITIALS as Record<string, string>)[o]).toMatch(/^[a-z]{2,}$/);
  });
});
