"""Analysis windows: a Kano survey's result (kano_window.py), its table
(kano_table.py) and Better–Worse picture (kano_scatter.py)."""
