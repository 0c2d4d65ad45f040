"""`mirps sheet`: a national team's workbook, out of the plans and back into them.

`export` writes a country's commitments, milestones and indicators as a workbook to fill in
(`sheet/export.py`, laid out by `sheet/layout.py`); `import` reads a filled one
(`sheet/read.py`, its cells by `sheet/cells.py`), checks every row at once and adds the
entries as `mirps update` adds one (`sheet/land.py`). The file itself is the spreadsheet
edge's, `xlsx.py`, the one importer of openpyxl.
"""
