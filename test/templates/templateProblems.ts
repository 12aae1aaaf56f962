import { expect } from 'vitest';
import type { Template } from '../../shared/core/templates/types';
import { TemplateError, validateTemplate } from '../../shared/core/templates/validate';

/** A template as a JSON file would give it, changed by `edit`. */
export function editedTemplate(template: Template, edit: (t: any) => void): unknown {
  const t = JSON.parse(JSON.stringify(template));
  edit(t);
  return t;
}

/** What the validator says of a template it refuses (fails the test when it accepts it). */
export function templateProblems(raw: unknown): string[] {
  try {
    validateTemplate(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as TemplateError).problems;
  }
  throw new Error('the template was accepted');
}
