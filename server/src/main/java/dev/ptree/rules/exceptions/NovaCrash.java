package dev.ptree.rules.exceptions;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryItem;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.Span;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import dev.ptree.yaml.YSequence;
import dev.ptree.yaml.YamlProblem;

public final class NovaCrash extends FileRule {
  public NovaCrash() {
    super(RuleInfo.of("PT501", "nova-crash", Category.EXCEPTION_HANDLING, Severity.ERROR,
        "input that makes nova raise an unhandled exception",
        new RuleDoc(
            "Inputs nova does not turn into a clean ProviderConfigException but dies on: a value"
                + " PyYAML cannot build (2024-02-30, 0x_, !!int abc → ValueError), nesting beyond"
                + " Python's recursion limit, a non-string key in an inventory item (TypeError"
                + " inside jsonschema), an inventory item that is a number or null (TypeError), a"
                + " list holding non-strings (AttributeError), or a list of names that nova's merge"
                + " cannot apply (ValueError).",
            "nova-compute stops with a traceback instead of a message naming the file: the exception escapes"
                + " nova/compute/provider_config.py get_provider_configs (_parse_provider_yaml:"
                    + " yaml.safe_load"
                + " and jsonschema.validate; _validate_provider_config), or, for a list nova cannot merge,"
                + " nova/compute/resource_tracker.py ResourceTracker._merge_provider_configs.",
            "additional:\n  - 1: {total: 4}     # TypeError in jsonschema",
            "No fix.")));
  }

  @Override
  public void check(ConfigFile file, Reporter out) {
    java.util.List<Span> validated = null; // where nova's schema validation walks: needed for a recursive alias only
    for (YamlProblem p : file.yaml().problems()) {
      if (p.kind() == YamlProblem.Kind.CRASH) {
        boolean recursive = p.code() == YamlProblem.Code.RECURSIVE_ALIAS;
        if (recursive && validated == null) {
          validated = validatedSpans(file);
        }
        if (recursive && validated.stream().noneMatch(v -> within(p.span(), v))) {
          out.report(file, p.span(), "recursive alias: this node contains itself; nova ignores this key,"
              + " but any tool that walks it loops").severity(Severity.WARNING);
        } else if (recursive) {
          out.report(file, p.span(), "recursive alias: this node contains itself; nova's schema"
              + " validation recurses until RecursionError");
        } else {
          out.report(file, p.span(), "{}; nova crashes loading the file", p.message());
        }
      } else if (p.code() == YamlProblem.Code.DEPTH_LIMIT) {
        out.report(file, p.span(), "{}", p.message());
      }
    }
    int depth = file.yaml().maxCollectionDepth();
    if (depth > NovaSchema.NOVA_MAX_DEPTH) {
      out.report(file, Span.at(0), "collections nest {} levels deep; PyYAML's composer recurses"
          + " once per level and nova crashes with RecursionError from {} levels",
          depth, (NovaSchema.NOVA_MAX_DEPTH + 1));
    } else if (depth >= NovaSchema.NOVA_DEPTH_WARNING) {
      out.report(file, Span.at(0), "collections nest {} levels deep, close to the {} levels at"
          + " which nova crashes with RecursionError", depth, (NovaSchema.NOVA_MAX_DEPTH + 1))
          .severity(Severity.WARNING);
    }
    for (var p : file.providers()) {
      for (InventoryItem item : p.inventoryItems()) {
        checkItem(file, p, item, out);
      }
    }
  }

  /** Where jsonschema descends: a recursive node anywhere else is never walked by nova. */
  private static java.util.List<Span> validatedSpans(ConfigFile file) {
    java.util.List<Span> out = new java.util.ArrayList<>();
    var top = file.rootMapping();
    YNode providers = top == null ? null : top.get("providers");
    if (providers == null) {
      return out;
    }
    if (providers.kind() != ValueKind.SEQUENCE) {
      out.add(providers.span());
      return out;
    }
    for (var p : file.providers()) {
      if (p.mapping() == null) {
        out.add(p.item().span());
        continue;
      }
      YNode id = p.mapping().get("identification");
      if (id != null) {
        out.add(id.span());
      }
      for (String adjective : java.util.List.of("inventories", "traits")) {
        YNode block = p.mapping().get(adjective);
        if (block == null) {
          continue;
        }
        YNode additional = block instanceof dev.ptree.yaml.YMapping m ? m.get("additional") : block;
        if (additional != null) {
          out.add(additional.span());
        }
      }
    }
    return out;
  }

