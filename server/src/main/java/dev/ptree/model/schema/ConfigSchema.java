package dev.ptree.model.schema;

import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;

/**
 * Nova's provider config SCHEMA_V1 (nova/compute/provider_config.py, DESIGN §2.1): unknown keys
 * are allowed (and ignored) at the top level, in meta, in a provider and in inventories/traits,
 * forbidden in an identification and an inventory record.
 */
public final class ConfigSchema {
  private ConfigSchema() {}

  public static final Key SCHEMA_VERSION = Key.string("schema_version").required()
      .suggesting("'1.0'", "the schema version as a string: nova reads 1.x")
      .doc("The schema version, a **string** `MAJOR.MINOR`: write `'1.0'`. Unquoted,"
          + " `1.0` is a float and nova fails with \"Unable to detect schema version\".");
  public static final Key META = Key.mapping("meta", SCHEMA_VERSION).required()
      .doc("The file's metadata: `schema_version`.");

  public static final Key UUID = Key.string("uuid").oneOf("identification")
      .values(Key.Values.COMPUTE_NODE_OR_PROVIDER_UUID)
      .doc("The provider's UUID as Placement holds it (lower case), or `$COMPUTE_NODE`:"
          + " every root provider with the `COMPUTE_NODE` trait that no other entry names.");
  public static final Key NAME = Key.string("name").oneOf("identification").range(1, NovaSchema.NAME_MAX_LENGTH)
      .values(Key.Values.PROVIDER_NAME)
      .doc("The provider's name, 1 to 200 characters, compared exactly.");
  public static final Key IDENTIFICATION = Key.mapping("identification", UUID, NAME).required()
      .unknown(Key.Unknown.FORBIDDEN).label("an identification")
      .doc("Which provider the entry applies to: exactly one of `uuid` (a UUID,"
          + " or `$COMPUTE_NODE`) or `name`.");

  /** One resource class per item: {@code - CUSTOM_X: {total: 1}}. */
  public static final Key INVENTORY_ITEM = Key.item(Key.Type.MAPPING).range(1, 1)
      .namedEntries(new Key.Names(NameUse.Kind.RESOURCE_CLASS, true), () -> InventorySchema.RECORD);
  public static final Key ADDITIONAL_INVENTORIES = Key.list("additional", () -> INVENTORY_ITEM)
      .doc("A list of one-key mappings: a `CUSTOM_` resource class → its record, `total` required.");
  public static final Key INVENTORIES = Key.mapping("inventories", ADDITIONAL_INVENTORIES)
      .doc("Inventories nova adds to the provider, under `additional`.");

  public static final Key ADDITIONAL_TRAITS = Key.list("additional", () -> Key.item(Key.Type.STRING))
      .namedItems(new Key.Names(NameUse.Kind.TRAIT, true))
      .doc("A list of `CUSTOM_` trait names.");
  public static final Key TRAITS = Key.mapping("traits", ADDITIONAL_TRAITS)
      .doc("Traits nova adds to the provider, under `additional`.");

  public static final Key PROVIDER = Key.item(Key.Type.MAPPING).label("a provider")
      .withChild(IDENTIFICATION).withChild(INVENTORIES).withChild(TRAITS);
  public static final Key PROVIDERS = Key.list("providers", () -> PROVIDER)
      .doc("The providers nova enriches: each has an `identification` and"
          + " `inventories` and/or `traits` to add.");

  public static final Schema SCHEMA = new Schema(Key.mapping("", META, PROVIDERS).label("the top level"));
}
