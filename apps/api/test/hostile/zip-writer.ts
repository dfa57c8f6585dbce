import { crc32, deflateRawSync } from 'node:zlib';

// A ZIP writer that does what a hostile archiver would: any entry name (../, absolute, drive
// letters, backslashes), symlink and encryption bits, sizes that lie, and several central
// directory records pointing at one local file (overlapping entries). Archivers refuse to write
// most of these, so the hostile-upload generator writes the bytes itself.

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Deflate the data (default) or store it. */
  deflate?: boolean;
  /** Unix mode in the high 16 bits of the external attributes (0o120777 makes a symlink). */
  unixMode?: number;
  /** Set the "encrypted" general-purpose bit without encrypting anything. */
  encrypted?: boolean;
  /** Declare this uncompressed size instead of the real one. */
  declaredSize?: number;
  /** Point this central record at the local file of an earlier entry (overlap). */
  sameDataAs?: number;
}

export function writeZip(entries: ZipEntrySpec[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: { offset: number; crc: number; csize: number; usize: number; method: number }[] =
    [];
  let offset = 0;
  for (const [index, entry] of entries.entries()) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x0800 | (entry.encrypted ? 0x0001 : 0);
    let record = entry.sameDataAs === undefined ? undefined : offsets[entry.sameDataAs];
    if (!record) {
      const method = entry.deflate === false ? 0 : 8;
      const body = method === 8 ? deflateRawSync(entry.data) : entry.data;
      const crc = crc32(entry.data);
      const usize = entry.declaredSize ?? entry.data.length;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(usize, 22);
      local.writeUInt16LE(name.length, 26);
      locals.push(local, name, body);
      record = { offset, crc, csize: body.length, usize, method };
      offset += local.length + name.length + body.length;
    }
    offsets[index] = record;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode bits count
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(record.method, 10);
    central.writeUInt32LE(record.crc, 16);
    central.writeUInt32LE(record.csize, 20);
    central.writeUInt32LE(entry.declaredSize ?? record.usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(record.offset, 42);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}
