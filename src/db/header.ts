// Reads who a database file belongs to from its bytes alone — page 1 of the main file, or the
// newest committed copy of page 1 in its -wal — with plain read-only fs calls. Never opens SQLite.
import fs from 'node:fs';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;
/** The 100-byte database header plus the first bytes of sqlite_schema's b-tree page header. */
const PAGE1_PREFIX = 108;

/** What page 1 says about a database. */
export interface Page1 {
  applicationId: number;
  userVersion: number;
  /** sqlite_schema has no entries: no table, index, view or trigger. */
  schemaEmpty: boolean;
}

export type FileHeader =
  /** No file, or 0 bytes with no committed page 1 in a -wal. */
  | { kind: 'blank'; exists: boolean; hotJournal: boolean }
  /** Something that is not an SQLite database (or a page 1 we cannot make sense of). */
  | { kind: 'not-sqlite'; hotJournal: boolean }
  /**
   * Page 1 read from the main file, from its -wal, or from a -wal beside a missing or 0-byte main
   * file ('wal-only': SQLite deletes such a -wal on a read-write open, and reads the file as empty).
   */
  | ({ kind: 'sqlite'; from: 'file' | 'wal' | 'wal-only'; hotJournal: boolean } & Page1);

/** Parse the start of page 1 (at least 108 bytes); null when it is not an SQLite page 1. */
export function parsePage1(page: Buffer): Page1 | null {
  if (page.length < PAGE1_PREFIX || page.toString('latin1', 0, 16) !== SQLITE_MAGIC) return null;
  const type = page[100];
  let schemaEmpty: boolean;
  if (type === 0x0d) schemaEmpty = page.readUInt16BE(103) === 0; // a leaf: its cell count
  else if (type === 0x05) schemaEmpty = false; // an interior page: many entries
  else return null;
  return { applicationId: page.readUInt32BE(68), userVersion: page.readUInt32BE(60), schemaEmpty };
}

const HOST_BIG_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 0;

/** SQLite's WAL checksum: two running 32-bit sums over `data` read as pairs of words. */
export function walChecksum(data: Buffer, bigEndian: boolean, s0 = 0, s1 = 0): [number, number] {
  if (bigEndian === HOST_BIG_ENDIAN && data.byteOffset % 4 === 0) {
    // The common case (a little-endian log on a little-endian machine): read words in place, 5x faster.
    const words = new Uint32Array(data.buffer, data.byteOffset, (data.length >> 3) * 2);
    // words.length is even, so both reads are in bounds: `?? 0` never happens, and is cheaper than a check.
    for (let i = 0; i < words.length; i += 2) {
      s0 = (s0 + (words[i] ?? 0) + s1) >>> 0;
      s1 = (s1 + (words[i + 1] ?? 0) + s0) >>> 0;
    }
    return [s0, s1];
  }
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * The newest copy of page 1 that a reader of the -wal would see: the last one written at or before
 * the last valid commit frame. Frames stop counting at the first one with other salts or a bad
 * checksum, as in SQLite's recovery. `read(buf, position)` fills buf and returns the bytes read.
 */
export function newestWalPage1(read: (buf: Buffer, position: number) => number): Buffer | null {
  const header = Buffer.alloc(WAL_HEADER);
  if (read(header, 0) < WAL_HEADER) return null;
  const magic = header.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return null;
  const bigEndian = magic === WAL_MAGIC_BE;
  const pageSize = header.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  let [s0, s1] = walChecksum(header.subarray(0, 24), bigEndian);
  if (s0 !== header.readUInt32BE(24) || s1 !== header.readUInt32BE(28)) return null;
  const salt1 = header.readUInt32BE(16);
  const salt2 = header.readUInt32BE(20);

  const frame = Buffer.alloc(FRAME_HEADER + pageSize);
  let pending: Buffer | null = null; // page 1 written since the last commit
  let committed: Buffer | null = null;
  for (let at = WAL_HEADER; read(frame, at) === frame.length; at += frame.length) {
    if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
    [s0, s1] = walChecksum(frame.subarray(0, 8), bigEndian, s0, s1);
    [s0, s1] = walChecksum(frame.subarray(FRAME_HEADER), bigEndian, s0, s1);
    if (s0 !== frame.readUInt32BE(16) || s1 !== frame.readUInt32BE(20)) break;
    if (frame.readUInt32BE(0) === 1) pending = Buffer.from(frame.subarray(FRAME_HEADER, FRAME_HEADER + PAGE1_PREFIX));
    if (frame.readUInt32BE(4) !== 0) {
      if (pending) committed = pending;
      pending = null;
    }
  }
  return committed;
}

function withFile<T>(file: string, fn: (read: (buf: Buffer, position: number) => number, size: number) => T): T | null {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO where a file should be must not hang crm waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const size = fs.fstatSync(fd).size;
    return fn((buf, position) => {
      let n = 0;
      while (n < buf.length) {
        const got = fs.readSync(fd, buf, n, buf.length - n, position + n);
        if (got === 0) break;
        n += got;
      }
      return n;
    }, size);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rollback journal SQLite would replay on open: non-empty, its header not zeroed (as SQLite checks). */
function isHotJournal(file: string): boolean {
  return (
    withFile(`${file}-journal`, (read, size) => {
      if (size === 0) return false;
      const first = Buffer.alloc(1);
      return read(first, 0) === 1 && first[0] !== 0;
    }) ?? false
  );
}

/** Read whose `file` is from its bytes and those of its -wal and -journal, without changing any. */
export function readFileHeader(file: string): FileHeader {
  const hotJournal = isHotJournal(file);
  const main = withFile(file, (read, size) => {
    const prefix = Buffer.alloc(PAGE1_PREFIX);
    return { size, prefix: prefix.subarray(0, read(prefix, 0)) };
  });
  const fromWal = withFile(`${file}-wal`, (read, size) => (size > 0 ? newestWalPage1(read) : null));
  if (fromWal) {
    const page1 = parsePage1(fromWal);
    const from = !main || main.size === 0 ? 'wal-only' : 'wal';
    return page1 ? { kind: 'sqlite', from, hotJournal, ...page1 } : { kind: 'not-sqlite', hotJournal };
  }
  if (!main || main.size === 0) return { kind: 'blank', exists: main !== null, hotJournal };
  const page1 = parsePage1(main.prefix);
  return page1 ? { kind: 'sqlite', from: 'file', hotJournal, ...page1 } : { kind: 'not-sqlite', hotJournal };
}
