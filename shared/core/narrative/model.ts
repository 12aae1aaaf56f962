import type { MeasureKey } from '../model';

/**
 * What a person writes that a paragraph prints, or would print once written: a 类's 用途, the reason
 * for a change, or the entered figures of 政府采购 or 国有资产.
 */
export type NarrativeEdit = { kind: 'purpose'; code: string } | { kind: 'reason'; key: MeasureKey } | { kind: 'entered'; part: 'procurement' | 'assets' };

export interface NarrativeParagraph {
  text: string;
  /** The figures the paragraph cites, for the review screen to link to. */
  measures: MeasureKey[];
  /** Where the screen puts the editable purpose or reason beside the paragraph. */
  edits: NarrativeEdit[];
  /** An item of a numbered list: printed on the line after the previous item, without a blank line. */
  listItem?: true;
}

export type NarrativeSectionId = 'budget' | 'sanGong' | 'officeExpenses' | 'procurement' | 'performance' | 'assets';

export interface NarrativeSection {
  id: NarrativeSectionId;
  /** “一、2024年“三公”经费预算情况说明”; none for the single section of 预算编制说明. */
  title?: string;
  paragraphs: NarrativeParagraph[];
}

export interface NarrativeChapter {
  title: string;
  sections: NarrativeSection[];
}

export interface Narrative {
  department: string;
  year: number;
  previousYear: number;
  /** 预算编制说明, then 其他相关情况说明. */
  chapters: NarrativeChapter[];
  /** Set when the prior year's figures are reconstructed: where they come from. */
  baselineNote?: string;
  /** What the text leaves out or says without a reason, in Chinese, for the person to complete. */
  gaps: string[];
  /** Where figures come from when not from the lines (e.g. 绩效目标 counts as entered), for the screen. */
  notes: string[];
}
