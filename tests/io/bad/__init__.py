"""The bad-input catalogue: one tiny broken area per case, with the expected reason and location."""
