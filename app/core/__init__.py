"""Shared vocabulary and helpers every domain uses: errors, Japanese text, dates, phones, plain views, Excel/PDF basics."""
