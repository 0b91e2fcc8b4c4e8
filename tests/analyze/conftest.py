from __future__ import annotations

from typing import Any

import pytest

from newsprism.analyze.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_nlp()
