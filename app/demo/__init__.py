"""The fictional demo town: seeding only (the ledger kind marker too). Nothing else imports it."""
