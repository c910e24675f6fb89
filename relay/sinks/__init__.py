"""Receivers: one file per kind; each only formats and sends."""
