package dev.ptree.model;

import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import java.util.List;

/**
 * One item of {@code providers}. {@code mapping} is null when the item is not a mapping;
 * {@code identification} is null when there is none nova could use.
 */
public record ProviderEntry(int index, YNode item, YMapping mapping, Identification identification,
    List<InventoryItem> inventoryItems, List<TraitItem> traits, boolean noOp) {

  /**
   * The records nova's merge ends with: one per resource class, the last given winning
   * ({@code merged_inventory.update(item)} item by item). Only these reach Placement.
   */
  public List<InventoryRecord> mergedRecords() {
    java.util.LinkedHashMap<String, InventoryRecord> merged = new java.util.LinkedHashMap<>();
    for (InventoryItem item : inventoryItems) {
      for (InventoryRecord r : item.records()) {
        if (r.resourceClass() != null && r.effective()) {
          merged.remove(r.resourceClass());
          merged.put(r.resourceClass(), r);
        }
      }
    }
    return List.copyOf(merged.values());
  }

  /** Every inventory record of the provider, in order. */
  public List<InventoryRecord> records() {
    return inventoryItems.stream().flatMap(i -> i.records().stream()).toList();
  }
}
