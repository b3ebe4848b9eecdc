"""Consent, the one masking module, the audit log, backups and the idle lock."""
