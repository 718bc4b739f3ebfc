"""Classification and redaction of patient messages."""
