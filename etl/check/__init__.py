"""Checking: the stored claims in, conflicts and the believed series out.

`refresh` runs the rules (disagreement, decrease, flow above stock, magnitude, implausible,
jump) over every series and stores their conflicts through `db`; `series_points` gives the
consensus per entity, metric and date, reviewer decisions first.
"""

from etl.check.consistency import refresh
from etl.check.series import SERIES_COLUMNS, iter_series, series_points

__all__ = ["SERIES_COLUMNS", "iter_series", "refresh", "series_points"]
