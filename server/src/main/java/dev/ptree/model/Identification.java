package dev.ptree.model;

import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YScalar;

/**
 * The identification nova uses for a provider: {@code uuid} or {@code name} and its string value.
 * {@code schemaValid} is whether SCHEMA_V1 accepts the whole identification mapping.
 */
public record Identification(YEntry entry, String method, String value, boolean schemaValid) {
  public YScalar valueNode() {
    return (YScalar) entry.value();
  }

  /**
   * Whether nova treats the entry as the {@code $COMPUTE_NODE} default: the loader keys an entry
   * by {@code uuid or name}, and the merge compares that key, so {@code name: $COMPUTE_NODE} is
   * the sentinel too (undocumented; PT204).
   */
  public boolean isComputeNode() {
    return NovaSchema.COMPUTE_NODE.equals(value);
  }
}
