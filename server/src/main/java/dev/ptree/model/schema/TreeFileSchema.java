package dev.ptree.model.schema;

import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import java.util.Set;

/** The provider tree file (DESIGN §2.2): a whole tree as ProviderTree holds it. */
public final class TreeFileSchema {
  private TreeFileSchema() {}

  /** Keys of a Placement API listing that a pasted one carries and that mean nothing here. */
  public static final Set<String> PLACEMENT_EXTRAS = Set.of("links", "resource_provider_generation");

  public static final Key VERSION = Key.string("provider_tree").required()
      .suggesting("'1.0'", "the tree format version as a string")
      .doc("The format version, a string `'1.x'`. Required.");
  public static final Key PROVIDER_CONFIGS = Key.stringOrList("provider_configs")
      .values(Key.Values.CONFIG_DIRECTORIES)
      .doc("Provider config directories (one, or a list) merged into this tree as"
          + " nova would, relative to this file.");

  public static final Key NAME = Key.string("name").required().range(1, NovaSchema.NAME_MAX_LENGTH)
      .doc("Required; 1 to 200 characters, unique across the workspace (PT213).");
  public static final Key UUID = Key.string("uuid")
      .doc("A lower-case UUID, unique (PT212); generated at creation when absent (PT217).");
  public static final Key GENERATION = Key.integer("generation").range(0, NovaSchema.MAX_INT)
      .doc("Placement's generation counter, an integer 0..2147483647 (PT216).");
  public static final Key TRAITS = Key.list("traits", () -> Key.item(Key.Type.STRING))
      .namedItems(new Key.Names(NameUse.Kind.TRAIT, false))
      .doc("A list of trait names: standard ones from os-traits, or `CUSTOM_` names.");
  public static final Key AGGREGATES = Key.list("aggregates", () -> Key.item(Key.Type.STRING))
      .doc("A list of aggregate UUIDs.");
  public static final Key INVENTORY = Key.mapping("inventory")
      .namedEntries(new Key.Names(NameUse.Kind.RESOURCE_CLASS, false), () -> InventorySchema.RECORD)
      .doc("Resource class → record `{total, reserved, min_unit, max_unit, step_size,"
          + " allocation_ratio}`; `total` is required and Placement's defaults fill the rest.");
  public static final Key CHILDREN = Key.list("children", () -> TreeFileSchema.PROVIDER)
      .doc("Nested providers: their parent is this provider.");
  public static final Key PARENT = Key.string("parent").oneOf("parent").values(Key.Values.PROVIDER)
      .doc("The parent, by name or uuid, in any tree file of the workspace (PT210, PT211).");
  public static final Key PARENT_PROVIDER_UUID = Key.string("parent_provider_uuid").oneOf("parent")
      .values(Key.Values.PROVIDER_UUID)
      .doc("The parent's uuid (Placement's field name); must agree with the shape (PT215).");
  public static final Key ROOT_PROVIDER_UUID = Key.string("root_provider_uuid").values(Key.Values.PROVIDER_UUID)
      .doc("The root's uuid (Placement's field name); must agree with the shape (PT215).");

  public static final Key PROVIDER = Key.mapping(Schema.ITEM, NAME, UUID, GENERATION, TRAITS, AGGREGATES,
      INVENTORY, CHILDREN, PARENT, PARENT_PROVIDER_UUID, ROOT_PROVIDER_UUID).tolerating(PLACEMENT_EXTRAS);
  public static final Key PROVIDERS = Key.list("providers", () -> PROVIDER)
      .doc("The root providers, and any provider with a `parent` reference.");

  public static final Schema SCHEMA = new Schema(Key.mapping("", VERSION, PROVIDER_CONFIGS, PROVIDERS)
      .tolerating(PLACEMENT_EXTRAS).label("the top level"));
}
