"""Who is calling: platform-signed tokens, optional client certificates, and the principal they yield."""
