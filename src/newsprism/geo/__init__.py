"""Places on the map: the GeoNames gazetteer, resolving place mentions, comparing places."""

from .relate import relate_places

__all__ = ["relate_places"]
