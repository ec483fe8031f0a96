/**
 * The shared samples (../shared/samples) as grids, and the OCC/CDC 2019/20 partnership they are
 * costed for: one definition for every test and benchmark.
 */
import fs from "node:fs";
import path from "node:path";
import { type Grid, type Partnership, decodeText, makePartnership, readDelimitedText } from "../../src/postlist/index";

export const SAMPLES_DIR = path.resolve(__dirname, "../../../shared/samples");

/** A sample file read as the importer reads a CSV. */
export function sample(name: string): Grid {
  return readDelimitedText(decodeText(fs.readFileSync(path.join(SAMPLES_DIR, name))));
}

export const OCC_CDC: Partnership = makePartnership(
  [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
  ],
  { year: "2019/20" },
);
