"""Pure evidence rules and entities: who sees an item, who may share it, how long it is retained."""
