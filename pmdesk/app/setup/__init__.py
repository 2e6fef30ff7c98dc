"""Setting up a product: project properties, a new project's first choices, and
the plan (releases, lanes, milestones) with the forms that edit one of them."""
