"""Read documents, extract dated claims, and check them for consistency."""
