"""The pure rules of a transfer: its states and steps, its legal deadlines, its number and its signed records."""
