"""Checking: the stored claims in, conflicts and the believed series out.

`settle` runs the rules (disagreement, decrease, flow above stock, magnitude, implausible,
jump) over each series a change marked dirty and stores its conflicts and consensus series
through `db`; `refresh` does it for every series; `series_points` computes one series'
consensus per date, reviewer decisions first.
"""

from etl.check.consistency import refresh, settle
from etl.check.series import SERIES_COLUMNS, series_points
from etl.check.series_export import iter_series

__all__ = ["SERIES_COLUMNS", "iter_series", "refresh", "series_points", "settle"]
