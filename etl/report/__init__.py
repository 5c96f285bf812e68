"""What the product tells a reader, from the believed series and the open conflicts.

`words` puts figures, periods, conflict kinds and document names into plain words; `kpis`
compares each headline metric's latest believed figure with the one about a year earlier;
`svg` draws small charts that need no script; `briefing` writes the one-page management
briefing (HTML, printable, self-contained).
"""
