"""Helpers the test suites share: throwaway databases, started services, signed tokens."""
