"""Terminal rendering with rich. Only the CLI imports this package."""
