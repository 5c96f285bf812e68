"""Dash pages, registered with `dash.register_page` when the app is created."""
