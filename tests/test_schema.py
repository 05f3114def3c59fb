"""The JSON Schema for editors is generated from the models, kept up to date, and accepts real content."""
from pathlib import Path

import jsonschema
import pytest

from game.content.schema import SCHEMAS, schema_text
from game.content.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_committed_schema_matches_the_models(name):
    committed = (ROOT / "levels" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), "run `python main.py schema` after changing game/content/models.py"


@pytest.mark.parametrize("folder, name", [("levels", "chapter"), ("dialogue", "dialogue")])
def test_schema_accepts_valid_content_and_rejects_a_typo(folder, name):
    import json

    validator = jsonschema.Draft202012Validator(json.loads(schema_text(name)))
    files = sorted((ROOT / folder).glob("*.yaml")) + sorted((MINI / folder).glob("*.yaml"))
    assert files
    for path in files:
        data, _, _ = load_yaml(path.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert errors == [], f"{path}: {errors[0].message if errors else ''}"
        data["unknown_field"] = 1
        assert list(validator.iter_errors(data)), "an unknown field must be flagged while typing"
