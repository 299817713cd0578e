package dev.ptree.model;

import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.List;

/**
 * One provider of a tree file, in document order (a parent before its nested children).
 * {@code index} is its position in {@link TreeFile#providers()}; {@code nestedParent} the index of
 * the provider whose {@code children} list holds it, or -1. String fields are null when absent or
 * not a string; the nodes keep where they are written. {@code records} are the inventory records
 * a dict keeps (one per resource class). {@code entry} is the provider as the per-file rules see
 * it.
 */
public record TreeProvider(int index, YNode node, YMapping mapping, int nestedParent, int depth,
    String name, YScalar nameNode, String uuid, YScalar uuidNode, YNode generationNode,
    Reference parent, Reference root, List<TraitItem> traits, List<YNode> aggregates,
    List<InventoryRecord> records, ProviderEntry entry) {

  /**
   * A reference to another provider: {@code field} is the key it is written under
   * ({@code parent}, {@code parent_provider_uuid} or {@code root_provider_uuid}); {@code byUuid}
   * when only a uuid may match (the Placement field names), otherwise a name or a uuid.
   */
  public record Reference(String field, String value, YScalar node, boolean byUuid) {}

  public boolean isNested() {
    return nestedParent >= 0;
  }

  /** What a message calls the provider: its name, else its uuid, else its position. */
  public String label() {
    return name != null ? name : uuid != null ? uuid : "provider #" + (index + 1);
  }

  /** Where a finding about the whole provider points: its name, else its uuid, else the item. */
  public dev.ptree.text.Span anchor() {
    if (nameNode != null) {
      return nameNode.span();
    }
    if (uuidNode != null) {
      return uuidNode.span();
    }
    return node.span().length() > 0 ? new dev.ptree.text.Span(node.span().start(), node.span().start() + 1)
        : node.span();
  }
}
