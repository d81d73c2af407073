"""Pipeline stages: each turns (ArticleDoc, parsed spaCy Doc) into a new ArticleDoc."""
