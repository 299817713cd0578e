package dev.ptree.model;

import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One item of {@code providers}. {@code mapping} is null when the item is not a mapping;
 * {@code identification} is null when there is none nova could use. {@code records} lists every
 * inventory record a dict holds (the last of a key written twice in one item), in order; {@code mergedRecords} the ones nova's merge ends with: one per
 * resource class, the last given winning ({@code merged_inventory.update(item)} item by item).
 * Only those reach Placement.
 */
public record ProviderEntry(int index, YNode item, YMapping mapping, Identification identification,
    List<InventoryItem> inventoryItems, List<TraitItem> traits, boolean noOp,
    List<InventoryRecord> records, List<InventoryRecord> mergedRecords) {

  /**
   * Why nova never sends anything for this entry (no provider Placement can hold matches its
   * identification), or null. See {@link Identification#unreachable()}.
   */
  public String unreachable() {
    return identification == null ? null : identification.unreachable();
  }

  /** Every string resource class key and trait name of the provider, in order. */
  public List<NameUse> names() {
    List<NameUse> out = new ArrayList<>(records.size() + traits.size());
    for (InventoryRecord r : records) {
      if (r.resourceClass() != null) {
        out.add(new NameUse(NameUse.Kind.RESOURCE_CLASS, r.resourceClass(), r.entry().keySpan()));
      }
    }
    for (TraitItem t : traits) {
      if (t.name() != null) {
        out.add(new NameUse(NameUse.Kind.TRAIT, t.name(), t.node().span()));
      }
    }
    return out;
  }

  public static ProviderEntry of(int index, YNode item, YMapping mapping, Identification identification,
      List<InventoryItem> inventoryItems, List<TraitItem> traits, boolean noOp) {
    List<InventoryRecord> all = new ArrayList<>();
    LinkedHashMap<String, InventoryRecord> merged = new LinkedHashMap<>();
    for (InventoryItem inventoryItem : inventoryItems) {
      for (InventoryRecord r : inventoryItem.records()) {
        if (!r.effective()) {
          continue; // a key written twice in one item: the Python dict keeps only the last
        }
        all.add(r);
        if (r.resourceClass() != null) {
          merged.remove(r.resourceClass());
          merged.put(r.resourceClass(), r);
        }
      }
    }
    return new ProviderEntry(index, item, mapping, identification, inventoryItems, traits, noOp,
        List.copyOf(all), List.copyOf(merged.values()));
  }
}
