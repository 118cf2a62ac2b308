"""Modal dialogs: forms that validate in place, and confirmations."""
