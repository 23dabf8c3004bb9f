"""Knowledge base: YAML schema, SQL models, loader, queries and retrieval."""
