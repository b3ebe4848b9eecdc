"""Step II: the watch network (watchers and watch links) and the watch-network record form in Excel."""
