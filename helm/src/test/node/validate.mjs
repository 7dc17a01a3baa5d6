// Validates every object `helm template` rendered against the Kubernetes schemas (kubernetes-models,
// offline) and writes them as one JSON array for the Java test's own assertions.
// Usage: node validate.mjs <rendered.yaml> <objects.json>
import { readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [input, output] = process.argv.slice(2);
const documents = parseAllDocuments(readFileSync(input, "utf8"));
const objects = [];
const problems = [];

for (const document of documents) {
  if (document.errors.length > 0) {
    problems.push(`YAML error: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) {
    continue;
  }
  const name = `${object.kind}/${object.metadata?.name}`;
  const apiVersion = object.apiVersion ?? "";
  // kubernetes-models/<group>/<version>/<Kind>; the core group is kubernetes-models/v1/<Kind>.
  const module = `kubernetes-models/${apiVersion}/${object.kind}`;
  let Model;
  try {
    Model = (await import(module))[object.kind];
  } catch (e) {
    problems.push(`${name}: no schema for ${apiVersion} ${object.kind} (${e.code ?? e.message})`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    const details = (e.errors ?? []).map((d) => `${d.instancePath || "/"} ${d.message}`).join("; ");
    problems.push(`${name}: ${details || e.message}`);
  }
  objects.push(object);
}

writeFileSync(output, JSON.stringify(objects, null, 1));
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${objects.length} objects valid`);
