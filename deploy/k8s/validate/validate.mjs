// Validates the objects of one rendered kustomization (a multi-document YAML file) and prints them as JSON.
//
//   node validate.mjs rendered.yaml   ->  {"objects": [...], "errors": ["Deployment/bff: ..."]}, exit 0
//
// Each object is checked twice:
//   1. against its JSON schema from kubernetes-models (types, required fields, enums, formats); cert-manager
//      objects against @kubernetes-models/cert-manager (structure only: that package allows unknown fields);
//   2. for unknown fields (what `kubectl apply --validate=strict` refuses), by walking the object along the
//      attribute maps of @kubernetes/client-node's generated models. Only built-in kinds get this check.
// An object of a kind neither package knows is an error: nothing is let through unchecked.
// Exit 1 only when the script itself cannot run (no file, YAML that does not parse).
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

function schemaModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group.endsWith("cert-manager.io")) {
    return `@kubernetes-models/cert-manager/${group}/${version}/${kind}`;
  }
  return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

function isBuiltIn(apiVersion) {
  return !apiVersion.includes(".") || apiVersion.includes(".k8s.io/");
}

async function modelClass(typeName) {
  try {
    const module = await import(`@kubernetes/client-node/dist/gen/models/${typeName}.js`);
    return module[typeName];
  } catch (e) {
    return undefined;
  }
}

function topLevelModel(apiVersion, kind) {
  const version = apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
  return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

async function unknownFields(value, typeName, path, found) {
  if (value === null || value === undefined) {
    return;
  }
  const array = /^Array<(.+)>$/.exec(typeName);
  if (array) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        await unknownFields(value[i], array[1], `${path}[${i}]`, found);
      }
    }
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(typeName);
  if (map) {
    for (const [key, item] of Object.entries(value)) {
      await unknownFields(item, map[1], `${path}.${key}`, found);
    }
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    return;
  }
  const model = await modelClass(typeName);
  if (!model || typeof model.getAttributeTypeMap !== "function") {
    return; // a primitive, IntOrString, Quantity or free-form object
  }
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!attributes.has(key)) {
      found.push(`unknown field ${path}.${key}`);
    } else {
      await unknownFields(item, attributes.get(key), `${path}.${key}`, found);
    }
  }
}

async function check(object) {
  const { apiVersion, kind } = object;
  const errors = [];
  let Model;
  try {
    Model = (await import(schemaModule(apiVersion, kind)))[kind];
  } catch (e) {
    Model = undefined;
  }
  if (!Model) {
    return [`no schema for ${apiVersion} ${kind}`];
  }
  try {
    new Model(object).validate();
  } catch (e) {
    for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
      errors.push(`${error.instancePath || "/"} ${error.message}`);
    }
  }
  if (isBuiltIn(apiVersion)) {
    const typeName = topLevelModel(apiVersion, kind);
    if (!(await modelClass(typeName))) {
      errors.push(`no field list for ${apiVersion} ${kind} (${typeName})`);
    } else {
      await unknownFields(object, typeName, kind, errors);
    }
  }
  return errors;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs RENDERED.yaml");
  process.exit(1);
}
const documents = parseAllDocuments(readFileSync(file, "utf8"));
const objects = [];
for (const document of documents) {
  if (document.errors.length > 0) {
    console.error(`${file}: ${document.errors[0].message}`);
    process.exit(1);
  }
  const object = document.toJS();
  if (object?.kind === "Secret" && object.data) {
    // kustomize writes long base64 values as folded blocks; the API server's decoder skips the line breaks.
    for (const key of Object.keys(object.data)) {
      object.data[key] = String(object.data[key]).replace(/\s+/g, "");
    }
  }
  if (object !== null) {
    objects.push(object);
  }
}
const errors = [];
for (const object of objects) {
  for (const error of await check(object)) {
    errors.push(`${object.kind}/${object.metadata?.name}: ${error}`);
  }
}
process.stdout.write(JSON.stringify({ objects, errors }));
