"""Tables and repositories of the alerts database."""
