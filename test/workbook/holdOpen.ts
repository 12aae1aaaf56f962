// Run by openSafely.test.ts: holds a workbook file open, as another window or program would,
// until its standard input closes.
import { WorkbookFile } from '../../main/workbook/file';

const file = WorkbookFile.open(process.argv[2]);
process.stdout.write('open\n');
process.stdin.resume();
process.stdin.on('end', () => {
  file.close();
  process.exit(0);
});
