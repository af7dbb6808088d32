"""The JSON Schema every agreement file must satisfy, shipped beside this module."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

SCHEMA_FILE = "agreement.schema.json"


@cache
def _schema_text() -> str:
    return (resources.files("ceasefire.agreements") / SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The agreement JSON Schema (a fresh copy: callers may change it freely)."""
    loaded: dict[str, Any] = json.loads(_schema_text())
    return copy.deepcopy(loaded)


@cache
def _validator() -> jsonschema.protocols.Validator:
    loaded = json.loads(_schema_text())
    cls = jsonschema.validators.validator_for(loaded)
    cls.check_schema(loaded)
    validator: jsonschema.protocols.Validator = cls(loaded)
    return validator


def schema_errors(value: Any) -> Iterator[jsonschema.ValidationError]:
    """Every violation, most specific first where a value fails several alternatives."""
    for error in _validator().iter_errors(value):
        yield _most_specific(error)


def _most_specific(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    # oneOf/anyOf failures carry the reasons of each branch; the deepest one usually names the real mistake
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(error.context, key=lambda e: len(e.absolute_path))
        if len(deepest.absolute_path) > len(error.absolute_path):
            return _most_specific(deepest)
    return error
