import { afterEach } from 'vitest';
import { takePageErrors } from './browser';

/** A test during which the page threw or left a promise rejected fails, whatever it asserted. */
afterEach(() => {
  const errors = takePageErrors();
  if (errors.length > 0) throw new Error(`页面在测试中出错（${errors.length} 处）：\n${errors.join('\n\n')}`);
});
