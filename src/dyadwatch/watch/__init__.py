"""Watching sources as the news comes in: feeds, sitemaps, folders and growing JSONL files, polled,
coded incrementally, with alerts on a dyad (``dyadwatch watch``)."""
