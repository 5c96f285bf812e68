"""Dash pages, one folder each: `page.py` (registration, callbacks), `layout.py`, `data.py`,
`actions.py`. Dash imports the `page.py` files when the app is created."""
