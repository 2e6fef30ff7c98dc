"""The roadmap's layout in time units, and its time scale."""
