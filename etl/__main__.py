"""Entry point for `python -m etl`."""

import gc

# No cyclic garbage collection while the command's modules load (cli.loaded turns it on): the
# imports make some hundred thousand objects and no garbage, and each collection on the way
# would walk all of them again.
gc.disable()

from etl.cli import leave, main  # noqa: E402

leave(main())
