"""Cells that are safe to open in a spreadsheet program.

Spreadsheets run a cell that starts like a formula (CSV injection); signers,
applicants and editors type what they like. Every CSV or XLSX the site writes
passes its text through `safe_cell`.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text for a spreadsheet cell: None is empty, and a formula start is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
