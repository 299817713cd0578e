package dev.ptree.model;

import dev.ptree.yaml.YNode;
import java.util.List;

/** One item of {@code inventories.additional}: normally a one-key mapping. */
public record InventoryItem(int index, YNode node, List<InventoryRecord> records) {}
