"""Claims (analysts): the server-side grid and the CSV of exactly what it shows."""
