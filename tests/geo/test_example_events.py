"""The demo story's events on the map: what an analyst loading the export would check."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def test_the_operation_is_placed_in_its_province_with_coordinates(seeds_report: Any) -> None:
    # the reports place the operation in one Syrian province ("Rif Dimashq Province")
    # while also naming the capital as a party ("cooperation with Damascus")
    events = [e for s in seeds_report.stories for e in s.events]
    operation = events[0]
    assert operation.country == "Syria"
    assert operation.admin1 is not None and "Dimashq" in operation.admin1
    assert operation.geo_precision == 3  # a province, no town
    assert operation.latitude is not None and operation.longitude is not None
    assert 32.3 < operation.latitude < 34.5 and 35.5 < operation.longitude < 37.5


def test_place_entities_carry_their_gazetteer_feature(seeds_report: Any) -> None:
    places = {
        e.name: e.geo
        for s in seeds_report.stories
        for e in s.entities
        if e.type == "GPE" and e.geo is not None
    }
    assert places["Syria"].feature_code == "PCLI" and places["Syria"].country_code == "SY"
    assert places["Damascus"].country_code == "SY" and places["Damascus"].feature_class == "P"
