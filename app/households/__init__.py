"""Step I: households, members and persons of concern, gathering places, search, and the roster import."""
