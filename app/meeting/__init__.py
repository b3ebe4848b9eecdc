"""The yearly liaison meeting: agenda, reviews, due list, change report, overview and the section-4 self-check."""
