"""Three-way merge by uid, and a colleague's save merged on Save."""
