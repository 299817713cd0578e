package dev.ptree.model;

import dev.ptree.model.schema.TreeFileSchema;
import dev.ptree.text.Escaper;
import dev.ptree.text.Span;
import dev.ptree.yaml.JsonParser;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import dev.ptree.yaml.YSequence;
import dev.ptree.yaml.YamlDocument;
import dev.ptree.yaml.YamlParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a provider tree file (DESIGN §2.2) into the lossless model; never throws. Whatever is out
 * of shape becomes a {@link TreeFile.Problem} and the rest is still read, so the other rules see
 * every provider that can be made out.
 */
public final class TreeReader {
  private TreeReader() {}

  /** The keys are declared in {@link TreeFileSchema}. */
  public static final String VERSION_KEY = TreeFileSchema.VERSION.name();
  private static final Pattern VERSION = Pattern.compile("1\\.[0-9]+");

  /** Whether a file name marks a tree file: *.ptree.yaml, *.ptree.yml or *.ptree.json. */
  public static boolean isTreeFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".ptree.yaml") || lower.endsWith(".ptree.yml") || lower.endsWith(".ptree.json");
  }

  public static boolean isJson(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  public static TreeFile read(SourceDocument document) {
    if (document.readProblem() != null) {
      return new TreeFile(document, null, null, List.of(), List.of(), List.of());
    }
    String text = document.text().content();
    YamlDocument yaml = isJson(document.fileName()) ? JsonParser.parse(text) : YamlParser.parse(text);
    return read(document, yaml);
  }

  /** A tree from an already parsed document (content detection parsed it to look at its keys). */
  public static TreeFile read(SourceDocument document, YamlDocument yaml) {
    return new Reading(document, yaml).read();
  }

  private static final class Reading {
    private final SourceDocument document;
    private final YamlDocument yaml;
    private final List<TreeProvider> providers = new ArrayList<>();
    private final List<TreeFile.Binding> bindings = new ArrayList<>();
    private final List<TreeFile.Problem> problems = new ArrayList<>();

    Reading(SourceDocument document, YamlDocument yaml) {
      this.document = document;
      this.yaml = yaml;
    }

    TreeFile read() {
      YMapping root = ProviderConfigReader.asMapping(yaml.root());
      boolean syntaxBroken = yaml.problems().stream()
          .anyMatch(p -> p.kind() != dev.ptree.yaml.YamlProblem.Kind.CRASH);
      if (root == null) {
        if (!syntaxBroken) {
          Span at = yaml.root() == null ? Span.at(0) : yaml.root().span();
          problems.add(new TreeFile.Problem(at, "a provider tree file must be a mapping with "
              + VERSION_KEY + " and providers"));
        }
        return new TreeFile(document, yaml, null, List.of(), List.of(), List.copyOf(problems));
      }
      version(root);
      bindings(root);
      YEntry list = root.effective("providers");
      if (list == null) {
        if (!syntaxBroken) {
          problems.add(new TreeFile.Problem(firstKeySpan(root), "the tree has no providers list"));
        }
      } else {
        providerList(list.value());
      }
      return new TreeFile(document, yaml, root, List.copyOf(providers), List.copyOf(bindings),
          List.copyOf(problems));
    }

    private void version(YMapping root) {
      YEntry e = root.effective(VERSION_KEY);
      if (e == null) {
        problems.add(new TreeFile.Problem(firstKeySpan(root), "missing " + VERSION_KEY
            + ": the format version, e.g. " + VERSION_KEY + ": '1.0'"));
        return;
      }
      if (e.value() instanceof YScalar s && s.isString()) {
        if (!VERSION.matcher(s.text()).matches()) {
          problems.add(new TreeFile.Problem(s.span(), "unsupported " + VERSION_KEY + " version "
              + Escaper.quote(s.text()) + ": this ptree reads 1.x"));
        }
      } else if (e.value() instanceof YScalar s && s.kind() == ValueKind.FLOAT
          && VERSION.matcher(s.text()).matches()) {
        problems.add(new TreeFile.Problem(s.span(), VERSION_KEY + " " + s.text()
            + " is a number; write the version as a string", "Quote the version", "'" + s.text() + "'"));
      } else {
        problems.add(new TreeFile.Problem(e.value().span(), VERSION_KEY
            + " must be a string such as '1.0', not a " + e.value().kind().label()));
      }
    }

    private void bindings(YMapping root) {
      YEntry e = root.effective("provider_configs");
      if (e == null) {
        return;
      }
      List<YNode> items = e.value() instanceof YSequence q && q.kind() == ValueKind.SEQUENCE ? q.items()
          : List.of(e.value());
      for (YNode item : items) {
        if (item instanceof YScalar s && s.isString() && !s.text().isBlank()) {
          bindings.add(new TreeFile.Binding(Paths.resolve(Paths.folder(document.path()), s.text().strip()), s));
        } else {
          problems.add(new TreeFile.Problem(item.span(), "provider_configs takes a directory path"
              + " or a list of them, not " + describe(item)));
        }
      }
    }

    /** A provider item still to read: the index of its nesting parent (-1 for none) and its depth. */
    private record Pending(YNode item, int parent, int depth) {}

    /** Reads the providers list and, depth first, every children list, with an explicit stack. */
    private void providerList(YNode listNode) {
      Deque<Pending> stack = new ArrayDeque<>();
      pushItems(stack, listNode, -1, 0);
      while (!stack.isEmpty()) {
        Pending next = stack.pop();
        TreeProvider p = provider(next.item(), next.parent(), next.depth());
        providers.add(p);
        if (p.mapping() != null) {
          YEntry children = p.mapping().effective("children");
          if (children != null) {
            pushItems(stack, children.value(), p.index(), next.depth() + 1);
          }
        }
      }
    }

    private void pushItems(Deque<Pending> stack, YNode listNode, int parent, int depth) {
      if (!(listNode instanceof YSequence q) || q.kind() != ValueKind.SEQUENCE) {
        problems.add(new TreeFile.Problem(listNode.span(), (parent < 0 ? "providers" : "children")
            + " must be a list of providers, not " + describe(listNode)));
        return;
      }
      for (int i = q.items().size() - 1; i >= 0; i--) {
        stack.push(new Pending(q.items().get(i), parent, depth));
      }
    }

    private TreeProvider provider(YNode item, int nestedParent, int depth) {
      int index = providers.size();
      YMapping m = ProviderConfigReader.asMapping(item);
      if (m == null) {
        problems.add(new TreeFile.Problem(item.span(), "a provider must be a mapping with at least a"
            + " name, not " + describe(item)));
        ProviderEntry entry = ProviderEntry.of(index, item, null, null, List.of(), List.of(), false);
        return new TreeProvider(index, item, null, nestedParent, depth, null, null, null, null, null,
            null, null, List.of(), List.of(), List.of(), entry);
      }
      YEntry nameEntry = m.effective("name");
      YScalar nameNode = stringValue(nameEntry, "name");
      String name = nameNode == null ? null : nameNode.text();
      if (nameEntry == null) {
        problems.add(new TreeFile.Problem(m.entries().isEmpty() ? m.span() : firstKeySpan(m),
            "the provider has no name; Placement requires one"));
      } else if (name != null) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > NovaSchema.NAME_MAX_LENGTH) {
          problems.add(new TreeFile.Problem(nameNode.span(), "a provider name must be 1 to "
              + NovaSchema.NAME_MAX_LENGTH + " characters long, this one has " + length));
        }
      }
      YScalar uuidNode = stringValue(m.effective("uuid"), "uuid");
      if (uuidNode != null && !NovaSchema.isUuid(uuidNode.text())) {
        problems.add(new TreeFile.Problem(uuidNode.span(), "uuid " + Escaper.quote(uuidNode.text())
            + " is not a UUID (8-4-4-4-12 hex digits)"));
      }
      YEntry generation = m.effective("generation");
      TreeProvider.Reference parent = reference(m, "parent", false);
      TreeProvider.Reference parentUuid = reference(m, "parent_provider_uuid", true);
      if (parent != null && parentUuid != null) {
        problems.add(new TreeFile.Problem(parentUuid.node().span(), "give the parent once: parent"
            + " and parent_provider_uuid are both written"));
      }
      TreeProvider.Reference root = reference(m, "root_provider_uuid", true);
      List<TraitItem> traits = traits(m);
      List<YNode> aggregates = aggregates(m);
      List<InventoryItem> inventory = inventory(m);
      Identification id = nameNode == null ? null
          : new Identification(nameEntry, "name", name, name != null && ProviderConfigReader.validName(name));
      ProviderEntry entry = ProviderEntry.of(index, item, m, id, inventory, traits, false);
      return new TreeProvider(index, item, m, nestedParent, depth, name, nameNode,
          uuidNode == null ? null : uuidNode.text(), uuidNode, generation == null ? null : generation.value(),
          parent != null ? parent : parentUuid, root, traits, aggregates, entry.records(), entry);
    }

    private TreeProvider.Reference reference(YMapping m, String key, boolean byUuid) {
      YScalar s = stringValue(m.effective(key), key);
      if (s == null) {
        return null;
      }
      if (byUuid && !NovaSchema.isUuid(s.text())) {
        problems.add(new TreeFile.Problem(s.span(), key + " " + Escaper.quote(s.text())
            + " is not a UUID; use parent: to refer to a provider by name"));
      }
      return new TreeProvider.Reference(key, s.text(), s, byUuid);
    }

    private List<TraitItem> traits(YMapping m) {
      YEntry e = m.effective("traits");
      if (e == null) {
        return List.of();
      }
      if (!(e.value() instanceof YSequence q) || q.kind() != ValueKind.SEQUENCE) {
        problems.add(new TreeFile.Problem(e.value().span(), "traits must be a list of trait names, not "
            + describe(e.value())));
        return List.of();
      }
      List<TraitItem> out = new ArrayList<>(q.items().size());
      for (int i = 0; i < q.items().size(); i++) {
        YNode node = q.items().get(i);
        String name = node instanceof YScalar s && s.isString() ? s.text() : null;
        if (name == null) {
          problems.add(new TreeFile.Problem(node.span(), "a trait must be a name, not " + describe(node)));
        }
        out.add(new TraitItem(i, node, name));
      }
      return List.copyOf(out);
    }

    private List<YNode> aggregates(YMapping m) {
      YEntry e = m.effective("aggregates");
      if (e == null) {
        return List.of();
      }
      if (!(e.value() instanceof YSequence q) || q.kind() != ValueKind.SEQUENCE) {
        problems.add(new TreeFile.Problem(e.value().span(), "aggregates must be a list of UUIDs, not "
            + describe(e.value())));
        return List.of();
      }
      for (YNode node : q.items()) {
        if (!(node instanceof YScalar s && s.isString() && NovaSchema.isUuid(s.text()))) {
          problems.add(new TreeFile.Problem(node.span(), "an aggregate must be a UUID, not "
              + (node instanceof YScalar s && s.isString() ? Escaper.quote(s.text()) : describe(node))));
        }
      }
      return List.copyOf(q.items());
    }

    private List<InventoryItem> inventory(YMapping m) {
      YEntry e = m.effective("inventory");
      if (e == null) {
        return List.of();
      }
      YMapping inv = ProviderConfigReader.asMapping(e.value());
      if (inv == null) {
        if (!(e.value() instanceof YScalar s && s.kind() == ValueKind.NULL)) {
          problems.add(new TreeFile.Problem(e.value().span(), "inventory must be a mapping of resource"
              + " class to record, not " + describe(e.value())));
        }
        return List.of();
      }
      List<InventoryRecord> records = new ArrayList<>(inv.entries().size());
      for (YEntry r : inv.entries()) {
        YMapping record = ProviderConfigReader.asMapping(r.value());
        if (r.keyString() == null) {
          problems.add(new TreeFile.Problem(r.keySpan(), "a resource class must be a name, not "
              + describe(r.key())));
        }
        if (record == null) {
          problems.add(new TreeFile.Problem(r.value().span(), "an inventory record must be a mapping"
              + " such as {total: 8}, not " + describe(r.value())));
        }
        records.add(new InventoryRecord(r, r.keyString(), record, inv.isEffective(r)));
      }
      return List.of(new InventoryItem(0, inv, List.copyOf(records), false));
    }

    private YScalar stringValue(YEntry e, String key) {
      if (e == null) {
        return null;
      }
      if (e.value() instanceof YScalar s && s.isString()) {
        return s;
      }
      problems.add(new TreeFile.Problem(e.value().span(), key + " must be a string, not " + describe(e.value())));
      return null;
    }

  }

  private static Span firstKeySpan(YMapping m) {
    return m.entries().isEmpty() ? new Span(m.span().start(), Math.min(m.span().end(), m.span().start() + 1))
        : m.entries().get(0).keySpan();
  }

  /** The node's type with its article: "an integer", "a mapping". */
  public static String describe(YNode node) {
    String label = node.kind().label();
    return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
  }
}
