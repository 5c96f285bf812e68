"""Entry point for `python -m etl`."""

from etl.cli import leave, main

leave(main())
