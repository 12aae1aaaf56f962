import { basename } from 'node:path';
import { CATALOG_LABELS, type CatalogKind } from '../../../shared/core/catalog/catalog';
import { importCatalogFile } from '../../excel/importFiles';
import { UserError } from '../../io/userError';
import { WorkbookFile } from '../../workbook/file';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { parseYear } from '../workbookInput';

const usage = `用法：budget import-catalog <工作簿.budget> <科目表.csv | 科目表.xlsx> --kind 功能分类|经济分类 --edition YYYY
导入财政部当年的正式科目表（两列：科目编码,科目名称；或 code,name），并在该工作簿中取代内置的同类科目表。
每一行都先核对（编码格式、名称、重复、上级科目是否齐全）；有任何问题则不导入。导入是一步操作，可撤销。`;

const KINDS = new Map<string, CatalogKind>(Object.entries(CATALOG_LABELS).map(([kind, label]) => [label, kind as CatalogKind]));

export const importCatalog: Command = {
  summary: '导入正式科目表（功能分类或经济分类）并在工作簿中使用',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { kind: { type: 'string' }, edition: { type: 'string' } }, usage);
    if (positionals.length !== 2) throw new UserError(`需要两个参数：工作簿文件和科目表文件\n\n${usage}`);
    const kind = KINDS.get(values.kind ?? '');
    if (!kind) throw new UserError(`--kind 应为“功能分类”或“经济分类”\n\n${usage}`);
    if (!values.edition) throw new UserError(`请用 --edition 写明科目表的年度，如 --edition 2025\n\n${usage}`);
    const edition = parseYear(values.edition, '--edition');
    const [workbookPath, catalogPath] = positionals;
    const file = WorkbookFile.open(workbookPath);
    try {
      const { rows, result } = await importCatalogFile(file, catalogPath, kind, edition);
      process.stdout.write(`已导入 ${edition} 年${CATALOG_LABELS[kind]}科目表（${rows} 个科目）到 ${basename(workbookPath)}，取代内置科目表（修订 ${result.revision}，可撤销）\n`);
      return 0;
    } finally {
      file.close();
    }
  },
};