  private static boolean within(Span inner, Span outer) {
    return inner.start() >= outer.start() && inner.end() <= outer.end();
  }

  private void checkItem(ConfigFile file, dev.ptree.model.ProviderEntry provider,
      InventoryItem item, Reporter out) {
    YNode node = item.node();
    if (item.tuple()) {
      // !!omap / !!pairs: the item is a (key, value) tuple; nova checks both as names
      var entry = ((dev.ptree.yaml.YMapping) node).entries().get(0);
      checkNames(file, provider, node, java.util.List.of(entry.key(), entry.value()), out);
      return;
    }
    switch (node.kind()) {
      case MAPPING -> {
        for (InventoryRecord r : item.records()) {
          if (r.resourceClass() == null) {
            out.report(file, r.entry().keySpan(), "resource class key is {}, not a string: nova's"
                + " schema check raises TypeError (expected string or bytes-like object) and nova"
                + " crashes", Nodes.describe(r.entry().key()));
          }
        }
      }
      case INT, FLOAT, BOOL, NULL, TIMESTAMP -> out.report(file, node.span(), "an inventory item"
          + " that is {} passes nova's schema, then nova raises TypeError iterating it and crashes",
          Nodes.describe(node));
      case BINARY -> {
        if (decodedLength((YScalar) node) == 0) {
          out.report(file, node.span(), "an inventory item that is empty binary data passes nova's"
              + " checks and adds nothing").severity(Severity.WARNING);
        } else {
          out.report(file, node.span(), "an inventory item that is binary data passes nova's"
              + " schema, then nova raises AttributeError on its bytes and crashes");
        }
      }
      case SEQUENCE -> checkNames(file, provider, node, ((YSequence) node).items(), out);
      case OTHER_COLLECTION -> {
        if (node instanceof dev.ptree.yaml.YMapping set) {
          // !!set: nova iterates its keys as resource class names
          checkNames(file, provider, node,
              set.entries().stream().map(dev.ptree.yaml.YEntry::key).toList(), out);
        } else if (!((YSequence) node).items().isEmpty()) {
          out.report(file, node.span(), "an inventory item tagged {} is a list of tuples: nova"
              + " raises AttributeError on them and crashes", node.explicitTag());
        }
      }
      default -> { }
    }
  }

  private static int decodedLength(YScalar binary) {
    try {
      return java.util.Base64.getMimeDecoder().decode(binary.text().replaceAll("\\s", "")).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * An item nova iterates as names (a list, a set, a tuple): any non-string makes is_custom()
   * raise AttributeError; standard names are refused; custom ones pass, and then merging the item
   * into the provider's inventory raises ValueError (dict.update needs key/value pairs).
   */
  private void checkNames(ConfigFile file, dev.ptree.model.ProviderEntry provider, YNode item,
      java.util.List<YNode> names, Reporter out) {
    for (YNode element : names) {
      if (!(element instanceof YScalar s) || s.kind() != ValueKind.STR) {
        out.report(file, element.span(), "an inventory item that is not a mapping holds {}: nova"
            + " raises AttributeError on it and crashes", Nodes.describe(element));
        return;
      }
    }
    if (names.isEmpty()) {
      return;
    }
    boolean allCustom = names.stream()
        .allMatch(e -> ((YScalar) e).text().startsWith(NovaSchema.CUSTOM_PREFIX));
    if (allCustom) {
      // nova merges only into a provider it finds: an entry that matches none never gets here
      dev.ptree.rules.Reach.report(out, file, provider, item.span(), "an inventory item that is a"
          + " collection of names passes nova's"
          + " checks, but merging it into the provider raises ValueError (\"dictionary update"
          + " sequence element #0 has length {}; 2 is required\"); write a mapping of resource class"
          + " to record", ((YScalar) names.get(0)).text().length());
    } else {
      out.report(file, item.span(), "an inventory item that is a collection of names is not a"
          + " mapping of resource class to record; nova refuses its standard names as \"Invalid"
          + " resource class\"");
    }
  }
}
