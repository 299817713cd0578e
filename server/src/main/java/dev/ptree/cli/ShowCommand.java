package dev.ptree.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ptree.engine.Settings;
import dev.ptree.io.Inputs;
import dev.ptree.io.WorkspaceLoader;
import dev.ptree.engine.Workspace;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import dev.ptree.text.PythonRepr;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints the effective tree of each provider tree file: what nova would report to Placement once
 * the bound provider configs are merged in, with Placement's defaults and the capacities.
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Shows the effective provider tree: the tree with its bound configs merged in.")
final class ShowCommand implements Callable<Integer> {
  enum Format { text, json }

  private final PrintStream out;
  private final PrintStream err;

  ShowCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Provider tree files, or directories holding them.")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    List<Inputs.FileInput> inputs = CheckCommand.inputs(paths, err);
    if (inputs == null) {
      return 2;
    }
    Workspace workspace = WorkspaceLoader.load(new Settings(Set.of(), Map.of()), inputs, CheckCommand.log(err, false));
    List<EffectiveTree> trees = new ArrayList<>();
    for (Workspace.Document d : workspace.documents()) {
      if (d.kind() == Workspace.Kind.TREE) {
        trees.add(workspace.effectiveTree(d.path()));
      }
    }
    if (trees.isEmpty()) {
      err.println("ptree: no provider tree file among the given paths (*.ptree.yaml, *.ptree.yml,"
          + " *.ptree.json, or a file whose top level has provider_tree)");
      return 2;
    }
    if (format == Format.json) {
      json(workspace, trees);
    } else {
      for (int i = 0; i < trees.size(); i++) {
        if (i > 0) {
          out.println();
        }
        text(workspace, trees.get(i));
      }
    }
    out.flush();
    return 0;
  }

  private void text(Workspace workspace, EffectiveTree tree) {
    out.println(Escaper.escape(tree.tree().path()));
    for (WorkspaceContext.Bound b : bindings(workspace, tree)) {
      out.println("  merged: " + Escaper.escape(b.binding().directory()) + (b.set() == null ? " (no provider config found)"
          : " (" + b.set().files().size() + " file" + (b.set().files().size() == 1 ? "" : "s") + ")"));
    }
    for (EffectiveTree.Provider p : tree.providers()) {
      String indent = "  ".repeat(p.depth() + 1);
      out.println();
      out.println(indent + Escaper.escape(p.provider().label())
          + (p.uuid() == null ? "  (uuid generated at creation)" : "  " + Escaper.escape(p.uuid()))
          + (p.matchedBy() == null ? "" : "  <- " + Escaper.escape(p.matchedBy().file().path())
              + " (" + Escaper.escape(p.matchedBy().key()) + ")"));
      for (String note : p.notes()) {
        out.println(indent + "  ! " + Escaper.escape(note));
      }
      if (!p.traits().isEmpty()) {
        List<String> names = new ArrayList<>();
        for (EffectiveTree.Trait t : p.traits()) {
          names.add(Escaper.escape(t.name()) + (t.sourcePath().equals(tree.tree().path()) ? ""
              : " [" + Escaper.escape(fileName(t.sourcePath())) + "]"));
        }
        out.println(indent + "  traits: " + String.join(", ", names));
      }
      if (!p.aggregates().isEmpty()) {
        out.println(indent + "  aggregates: " + Escaper.escape(String.join(", ", p.aggregates())));
      }
      for (EffectiveTree.Inventory inv : p.inventory()) {
        out.println(indent + "  " + Escaper.escape(inv.resourceClass()) + ": total " + show(inv.total())
            + ", reserved " + show(inv.reserved()) + ", min_unit " + show(inv.minUnit())
            + ", max_unit " + show(inv.maxUnit()) + ", step_size " + show(inv.stepSize())
            + ", allocation_ratio " + ratio(inv) + " => capacity "
            + (inv.capacity() == null ? "?" : dev.ptree.model.Capacity.show(inv.capacity()))
            + (inv.sourcePath().equals(tree.tree().path()) ? "" : "  [" + Escaper.escape(fileName(inv.sourcePath())) + "]"));
      }
    }
  }

  private static List<WorkspaceContext.Bound> bindings(Workspace workspace, EffectiveTree tree) {
    return workspace.context().bindingsOf(tree.tree());
  }

  private static String show(Long value) {
    return value == null ? "?" : value == NovaSchema.MAX_INT ? value + " (default)" : value.toString();
  }

  /** The ratio as Python prints it, and the float32 Placement stores when that differs. */
  private static String ratio(EffectiveTree.Inventory inv) {
    if (inv.allocationRatio() == null) {
      return "?";
    }
    String written = PythonRepr.of(inv.allocationRatio());
    double stored = inv.storedRatio();
    return stored == inv.allocationRatio() ? written
        : written + " (stored as " + PythonRepr.of(stored) + ")";
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private void json(Workspace workspace, List<EffectiveTree> trees) throws IOException {
    JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("trees");
      for (EffectiveTree tree : trees) {
        g.writeStartObject();
        g.writeStringField("path", tree.tree().path());
        g.writeArrayFieldStart("merged");
        for (WorkspaceContext.Bound b : bindings(workspace, tree)) {
          g.writeStartObject();
          g.writeStringField("directory", b.binding().directory());
          g.writeNumberField("files", b.set() == null ? 0 : b.set().files().size());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("providers");
        for (EffectiveTree.Provider p : tree.providers()) {
          provider(g, tree, p);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void provider(JsonGenerator g, EffectiveTree tree, EffectiveTree.Provider p) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", p.name());
    g.writeStringField("uuid", p.uuid());
    g.writeStringField("parent", p.parent() == null ? null : p.parent().label());
    g.writeNumberField("depth", p.depth());
    if (p.matchedBy() != null) {
      g.writeObjectFieldStart("matched_by");
      g.writeStringField("file", p.matchedBy().file().path());
      g.writeStringField("identification", p.matchedBy().key());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("traits");
    for (EffectiveTree.Trait t : p.traits()) {
      g.writeStartObject();
      g.writeStringField("name", t.name());
      g.writeStringField("source", t.sourcePath());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("aggregates");
    for (String a : p.aggregates()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("inventory");
    for (EffectiveTree.Inventory inv : p.inventory()) {
      g.writeObjectFieldStart(inv.resourceClass());
      number(g, "total", inv.total());
      number(g, "reserved", inv.reserved());
      number(g, "min_unit", inv.minUnit());
      number(g, "max_unit", inv.maxUnit());
      number(g, "step_size", inv.stepSize());
      g.writeFieldName("allocation_ratio");
      if (inv.allocationRatio() == null) {
        g.writeNull();
      } else {
        g.writeNumber(inv.allocationRatio());
      }
      g.writeFieldName("stored_allocation_ratio");
      if (inv.storedRatio() == null) {
        g.writeNull();
      } else {
        g.writeNumber(inv.storedRatio());
      }
      g.writeFieldName("capacity");
      if (inv.capacity() == null || inv.capacity().isNaN() || inv.capacity().isInfinite()) {
        g.writeNull();
      } else {
        g.writeNumber(dev.ptree.model.Capacity.exact(inv.capacity()));
      }
      g.writeStringField("source", inv.sourcePath());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("notes");
    for (String n : p.notes()) {
      g.writeString(n);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, Long value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }
}
