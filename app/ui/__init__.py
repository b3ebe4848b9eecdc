"""PySide6 widgets: the main window with the three steps, panels, dialogs and undo commands."""
