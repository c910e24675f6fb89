"""Durable queues of deliveries: sqlite (embedded default) and redis (scale-out)."""
