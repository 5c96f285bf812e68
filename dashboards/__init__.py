"""The Dash dashboard: Growth, Claims, Conflicts and Sources pages, CSV exports, reviewer login."""
