package dev.ptree.model.schema;

import dev.ptree.model.NameUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One key of a dialect's schema: its type, whether it is required, Placement's default and
 * limits, its documentation and what it holds (declared children, the shape of each item or of
 * each named entry). Immutable: each {@code with}-style method returns a changed copy, so a key
 * is declared in one expression, e.g.
 * {@code Key.integer("reserved").range(0, MAX_INT).byDefault("0").doc("...")}.
 *
 * <p>Limits read by type: a number's value, a string's length, a mapping's number of entries.
 */
public final class Key {
  public enum Type {
    MAPPING, LIST, STRING, INTEGER, NUMBER, STRING_OR_LIST;

    /** Whether the value goes on the lines below its key (completion writes {@code key:}). */
    public boolean isCollection() {
      return this == MAPPING || this == LIST;
    }
  }

  /** What a mapping does with keys it does not declare. */
  public enum Unknown {
    /** The format allows them and nothing reads them (a warning: a likely typo). */
    IGNORED,
    /** The format refuses them (an error). */
    FORBIDDEN
  }

  /** Names that a mapping's keys or a list's items are, instead of declared keys. */
  public record Names(NameUse.Kind kind, boolean customOnly) {}

  /** What a value refers to, which tells completion what to offer. */
  public enum Values {
    NONE, SUGGESTION, CONFIG_DIRECTORIES, PROVIDER_NAME, PROVIDER_UUID, PROVIDER, COMPUTE_NODE_OR_PROVIDER_UUID
  }

  private final String name;
  private final Type type;
  private boolean required;
  private String defaultValue;
  private Number min;
  private Number max;
  private String doc;
  private String label;
  private List<Key> children = List.of();
  /** Their names, kept beside them: rules ask for them at every mapping they check. */
  private List<String> childNames = List.of();
  private Supplier<Key> item;
  private Supplier<Key> entry;
  private Names names;
  private Unknown unknown = Unknown.IGNORED;
  private Set<String> tolerated = Set.of();
  private String oneOf;
  private Values values = Values.NONE;
  private String suggestion;
  private String suggestionDetail;

  private Key(String name, Type type) {
    this.name = name;
    this.type = type;
  }

  public static Key mapping(String name, Key... children) {
    Key k = new Key(name, Type.MAPPING);
    k.setChildren(List.of(children));
    return k;
  }

  public static Key list(String name, Supplier<Key> item) {
    Key k = new Key(name, Type.LIST);
    k.item = item;
    return k;
  }

  public static Key string(String name) {
    return new Key(name, Type.STRING);
  }

  public static Key integer(String name) {
    return new Key(name, Type.INTEGER);
  }

  public static Key number(String name) {
    return new Key(name, Type.NUMBER);
  }

  public static Key stringOrList(String name) {
    return new Key(name, Type.STRING_OR_LIST);
  }

  /** The shape of a list item that is not a key: its name is the list's. */
  public static Key item(Type type) {
    return new Key(Schema.ITEM, type);
  }

  // ---------------------------------------------------------------- declaring

  public Key required() {
    Key k = copy();
    k.required = true;
    return k;
  }

  public Key byDefault(String value) {
    Key k = copy();
    k.defaultValue = value;
    return k;
  }

  public Key range(Number min, Number max) {
    Key k = copy();
    k.min = min;
    k.max = max;
    return k;
  }

  public Key doc(String doc) {
    Key k = copy();
    k.doc = doc;
    return k;
  }

  /** How messages name the mapping: "a provider", "an inventory record". */
  public Key label(String label) {
    Key k = copy();
    k.label = label;
    return k;
  }

  /** A mapping whose keys are names of this kind, each holding a value of shape {@code entry}. */
  public Key namedEntries(Names names, Supplier<Key> entry) {
    Key k = copy();
    k.names = names;
    k.entry = entry;
    return k;
  }

  /** A list whose items are names of this kind. */
  public Key namedItems(Names names) {
    Key k = copy();
    k.names = names;
    return k;
  }

  public Key unknown(Unknown unknown) {
    Key k = copy();
    k.unknown = unknown;
    return k;
  }

  /** Keys that are not part of the format and mean nothing, but are expected (a pasted listing). */
  public Key tolerating(Set<String> keys) {
    Key k = copy();
    k.tolerated = Set.copyOf(keys);
    return k;
  }

  /** Keys of one mapping in the same group are alternatives: at most one is written. */
  public Key oneOf(String group) {
    Key k = copy();
    k.oneOf = group;
    return k;
  }

  public Key values(Values values) {
    Key k = copy();
    k.values = values;
    return k;
  }

  /** The value completion proposes, with what it says about it. */
  public Key suggesting(String value, String detail) {
    Key k = values(Values.SUGGESTION);
    k.suggestion = value;
    k.suggestionDetail = detail;
    return k;
  }

  /** A copy with one more child, after the others. */
  public Key withChild(Key child) {
    Key k = copy();
    List<Key> more = new ArrayList<>(children);
    more.add(child);
    k.setChildren(List.copyOf(more));
    return k;
  }

  Key withItem(Key item) {
    Key k = copy();
    k.item = () -> item;
    return k;
  }

  Key withChildren(List<Key> children) {
    Key k = copy();
    k.setChildren(List.copyOf(children));
    return k;
  }

  private Key copy() {
    Key k = new Key(name, type);
    k.required = required;
    k.defaultValue = defaultValue;
    k.min = min;
    k.max = max;
    k.doc = doc;
    k.label = label;
    k.children = children;
    k.childNames = childNames;
    k.item = item;
    k.entry = entry;
    k.names = names;
    k.unknown = unknown;
    k.tolerated = tolerated;
    k.oneOf = oneOf;
    k.values = values;
    k.suggestion = suggestion;
    k.suggestionDetail = suggestionDetail;
    return k;
  }

  // ---------------------------------------------------------------- reading

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public boolean isRequired() {
    return required;
  }

  /** Placement's default as written in YAML, or null. */
  public String defaultValue() {
    return defaultValue;
  }

  public Number min() {
    return min;
  }

  public Number max() {
    return max;
  }

  public String doc() {
    return doc;
  }

  public String label() {
    return label == null ? name : label;
  }

  public List<Key> children() {
    return children;
  }

  public List<String> childNames() {
    return childNames;
  }

  private void setChildren(List<Key> children) {
    this.children = children;
    this.childNames = children.stream().map(Key::name).toList();
  }

  /** The declared child, or null. */
  public Key child(String name) {
    for (Key c : children) {
      if (c.name.equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** A list's item shape, or null. */
  public Key item() {
    return item == null ? null : item.get();
  }

  /** The value shape of a named entry of the mapping, or null. */
  public Key entry() {
    return entry == null ? null : entry.get();
  }

  /** What the keys (of a mapping) or the items (of a list) are named after, or null. */
  public Names names() {
    return names;
  }

  public Unknown unknown() {
    return unknown;
  }

  public Set<String> tolerated() {
    return tolerated;
  }

  public String oneOfGroup() {
    return oneOf;
  }

  public Values values() {
    return values;
  }

  public String suggestion() {
    return suggestion;
  }

  public String suggestionDetail() {
    return suggestionDetail;
  }

  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}
