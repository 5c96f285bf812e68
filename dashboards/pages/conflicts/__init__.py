"""Conflicts (reviewers): the review queue, claims side by side, decisions and history."""
