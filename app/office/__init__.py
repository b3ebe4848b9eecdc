"""The office's side of sync: the server's security DDL, registering laptops and their package keys
(``server``), and USB packages at the office (``packages``).

Run by the office's administrator (the command line's ``server`` and ``package --url`` commands);
no laptop module imports it (an import-linter contract in pyproject.toml keeps it so).
"""
