// Checks FollowTheMoney entities, one JSON object a line (veto export
// --format ftm, or yente responses saved one entity a line), against the
// official FtM model of @alephdata/followthemoney:
//
//   - the schema exists and is not abstract;
//   - every property exists on the schema, and the model builds the
//     entity without throwing;
//   - the schema's required properties have a value;
//   - every value is valid for its property's type: enumerated types
//     (country, language, topic, gender) by the model's own value lists,
//     dates as ISO 8601 prefixes, entity references resolving to an
//     entity of the export (or nested in place, as yente nests them) of
//     the property's range, and email, url, phone, number, iban, ip,
//     checksum and the string types by the rules FtM cleans them with;
//     no value longer than its type's maximum length.
//
// It prints the number of failures of each kind, a few examples of each,
// and exits 1 on any failure (2 on a usage or read error).
//
//   node validate.mjs export.ftm.json

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import ftm from "@alephdata/followthemoney";

const { Model, defaultModel } = ftm;
const model = new Model(defaultModel);
const maxExamples = 3;

const failures = new Map(); // kind -> {count, examples}

function fail(kind, entity, detail) {
  let f = failures.get(kind);
  if (!f) {
    f = { count: 0, examples: [] };
    failures.set(kind, f);
  }
  f.count++;
  if (f.examples.length < maxExamples) {
    f.examples.push(`${entity.schema} ${entity.id}: ${detail}`);
  }
}

const dateRE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$/;

function validDate(v) {
  const m = dateRE.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (mo !== undefined && (mo < 1 || mo > 12)) return false;
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate())) return false;
  if (h !== undefined && h > 23) return false;
  if (mi !== undefined && mi > 59) return false;
  return s === undefined || s <= 59;
}

function validURL(v) {
  try {
    const u = new URL(v);
    return ["http:", "https:", "ftp:", "mailto:"].includes(u.protocol) && (u.protocol === "mailto:" || u.hostname !== "");
  } catch {
    return false;
  }
}

function validIBAN(v) {
  const s = v.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const digits = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const c of digits) r = (r * 10 + Number(c)) % 97;
  return r === 1;
}

// textValid are the rules for the free-text types: a non-blank value
// without control characters other than line breaks and tabs.
function textValid(v) {
  return v.trim() !== "" && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v);
}

const typeRules = {
  date: validDate,
  email: (v) => /^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(v),
  url: validURL,
  phone: (v) => /^\+?[0-9][0-9 ()./-]{4,}$/.test(v) && (v.match(/\d/g) || []).length >= 5,
  number: (v) => /^-?\d+(\.\d+)?$/.test(v.replace(/,/g, "")),
  iban: validIBAN,
  ip: (v) => /^(\d{1,3}\.){3}\d{1,3}$/.test(v) || /^[0-9a-f:]+$/i.test(v),
  checksum: (v) => /^[0-9a-f]{40}$/.test(v),
  mimetype: (v) => /^[a-z]+\/[a-z0-9.+-]+$/.test(v),
  json: (v) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  },
};

// check validates one entity; refs holds the IDs of the export's entities
// and their schemata, to check that references resolve.
function check(raw, refs, nested) {
  if (typeof raw !== "object" || raw === null || typeof raw.id !== "string" || raw.id === "") {
    fail("entity-without-id", { schema: raw?.schema, id: "?" }, JSON.stringify(raw).slice(0, 80));
    return;
  }
  const schema = model.schemata[raw.schema];
  if (!schema) {
    fail("unknown-schema", raw, raw.schema);
    return;
  }
  if (schema.abstract) {
    fail("abstract-schema", raw, raw.schema);
    return;
  }
  const props = schema.getProperties();
  const properties = raw.properties || {};
  const flat = { id: raw.id, schema: raw.schema, properties: {} };
  for (const [name, values] of Object.entries(properties)) {
    const prop = props.get(name);
    if (!prop) {
      fail("unknown-property", raw, `${raw.schema}.${name}`);
      continue;
    }
    if (!Array.isArray(values)) {
      fail("values-not-a-list", raw, name);
      continue;
    }
    const type = prop.type;
    flat.properties[name] = [];
    for (const v of values) {
      if (type.isEntity && typeof v === "object" && v !== null) {
        // yente nests referenced entities in place.
        check(v, refs, true);
        checkRange(raw, prop, v.schema, v.id);
        flat.properties[name].push(v.id);
        continue;
      }
      if (typeof v !== "string") {
        fail("value-not-a-string", raw, `${name}: ${JSON.stringify(v)}`);
        continue;
      }
      flat.properties[name].push(v);
      if (v.length > type.maxLength) {
        fail(`too-long:${type.name}`, raw, `${name}: ${v.length} characters, at most ${type.maxLength}`);
      }
      if (type.isEntity) {
        const target = refs.get(v);
        if (target === undefined) {
          // A nested entity may point back at its root or at entities
          // beyond the hop yente expands, which are not in the response.
          if (!nested) fail("dangling-reference", raw, `${name}: ${JSON.stringify(v)}`);
        } else {
          checkRange(raw, prop, target, v);
        }
      } else if (type.values.size > 0) {
        if (!type.values.has(v)) fail(`invalid-${type.name}`, raw, `${name}: ${JSON.stringify(v)}`);
      } else if (typeRules[type.name]) {
        if (!typeRules[type.name](v)) fail(`invalid-${type.name}`, raw, `${name}: ${JSON.stringify(v)}`);
      } else if (!textValid(v)) {
        fail(`invalid-${type.name}`, raw, `${name}: ${JSON.stringify(v)}`);
      }
    }
  }
  for (const req of schema.required || []) {
    if (!(properties[req] || []).length) fail("missing-required", raw, `${raw.schema}.${req}`);
  }
  try {
    model.getEntity(flat);
  } catch (e) {
    fail("model-rejects", raw, e.message);
  }
}

function checkRange(raw, prop, targetSchema, targetID) {
  const range = prop.getRange();
  const target = model.schemata[targetSchema];
  if (!target || !target.schemata.includes(range.name)) {
    fail("reference-out-of-range", raw, `${prop.name} -> ${targetSchema} ${targetID}, want a ${range.name}`);
  }
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node validate.mjs ENTITIES.jsonl");
    process.exit(2);
  }
  const entities = [];
  const refs = new Map();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === "") continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch (err) {
      fail("not-json", { schema: "?", id: `line ${n}` }, err.message);
      continue;
    }
    if (refs.has(e.id)) fail("duplicate-id", e, "seen before");
    refs.set(e.id, e.schema);
    entities.push(e);
  }
  let bad = 0;
  for (const e of entities) {
    const before = total();
    check(e, refs, false);
    if (total() > before) bad++;
  }
  console.log(`${entities.length} entities, ${bad} invalid, ${total()} failures`);
  for (const [kind, f] of [...failures].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  ${kind}: ${f.count}`);
    for (const ex of f.examples) console.log(`      e.g. ${ex}`);
  }
  process.exit(total() > 0 ? 1 : 0);
}

function total() {
  let t = 0;
  for (const f of failures.values()) t += f.count;
  return t;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
