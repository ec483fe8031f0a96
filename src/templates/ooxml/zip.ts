/**
 * JSZip, loaded on demand. Its chunk is named like exceljs's so the task pane fetches both in the
 * one lazy chunk it already loads to write an .xlsx.
 */
import type JSZip from "jszip";

export type Zip = JSZip;

export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "jszip")) as unknown as { default?: typeof JSZip } & typeof JSZip;
  const JSZipClass = mod.default ?? mod;
  return JSZipClass.loadAsync(bytes);
}

export function zipBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
