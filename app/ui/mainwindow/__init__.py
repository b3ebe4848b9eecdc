"""The main window as a package of small parts (as Picard's ``picard/ui/mainwindow/``): the window composes,
``actions`` holds every action, and one controller per area does the work."""

from app.ui.mainwindow.labels import page_labels
from app.ui.mainwindow.window import MainWindow

__all__ = ["MainWindow", "page_labels"]
