/** What a failed read or write of a file means, and what to do, by the system's error code (undefined: not a file problem). */
export function fileProblem(code: string | undefined): string | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return '没有写入权限，或文件正被其他程序（如 Excel）打开。请关闭该文件或换一个位置后重试';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足。请清理磁盘或换一个位置（如另一个盘）后重试';
    case 'EROFS':
      return '该位置是只读的（如光盘或只读的网络盘）。请换一个位置后重试';
    case 'EISDIR':
    case 'ENOTDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return '该路径是一个文件夹，或路径中有同名的文件。请给出文件（而不是文件夹）的名称';
    case 'ENOENT':
      return '文件或文件夹不存在。请检查名称和位置';
    case 'EMFILE':
    case 'ENFILE':
    case 'ENOMEM':
      return '系统资源不足。请关闭一些程序后重试';
    case 'ENAMETOOLONG':
      return '文件名或路径太长。请换一个短一些的文件名或位置';
    case 'EIO':
      return '读写出错（例如 U 盘被拔出或网络断开）。请检查后重试';
    default:
      return undefined;
  }
}
