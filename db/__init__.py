"""The only package that talks SQL: models, migrations and the functions the app calls."""
