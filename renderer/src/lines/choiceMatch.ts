import { CHOICE_INITIALS } from '../../../shared/core/choiceInitials';

function initialsOf(option: string): string {
  return (CHOICE_INITIALS as Readonly<Record<string, string>>)[option] ?? '';
}

/**
 * The choices a typed text can mean, best first: the choice itself, those starting with it, those
 * whose pinyin initials start with it (`xm` 项目支出), then those containing it. An empty text offers
 * every choice.
 */
export function matchChoices(options: readonly string[], typed: string): string[] {
  const q = typed.trim();
  const shown = options.filter((o) => o !== '');
  if (q === '') return shown;
  const lower = q.toLowerCase();
  const ranked: string[][] = [[], [], [], []];
  for (const o of shown) {
    if (o === q) ranked[0].push(o);
    else if (o.startsWith(q)) ranked[1].push(o);
    else if (/^[a-z]+$/.test(lower) && initialsOf(o).startsWith(lower)) ranked[2].push(o);
    else if (o.includes(q)) ranked[3].push(o);
  }
  return ranked.flat();
}
