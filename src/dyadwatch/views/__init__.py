"""What users read: ``export`` (JSONL and CSV of the contract), ``report`` (the HTML report),
``serve`` (the web view and its JSON API) and ``analysis`` (an analysis as JSON or a table)."""
