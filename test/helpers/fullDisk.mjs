// Loaded with `node --import` into a real `budget` run: every temporary file (*.tmp) the run writes
// fails with ENOSPC after its first 4 KB, as on a full disk.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.createWriteStream;
fs.createWriteStream = function (path, options) {
  const stream = original.call(this, path, options);
  if (!String(path).endsWith('.tmp')) return stream;
  const write = stream._write.bind(stream);
  let written = 0;
  stream._write = (chunk, encoding, callback) => {
    written += chunk.length;
    if (written <= 4096) return write(chunk, encoding, callback);
    callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
  };
  stream._writev = undefined;
  return stream;
};
syncBuiltinESMExports();
