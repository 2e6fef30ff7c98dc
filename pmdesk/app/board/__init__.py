"""The MoSCoW board per release: cards by priority, dragged to set priority and release."""
