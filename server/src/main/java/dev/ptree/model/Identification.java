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

  public boolean isComputeNodeUuid() {
    return method.equals("uuid") && NovaSchema.COMPUTE_NODE.equals(value);
  }
}
