"""Growth (management): a metric over time, its KPI cards and the believed series."""
