"""Sources: the documents, each with its claims marked in the text, and upload."""
