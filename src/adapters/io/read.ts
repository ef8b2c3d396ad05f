/**
 * Reading data files from disk (Node). The bytes go to the pure parser
 * (adapters/formats/table.ts), the table to the pure panel builder
 * (core/panel/from-table.ts). A missing file is a XinzhiError that names the
 * path, the working directory and the closest file name nearby.
 */
import { isUtf8 } from 'node:buffer';
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { createInflateRaw } from 'node:zlib';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import type { Problem } from '../../core/errors.ts';
import type { Panel } from '../../core/panel/types.ts';
import { tableToPanel, type PanelOptions } from '../../core/panel/from-table.ts';
import { closestName } from '../../core/panel/problems.ts';
import { formatFromName, parseTable, type RawTable } from '../formats/table.ts';
import { csvScanner, nodeFindByte, readCsvBytes } from './csv-scan-thread.ts';
import { releaseTableGrid } from './release.ts';

/** Read a CSV / XLSX / JSON / Parquet file into a RawTable (name = basename of the path). */
export async function readTableFile(path: string, opts: { sheet?: string } = {}): Promise<RawTable> {
  if (extname(path).toLowerCase() === '.parquet') return (await import('./read-parquet.ts')).readParquetTable(path); // DuckDB loads only for Parquet
  const name = basename(path);
  const csv = formatFromName(name) === 'csv';
  let bytes: Uint8Array;
  let scanner: ReturnType<typeof csvScanner> | undefined;
  try {
    if (csv) {
      // the scan's second thread boots while the file is read
      bytes = await readCsvBytes(path, (size) => (scanner = csvScanner(size, path)));
      if (scanner) scanner.read = bytes; // the worker reads its half of the file itself
    } else {
      const buf = await readFile(path);
      bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength); // a view, not a copy
    }
  } catch (e) {
    scanner?.cancel();
    const err = e as NodeJS.ErrnoException;
    throw new XinzhiError(await fileProblem(path, err));
  }
  try {
    return await parseTable(bytes, name, {
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
      // checked as UTF-8 without decoding and searched with memchr; a large CSV scanned on two threads
      ...(scanner ? { scan: scanner.scan } : { inflateRaw: nodeInflateRaw }),
      isUtf8,
      findByte: nodeFindByte,
    });
  } finally {
    scanner?.cancel(); // a worker the scan did not use (its job done, it has ended already)
  }
}

/** A workbook part inflated by zlib on the thread pool, a megabyte at a time, while the scanner reads the pieces before. */
export async function* nodeInflateRaw(raw: Uint8Array): AsyncGenerator<Uint8Array> {
  const z = createInflateRaw({ chunkSize: 1 << 20 });
  z.end(raw);
  for await (const chunk of z) yield chunk as Uint8Array;
}

/**
 * Read a file and build the panel; problems are returned (not thrown) as
 * tableToPanel does. The table is read once (PanelOptions `readOnce`) and
 * its memory freed as soon as the panel is built (io/release.ts).
 */
export async function readPanelFile(
  path: string,
  opts: PanelOptions & { sheet?: string },
): Promise<{ panel: Panel; problems: Problem[] }> {
  const { sheet, ...panelOpts } = opts;
  const table = await readTableFile(path, sheet !== undefined ? { sheet } : {});
  const read = tableToPanel(table, { ...panelOpts, readOnce: true });
  await releaseTableGrid(table);
  return read;
}

export async function fileProblem(path: string, err: NodeJS.ErrnoException): Promise<Problem> {
  const file = basename(path);
  if (err.code === 'ENOENT') {
    let near: string | undefined;
    try {
      near = closestName(file, await readdir(dirname(resolve(path))));
    } catch {
      near = undefined;
    }
    return {
      code: 'file-not-found',
      severity: 'error',
      file: path,
      message: bi(
        `找不到文件 "${path}"（当前目录 ${process.cwd()}）。`,
        `File "${path}" not found (working directory ${process.cwd()}).`,
      ),
      fix:
        near !== undefined && near !== file
          ? bi(
              `是否指同一目录下的 "${near}"？检查路径和扩展名。`,
              `Did you mean "${near}" in the same folder? Check the path and extension.`,
            )
          : bi('检查路径拼写，或使用绝对路径。', 'Check the spelling of the path, or give an absolute path.'),
    };
  }
  if (err.code === 'EISDIR') {
    return {
      code: 'file-is-directory',
      severity: 'error',
      file: path,
      message: bi(`"${path}" 是目录，不是文件。`, `"${path}" is a directory, not a file.`),
      fix: bi('给出目录中的数据文件路径。', 'Give the path of a data file inside it.'),
    };
  }
  return {
    code: 'file-unreadable',
    severity: 'error',
    file: path,
    message: bi(`无法读取文件 "${path}"：${err.message}`, `Cannot read "${path}": ${err.message}`),
    fix: bi(
      '检查文件权限，或文件是否被其他程序占用。',
      'Check the file permissions, or whether another program holds it open.',
    ),
  };
}
