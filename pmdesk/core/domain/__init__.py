"""What a project holds, as plain values: vocabulary, field rules, ranks."""
