"""Answer shapes: how the evidence is quoted, and the leads the structure makes certain."""
