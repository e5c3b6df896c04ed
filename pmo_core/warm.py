"""Imported by the sandbox's fork server only: it loads the importer and fills its caches once, so every
child that reads an upload starts with them instead of rebuilding them."""

import gc

from pmo_core.importer import warm_caches

warm_caches()

# Keep the garbage collector off the fork server's objects, so that children do not copy their pages.
gc.freeze()
