/**
 * Zip archives built byte by byte, for tests of the .xlsx guards: entries whose declared sizes
 * can differ from what they really inflate to (a zip bomb's shape), without writing any file.
 */
import zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  /** Deflated (raw) bytes, or stored bytes when `stored`. */
  data: Uint8Array;
  crc32: number;
  /** The unpacked size the headers declare. */
  declaredSize: number;
  stored?: boolean;
}

/** An entry deflated from `content`, declaring its true size unless told otherwise. */
export function deflatedEntry(name: string, content: Uint8Array, declaredSize = content.length): ZipEntry {
  return { name, data: zlib.deflateRawSync(content, { level: 9 }), crc32: zlib.crc32(content), declaredSize };
}

/** A zip archive of the entries (local headers, data, central directory, end record). */
export function zipBytes(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0, 8);
    dir.writeUInt16LE(e.stored ? 0 : 8, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(e.crc32 >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declaredSize >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}
