"""Login: the reviewer sign-in form."""
