"""Domain operations the UI and the command line call; each takes a Session (one per user action)."""
