import assert from "node:assert/strict";
import { emptyMapping, makePartnership, proposeMapping } from "../../../src/postlist/index";
import { mappingKey, recallMapping, rememberMapping, storedMapping } from "../../../src/excel/mappingStore";

const authorities = makePartnership(
  [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
  ],
  { year: "2019/20" },
).authorities;

const HEADERS = ["Job title", "Employer", "Shared", "Split", "Annual salary", "Hours fraction", "Shared from", "Notes"];

/** Office.context.document.settings as a workbook keeps them: JSON values, saved on saveAsync. */
function installSettings(fail = false) {
  const store = new Map<string, string>();
  const saved: string[] = [];
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (k: string) => (store.has(k) ? JSON.parse(store.get(k)!) : null),
          set: (k: string, v: unknown) => store.set(k, JSON.stringify(v)),
          saveAsync: (cb: (r: unknown) => void) => {
            saved.push(...store.keys());
            setTimeout(() => cb(fail ? { status: "failed", error: { message: "the document is read-only" } } : { status: "succeeded" }), 0);
          },
        },
      },
    },
  };
  return { store, saved };
}

describe("excel/mappingStore: the column mapping remembered in the workbook", () => {
  afterEach(() => delete (globalThis as Record<string, unknown>).Office);

  it("keys a mapping by the list's headers, ignoring case, spaces and punctuation", () => {
    assert.equal(mappingKey(HEADERS), mappingKey(HEADERS.map((h) => ` ${h.toUpperCase()}.`)));
    assert.notEqual(mappingKey(HEADERS), mappingKey([...HEADERS.slice(0, -1), "Comments"]));
    assert.match(mappingKey(HEADERS), /^JW\.mapping\.[0-9a-f]{8}$/);
  });

  it("remembers a mapping set by hand, saves the settings and gives it back for the same headers only", async () => {
    const { saved } = installSettings();
    const mapping = proposeMapping(HEADERS, authorities).mapping;
    mapping.fields.status = 7; // Notes, mapped by hand
    assert.equal(recallMapping(HEADERS, authorities), null);
    await rememberMapping(HEADERS, mapping);
    assert.deepEqual(saved, [mappingKey(HEADERS)]);
    assert.deepEqual(recallMapping(HEADERS.map((h) => h.toLowerCase()), authorities), mapping);
    assert.equal(recallMapping([...HEADERS, "Extra"], authorities), null);
  });

  it("ignores a remembered mapping that no longer fits (tampered, or a column the partnership lacks)", async () => {
    const { store } = installSettings();
    const key = mappingKey(HEADERS);
    store.set(key, JSON.stringify({ v: 1, headers: HEADERS.map((h) => h.toLowerCase().replace(/\s/g, "")), mapping: { fields: { post: "0" }, shares: {}, baselines: {} } }));
    assert.equal(recallMapping(HEADERS, authorities), null);
    const incomplete = emptyMapping();
    incomplete.fields.post = 0;
    await rememberMapping(HEADERS, incomplete);
    assert.equal(recallMapping(HEADERS, authorities), null, "a mapping without the required fields is not used");
    const shares = proposeMapping(HEADERS, authorities).mapping;
    shares.shares.SNC = 7;
    await rememberMapping(HEADERS, shares);
    assert.equal(recallMapping(HEADERS, authorities), null, "a share column for an authority not in the partnership");
    assert.equal(storedMapping("not an object", HEADERS), null);
  });

  it("reports a failed save with Office's reason", async () => {
    installSettings(true);
    await assert.rejects(rememberMapping(HEADERS, proposeMapping(HEADERS, authorities).mapping), /could not be saved in the workbook: the document is read-only/);
  });

  it("does nothing outside Office", async () => {
    assert.equal(recallMapping(HEADERS, authorities), null);
    await rememberMapping(HEADERS, emptyMapping());
  });
});
