"""Everything Qt: the main window, panes and Qt models over the core."""
