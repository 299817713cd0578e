package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.Capacity;
import dev.ptree.model.Catalogue;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.rules.Finding;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.PythonRepr;
import dev.ptree.text.Span;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover: the rule's documentation on a diagnostic; on an inventory record the effective record
 * (Placement's defaults, the capacity, the float32 ratio Placement stores, what bound configs
 * add); on a trait or resource class its catalogue entry or where the workspace uses it; on a
 * provider config's identification the tree providers it reaches; on a tree provider's name its
 * effective summary. Sections that apply at once are shown one after the other.
 */
public final class Hovers {
  private Hovers() {}

  private static final String RULE = "\n\n---\n\n";

  /** null when there is nothing to say at the offset. Markdown content. */
  public static Hover hover(Workspace ws, String path, int offset, Catalogue catalogue) {
    try {
      return compute(ws, path, offset, catalogue == null ? Catalogue.EMPTY : catalogue);
    } catch (RuntimeException e) {
      return null; // a hover is never worth an error: the diagnostics say what is wrong
    }
  }

  private static Hover compute(Workspace ws, String path, int offset, Catalogue catalogue) {
    Workspace.Document d = ws == null || path == null ? null : ws.document(path);
    if (d == null || d.kind() == Workspace.Kind.IGNORED) {
      return null;
    }
    List<String> sections = new ArrayList<>();
    Span range = null;
    Set<String> documented = new LinkedHashSet<>();
    for (Finding f : ws.findings(path)) {
      if (f.span().contains(offset) || f.span().length() == 0 && f.span().start() == offset) {
        sections.add(finding(f, documented.add(f.code())));
        range = range == null ? f.span() : range;
      }
    }
    Locate.Hit hit = Locate.at(d, offset);
    if (hit != null) {
      Element element = element(ws, hit, catalogue);
      if (element != null) {
        sections.add(element.markdown());
        range = element.span();
      }
    }
    if (sections.isEmpty()) {
      return null;
    }
    Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join(RULE, sections)));
    hover.setRange(Positions.range(d.source().text(), range));
    return hover;
  }

  private record Element(String markdown, Span span) {}

  private static Element element(Workspace ws, Locate.Hit hit, Catalogue catalogue) {
    TreeProvider p = hit.provider();
    if (p != null && hit.onName()) {
      return new Element(providerSummary(ws, hit.document(), p), p.nameNode().span());
    }
    if (p != null && hit.onUuid()) {
      return new Element(providerSummary(ws, hit.document(), p), p.uuidNode().span());
    }
    if (hit.reference() != null) {
      return new Element(reference(ws, hit.document().tree(), hit.reference()), hit.reference().node().span());
    }
    if (hit.binding() != null) {
      return new Element(binding(ws, hit.binding()), hit.binding().node().span());
    }
    if (hit.identification() != null) {
      return new Element(identification(ws, hit.document(), hit.entry()),
          hit.identification().entry().value().span());
    }
    if (hit.trait() != null) {
      return new Element(name(ws, hit, NameUse.Kind.TRAIT, hit.trait().name(), catalogue),
          hit.trait().node().span());
    }
    InventoryRecord r = hit.record();
    if (r != null) {
      String record = hit.isTree() ? treeRecord(ws, hit.document(), p, r) : configRecord(ws, hit.document(), hit.entry(), r);
      if (hit.onRecordKey() && r.resourceClass() != null) {
        return new Element(name(ws, hit, NameUse.Kind.RESOURCE_CLASS, r.resourceClass(), catalogue) + RULE + record,
            r.entry().keySpan());
      }
      return new Element(record, Locate.span(r.entry()));
    }
    return null;
  }

  // ---------------------------------------------------------------- diagnostics

  private static String finding(Finding f, boolean withDoc) {
    RuleInfo info = f.rule();
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(f.severity().id()).append("** ").append(info.code()).append(' ')
        .append(info.name()).append(": ").append(Md.text(f.message()));
    if (withDoc) {
      sb.append("\n\n").append(ruleDoc(info));
    }
    return sb.toString();
  }

  /** A rule's documentation as markdown; the text is ours, written for it. */
  static String ruleDoc(RuleInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append("#### ").append(info.code()).append(' ').append(info.name()).append("\n\n")
        .append('*').append(info.category().id()).append(", default ").append(info.defaultSeverity().id())
        .append("* — ").append(info.summary());
    if (info.doc() != null) {
      sb.append("\n\n**What it does.** ").append(info.doc().what())
          .append("\n\n**Why it matters.** ").append(info.doc().why());
      if (info.doc().example() != null && !info.doc().example().isBlank()) {
        sb.append("\n\n**Example.**\n\n```yaml\n").append(info.doc().example()).append("\n```");
      }
      sb.append("\n\n**Fix.** ").append(info.doc().fix());
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- inventory records

  private static String configRecord(Workspace ws, Workspace.Document d, ProviderEntry entry, InventoryRecord r) {
    StringBuilder sb = new StringBuilder();
    sb.append(recordTable(r, EffectiveTree.inventory(r, d.path())));
    if (entry == null || entry.identification() == null) {
      return sb.toString();
    }
    List<Matches.Result> results = Matches.of(ws, d, entry);
    if (results.isEmpty()) {
      sb.append("\n\n").append(noBinding(d));
      return sb.toString();
    }
    for (Matches.Result m : results) {
      List<String> targets = new ArrayList<>();
      for (TreeProvider t : first(m.applied())) {
        targets.add(Md.code(t.label()));
      }
      if (m.applied().size() > targets.size()) {
        targets.add("and " + (m.applied().size() - targets.size()) + " more");
      }
      sb.append("\n\nIn ").append(Md.file(m.tree().path())).append(": ");
      sb.append(targets.isEmpty() ? "added to no provider." : "nova adds it to " + String.join(", ", targets) + ".");
      for (NovaMerge.Event e : m.bound().merge().events()) {
        if (e instanceof NovaMerge.OwnedInventory o && o.added() == r) {
          sb.append("\n\n- nova raises ValueError: ").append(Md.code(o.provider().label()))
              .append(" already has ").append(Md.code(r.resourceClass())).append(" in its inventory");
        }
      }
    }
    return sb.toString();
  }

  private static String treeRecord(Workspace ws, Workspace.Document d, TreeProvider p, InventoryRecord r) {
    EffectiveTree.Provider e = p == null ? null : effective(ws, d, p);
    EffectiveTree.Inventory inv = null;
    if (e != null) {
      for (EffectiveTree.Inventory i : e.inventory()) {
        if (i.resourceClass().equals(r.resourceClass()) && i.sourcePath().equals(d.path())) {
          inv = i;
        }
      }
    }
    StringBuilder sb = new StringBuilder(recordTable(r, inv != null ? inv : EffectiveTree.inventory(r, d.path())));
    if (e != null) {
      String merged = merged(ws, d.tree(), p);
      if (!merged.isEmpty()) {
        sb.append("\n\n").append(merged);
      }
      for (String note : e.notes()) {
        sb.append("\n\n- ").append(Md.text(note));
      }
    }
    return sb.toString();
  }

  /** What the bound configs add to a tree provider, entry by entry. */
  private static String merged(Workspace ws, TreeFile tree, TreeProvider p) {
    StringBuilder sb = new StringBuilder();
    for (WorkspaceContext.Bound b : ws.context().bindings()) {
      if (b.tree() != tree || b.merge() == null) {
        continue;
      }
      for (NovaMerge.Addition a : b.merge().additions(p)) {
        sb.append(sb.length() == 0 ? "Bound provider configs add to " + Md.code(p.label()) + ":\n" : "").append("\n- ");
        if (a.record() != null) {
          Double capacity = Capacity.of(a.record());
          sb.append("inventory ").append(Md.code(a.record().resourceClass()));
          if (capacity != null) {
            sb.append(" (capacity ").append(Capacity.show(capacity)).append(')');
          }
        } else {
          sb.append("trait ").append(Md.code(a.trait().name()));
        }
        sb.append(" from ").append(Md.file(a.entry().file().path())).append(" (")
            .append(Md.code(a.entry().key())).append(')');
      }
    }
    return sb.toString();
  }

  /** The effective record with Placement's defaults marked, the capacity and the stored ratio. */
  private static String recordTable(InventoryRecord r, EffectiveTree.Inventory inv) {
    StringBuilder sb = new StringBuilder();
    sb.append("**Inventory** ").append(Md.code(r.resourceClass() == null ? "?" : r.resourceClass()))
        .append(" as Placement will hold it\n\n| field | value |\n|---|---|\n");
    sb.append("| total | ").append(integer(r, InventorySchema.TOTAL.name(), inv.total())).append(" |\n");
    sb.append("| reserved | ").append(integer(r, InventorySchema.RESERVED.name(), inv.reserved())).append(" |\n");
    sb.append("| min_unit | ").append(integer(r, InventorySchema.MIN_UNIT.name(), inv.minUnit())).append(" |\n");
    sb.append("| max_unit | ").append(integer(r, InventorySchema.MAX_UNIT.name(), inv.maxUnit())).append(" |\n");
    sb.append("| step_size | ").append(integer(r, InventorySchema.STEP_SIZE.name(), inv.stepSize())).append(" |\n");
    sb.append("| allocation_ratio | ").append(ratio(r, inv)).append(" |\n\n");
    if (inv.capacity() == null) {
      sb.append("capacity unknown: total, reserved or allocation_ratio is not a usable number");
    } else if (Capacity.fails(inv.capacity())) {
      sb.append("capacity int((").append(inv.total()).append(" − ").append(inv.reserved()).append(") × ")
          .append(PythonRepr.of(inv.allocationRatio())).append(") raises in Python: Placement answers 500");
    } else {
      sb.append("capacity ").append(Capacity.show(inv.capacity())).append(" = int((").append(inv.total())
          .append(" − ").append(inv.reserved()).append(") × ").append(PythonRepr.of(inv.allocationRatio()))
          .append(')');
      if (inv.capacity() == 0) {
        sb.append(": Placement accepts it, but nothing can be allocated");
      }
    }
    return sb.toString();
  }

  private static String integer(InventoryRecord r, String field, Long value) {
    YNode node = r.field(field);
    if (node == null) {
      return InventorySchema.RECORD.child(field).isRequired() ? "missing (required)" : NovaSchema.defaultOf(field) + " *(default)*";
    }
    if (value == null) {
      return written(node) + " *(not an integer)*";
    }
    return value.toString();
  }

  private static String ratio(InventoryRecord r, EffectiveTree.Inventory inv) {
    YNode node = r.field(InventorySchema.ALLOCATION_RATIO.name());
    if (inv.allocationRatio() == null) {
      return written(node) + " *(not a number)*";
    }
    String written = PythonRepr.of(inv.allocationRatio());
    String shown = node == null ? written + " *(default)*" : written;
    double stored = inv.storedRatio();
    if (Double.isNaN(stored) || stored == inv.allocationRatio()) {
      return shown + ", stored exactly as float32";
    }
    return shown + ", stored as " + PythonRepr.of(stored) + " (float32)";
  }

  private static String written(YNode node) {
    return node instanceof YScalar s ? Md.code(s.text()) : "a " + node.kind().label();
  }

  // ---------------------------------------------------------------- names

  private static String name(Workspace ws, Locate.Hit hit, NameUse.Kind kind, String name, Catalogue catalogue) {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(kind == NameUse.Kind.TRAIT ? "Trait" : "Resource class").append("** ").append(Md.code(name));
    boolean standard = kind == NameUse.Kind.TRAIT ? catalogue.isStandardTrait(name) : catalogue.isStandardResourceClass(name);
    if (standard) {
      sb.append("\n\n").append(kind == NameUse.Kind.TRAIT ? "standard trait from os-traits"
          : "standard resource class from os-resource-classes");
      if (!catalogue.source().isEmpty()) {
        sb.append(" (catalogue: ").append(Md.text(catalogue.source())).append(')');
      }
      if (hit.isConfig()) {
        sb.append("\n\nProvider configs may add only `CUSTOM_` names: nova refuses this one (PT108).");
      }
      return sb.toString();
    }
    if (NovaSchema.isPlacementCustom(name)) {
      sb.append("\n\ncustom ").append(kind.singular()).append(": Placement creates it when it is first used.");
    } else {
      sb.append("\n\nnot a standard ").append(kind.singular()).append(" in the catalogue and not a `CUSTOM_` name:"
          + " Placement rejects it.");
    }
    Names.Uses uses = Names.uses(ws, kind, name);
    if (!uses.configs().isEmpty()) {
      sb.append("\n\nDefined by provider configs (nova creates it in Placement):");
      uses.configs().forEach((path, n) -> sb.append("\n- ").append(Md.file(path)).append(": ").append(times(n)));
    }
    if (!uses.trees().isEmpty()) {
      sb.append("\n\nUsed in provider trees:");
      uses.trees().forEach((path, n) -> sb.append("\n- ").append(Md.file(path)).append(": ").append(times(n)));
    }
    sb.append("\n\n").append(uses.total() == 1 ? "Written once" : "Written " + uses.total() + " times")
        .append(" in ").append(uses.files() == 1 ? "1 file" : uses.files() + " files").append('.');
    return sb.toString();
  }

  private static String times(int n) {
    return n == 1 ? "1 time" : n + " times";
  }

  // ---------------------------------------------------------------- identifications

  private static String noBinding(Workspace.Document config) {
    String dir = config.directory();
    return "No provider tree binds " + Md.code(dir == null || dir.isEmpty() ? "." : dir)
        + ": add it to a tree's `provider_configs` to see which providers this entry reaches.";
  }

  private static String identification(Workspace ws, Workspace.Document d, ProviderEntry entry) {
    var id = entry.identification();
    StringBuilder sb = new StringBuilder();
    sb.append("**Identification** ").append(Md.code(id.method() + ": " + id.value()));
    if (id.isComputeNode()) {
      sb.append("\n\nApplies to every root provider with the `COMPUTE_NODE` trait that no other entry"
          + " names by name or uuid.");
      if (id.method().equals(ConfigSchema.NAME.name())) {
        sb.append(" nova keys entries by `uuid or name`, so the name form is the sentinel too; the"
            + " documented spelling is `uuid: $COMPUTE_NODE` (PT204).");
      }
    }
    if (d.config() != null && !d.config().loadedByNova()) {
      sb.append("\n\nnova does not load this file (only `*.yaml`): the entry has no effect.");
      return sb.toString();
    }
    List<Matches.Result> results = Matches.of(ws, d, entry);
    if (results.isEmpty()) {
      sb.append("\n\n").append(noBinding(d));
      return sb.toString();
    }
    for (Matches.Result m : results) {
      sb.append("\n\nIn ").append(Md.file(m.tree().path())).append(':');
      if (m.shadowed()) {
        sb.append("\n- an earlier entry has the same identification: nova refuses the directory (PT201)");
        continue;
      }
      if (m.dropped()) {
        sb.append("\n- no additional inventories or traits: nova's loader drops the entry before the merge (PT202)");
        continue;
      }
      for (TreeProvider t : first(m.applied())) {
        sb.append("\n- ").append(id.isComputeNode() ? "applies to root " : "matches ")
            .append(Md.code(t.label()));
      }
      more(sb, m.applied(), id.isComputeNode() ? "roots it applies to" : "providers");
      for (NovaMerge.Redirected r : m.writtenTo()) {
        sb.append("\n- but nova writes by uuid, and root ").append(Md.code(r.writtenTo().label()))
            .append(" is named ").append(Md.code(r.found().uuid())).append(": the additions go to it, not to ")
            .append(Md.code(r.found().label())).append(" (PT214)");
      }
      for (TreeProvider t : first(m.skipped())) {
        sb.append("\n- skips root ").append(Md.code(t.label())).append(": another entry names it");
        NovaMerge.Entry by = m.bound().merge().matchedBy(t);
        if (by != null) {
          sb.append(" (").append(Md.code(by.key())).append(" in ").append(Md.file(by.file().path())).append(')');
        }
      }
      more(sb, m.skipped(), "roots it skips");
      for (TreeProvider t : m.conflicts()) {
        sb.append("\n- reaches ").append(Md.code(t.label()))
            .append(", which another entry already matched: nova raises ValueError (PT504)");
      }
      if (m.notFound()) {
        sb.append(id.isComputeNode()
            ? "\n- matches no root with the `COMPUTE_NODE` trait (PT505)"
            : "\n- matches no provider: nova logs it and ignores the entry (PT203)");
      }
    }
    return sb.toString();
  }

  /** At most this many providers are listed by name in one hover. */
  static final int MAX_LISTED = 20;

  private static <T> List<T> first(List<T> all) {
    return all.size() <= MAX_LISTED ? all : all.subList(0, MAX_LISTED);
  }

  private static void more(StringBuilder sb, List<?> all, String what) {
    if (all.size() > MAX_LISTED) {
      sb.append("\n- … and ").append(all.size() - MAX_LISTED).append(" more ").append(what)
          .append(" (").append(all.size()).append(" in all)");
    }
  }

  // ---------------------------------------------------------------- tree providers

  private static String providerSummary(Workspace ws, Workspace.Document d, TreeProvider p) {
    StringBuilder sb = new StringBuilder();
    sb.append("**Provider** ").append(Md.code(p.label()));
    sb.append(p.uuid() == null ? " · uuid generated at creation" : " · " + Md.code(p.uuid()));
    ProviderIndex.Located up = ws.index().parent(d.tree(), p);
    ProviderIndex.Located root = ws.index().root(d.tree(), p);
    if (up == null && p.parent() == null) {
      sb.append("\n\nroot provider in ").append(Md.file(d.path()));
    } else if (up != null) {
      sb.append("\n\nchild of ").append(Md.code(up.provider().label()));
      if (up.file() != d.tree()) {
        sb.append(" in ").append(Md.file(up.path()));
      }
      if (root != null && root.provider() != up.provider()) {
        sb.append(", root ").append(Md.code(root.provider().label()));
      }
    }
    EffectiveTree.Provider e = effective(ws, d, p);
    if (e == null) {
      return sb.toString();
    }
    if (e.matchedBy() != null) {
      sb.append("\n\nmerged from ").append(Md.file(e.matchedBy().file().path())).append(" (")
          .append(Md.code(e.matchedBy().key())).append(')');
    }
    if (!e.traits().isEmpty()) {
      List<String> traits = new ArrayList<>();
      for (EffectiveTree.Trait t : e.traits()) {
        traits.add(Md.code(t.name()) + (t.sourcePath().equals(d.path()) ? "" : " from " + Md.file(t.sourcePath())));
      }
      sb.append("\n\n**Traits:** ").append(String.join(", ", traits));
    }
    if (!e.inventory().isEmpty()) {
      sb.append("\n\n**Inventory:**\n");
      for (EffectiveTree.Inventory inv : e.inventory()) {
        sb.append("\n- ").append(Md.code(inv.resourceClass())).append(": total ").append(orUnknown(inv.total()))
            .append(", reserved ").append(orUnknown(inv.reserved()))
            .append(", allocation_ratio ").append(inv.allocationRatio() == null ? "?"
                : PythonRepr.of(inv.allocationRatio()))
            .append(" → capacity ").append(inv.capacity() == null ? "?" : Capacity.show(inv.capacity()));
        if (!inv.sourcePath().equals(d.path())) {
          sb.append(", from ").append(Md.file(inv.sourcePath()));
        }
      }
    }
    for (String note : e.notes()) {
      sb.append("\n\n⚠ ").append(Md.text(note));
    }
    return sb.toString();
  }

  /** What nova would report for one tree provider, with the merges of the trees' bindings. */
  private static EffectiveTree.Provider effective(Workspace ws, Workspace.Document d, TreeProvider p) {
    if (d.tree() == null) {
      return null;
    }
    return EffectiveTree.of(d.tree(), ws.index(), ws.context().mergesOf(d.tree()), p);
  }

  private static String orUnknown(Long v) {
    return v == null ? "?" : v.toString();
  }

  private static String reference(Workspace ws, TreeFile tree, TreeProvider.Reference ref) {
    ProviderIndex.Located target = ws.index().resolve(tree, ref);
    if (target == null) {
      return "**" + ref.field() + "** " + Md.code(ref.value()) + " names no provider in the workspace"
          + (ref.byUuid() ? " (this field takes a uuid only)" : "");
    }
    Workspace.Document d = ws.document(target.path());
    String where = target.file() == tree ? "" : " in " + Md.file(target.path());
    String head = "**" + ref.field() + "** → " + Md.code(target.provider().label()) + where;
    return d == null ? head : head + RULE + providerSummary(ws, d, target.provider());
  }

  private static String binding(Workspace ws, TreeFile.Binding b) {
    var set = ws.context().configSets().get(b.directory());
    StringBuilder sb = new StringBuilder("**provider_configs** ").append(Md.code(b.directory()));
    if (set == null) {
      return sb.append("\n\nno provider config in the workspace lives there").toString();
    }
    int entries = 0;
    for (var f : set.files()) {
      entries += f.providers().size();
    }
    sb.append("\n\n").append(set.files().size()).append(set.files().size() == 1 ? " file, " : " files, ")
        .append(entries).append(entries == 1 ? " entry" : " entries").append(" merged in nova's order:");
    for (var f : set.files()) {
      sb.append("\n- ").append(Md.file(f.path()));
    }
    return sb.toString();
  }
}
