"""Quality measurements on annotated gold data."""
