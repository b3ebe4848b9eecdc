"""Step III: emergency contact cards, agencies, the cards' PDF and the town's emergency contact sheet."""
