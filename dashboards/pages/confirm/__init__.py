"""To confirm (reviewers): candidates, their sentence and guess, accept, correct or reject."""
