"""Everything that touches files: reading workbooks and YAML, writing atomically."""
