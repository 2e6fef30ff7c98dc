"""What changed: the change log, a requirement's history, baselines."""
