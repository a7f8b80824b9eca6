"""Measured figures for `make bench`: printed, never asserted."""
