"""JSON Schema for authors' editors, generated from the models (never written by hand)."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Chapter, Dialogue

SCHEMAS: dict[str, type[BaseModel]] = {"chapter": Chapter, "dialogue": Dialogue}


def schema_text(name: str) -> str:
    model = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path) -> list[Path]:
    out = []
    folder = root / "levels" / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        out.append(path)
    return out
