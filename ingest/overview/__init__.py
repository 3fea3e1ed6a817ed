"""Agreement cards and the responsibility register, derived from parsed documents at ingest
time and stored with the index version (cards.json), so the app reads them without parsing.

derive.card_of(document) is the entry point; storage reads and writes cards.json.
"""
