"""The safety check (安否確認): incidents, their append-only events, the roll call, its papers (issue 16)."""
