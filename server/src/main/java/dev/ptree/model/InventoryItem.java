package dev.ptree.model;

import dev.ptree.yaml.YNode;
import java.util.List;

/**
 * One item of {@code inventories.additional}: normally a one-key mapping. {@code tuple} when the
 * list is an !!omap or !!pairs: PyYAML makes each item a (key, value) tuple, not a dict.
 */
public record InventoryItem(int index, YNode node, List<InventoryRecord> records, boolean tuple) {}
