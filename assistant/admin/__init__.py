"""The "Administrera" tab: login gate, corpus files, index rebuilds, Swedish wording."""
