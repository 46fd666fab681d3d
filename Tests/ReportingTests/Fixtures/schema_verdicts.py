"""Writes schema-verdicts.json: what a real JSON Schema validator (Python's jsonschema, draft
2020-12) says of every experiment file the tests know, against the committed
experiments/schema.json. SchemaAgreementTests compares these verdicts with the reader's, so the
schema an editor uses refuses what `report` refuses and accepts what it accepts.

Run from the repository root after `swift run report --print-schema > experiments/schema.json`:

    python3 Tests/ReportingTests/Fixtures/schema_verdicts.py

Files are parsed as strictly as the reader parses them (and as editors flag them): UTF-8 only,
no repeated keys in an object, no NaN or Infinity literals.
"""
import glob
import hashlib
import json
import os

import jsonschema

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SCHEMA_PATH = os.path.join(ROOT, "experiments", "schema.json")
OUTPUT = os.path.join(os.path.dirname(__file__), "schema-verdicts.json")


def experiment_files():
    patterns = ["experiments/*.json", "Tests/ReportingTests/Corpus/*.json", "Tests/CLITests/Hostile/*.json",
                "Tests/ReportingTests/Fixtures/SchemaCases/*.json"]
    skipped = {"experiments/schema.json", "experiments/report.json", "Tests/CLITests/Hostile/expected.json"}
    files = []
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            relative = os.path.relpath(path, ROOT)
            if relative not in skipped:
                files.append(relative)
    return files


def strict_load(data):
    def pairs(items):
        keys = [key for key, _ in items]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError("repeated key %r" % repeated[0])
        return dict(items)

    def constant(name):
        raise ValueError("%s is not JSON" % name)

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_constant=constant)


def main():
    with open(SCHEMA_PATH, "rb") as handle:
        schema_bytes = handle.read()
    schema = json.loads(schema_bytes)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    verdicts = {}
    for relative in experiment_files():
        with open(os.path.join(ROOT, relative), "rb") as handle:
            data = handle.read()
        try:
            document = strict_load(data)
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            verdicts[relative] = {"valid": False, "problem": "not JSON: %s" % str(error).splitlines()[0][:160]}
            continue
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(part) for part in first.absolute_path)
            verdicts[relative] = {"valid": False, "problem": ("%s: %s" % (where, first.message))[:200]}
        else:
            verdicts[relative] = {"valid": True}
    output = {
        "schema_sha256": hashlib.sha256(schema_bytes).hexdigest(),
        "validator": "jsonschema %s, Draft202012Validator" % jsonschema.__version__ if hasattr(jsonschema, "__version__") else "jsonschema",
        "verdicts": verdicts,
    }
    with open(OUTPUT, "w") as handle:
        json.dump(output, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("%d files, %d valid" % (len(verdicts), sum(v["valid"] for v in verdicts.values())))


if __name__ == "__main__":
    main()
