import type { Narrative } from './model';

/** The narrative as plain text: titles and paragraphs separated by blank lines, list items on consecutive lines. */
export function renderNarrativeText(n: Narrative): string {
  const blocks: string[] = [];
  for (const chapter of n.chapters) {
    blocks.push(chapter.title);
    for (const section of chapter.sections) {
      if (section.title) blocks.push(section.title);
      section.paragraphs.forEach((p, i) => {
        if (p.listItem && section.paragraphs[i - 1]?.listItem) blocks[blocks.length - 1] += `\n${p.text}`;
        else blocks.push(p.text);
      });
    }
  }
  return blocks.join('\n\n') + '\n';
}
