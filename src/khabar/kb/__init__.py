"""The knowledge base: actors (reviewable TSV files in `khabar/data/kb/`) and places, and the linker that maps
mentions to them."""
