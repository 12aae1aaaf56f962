import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { exportPublication } from '../excel/writeWorkbook';
import { UserError } from '../io/userError';
import { WorkbookFile } from '../workbook/file';
import { startWebHost, type WebHost } from './server';
import { excelFileName } from '../electron/fileNames';

export const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

export interface LaunchOptions {
  /** The .budget file to open, or to create from the sample when `sample` is set. */
  path: string;
  sample?: boolean;
  port?: number;
  rendererDir?: string;
}

/** Opens (or creates from the sample) one workbook file and serves it to the browser. */
export async function launchWebHost(options: LaunchOptions): Promise<{ host: WebHost; file: WorkbookFile; close(): Promise<void> }> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) throw new UserError(`找不到界面文件 ${join(rendererDir, 'index.html')}：请先运行 npm run build:renderer`);
  const file = options.sample ? WorkbookFile.create(options.path, sampleWorkbook()) : WorkbookFile.open(options.path);
  try {
    const host = await startWebHost({
      file,
      rendererDir,
      port: options.port,
      exportTo: (outPath, request) => exportPublication(file.workbook(), outPath, { unit: request.unit }),
      downloadName: (request) => excelFileName(file.workbook(), request.unit),
    });
    return {
      host,
      file,
      async close() {
        await host.close();
        file.close();
      },
    };
  } catch (e) {
    file.close();
    throw e;
  }
}
