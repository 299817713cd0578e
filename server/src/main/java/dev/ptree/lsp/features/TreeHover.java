package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.Capacity;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.text.PythonRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * Hover in a provider tree: a provider's effective summary, the provider a reference names, and
 * the config files a binding merges.
 */
final class TreeHover {
  private TreeHover() {}

  /** On a tree provider's name or uuid: where it sits and what nova would report for it. */
  static String summary(Workspace ws, Workspace.Document d, TreeProvider p) {
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
  static EffectiveTree.Provider effective(Workspace ws, Workspace.Document d, TreeProvider p) {
    if (d.tree() == null) {
      return null;
    }
    return EffectiveTree.of(d.tree(), ws.index(), ws.context().mergesOf(d.tree()), p);
  }

  private static String orUnknown(Long v) {
    return v == null ? "?" : v.toString();
  }

  /** On a parent or root reference: the provider it names. */
  static String reference(Workspace ws, TreeFile tree, TreeProvider.Reference ref) {
    ProviderIndex.Located target = ws.index().resolve(tree, ref);
    if (target == null) {
      return "**" + ref.field() + "** " + Md.code(ref.value()) + " names no provider in the workspace"
          + (ref.byUuid() ? " (this field takes a uuid only)" : "");
    }
    Workspace.Document d = ws.document(target.path());
    String where = target.file() == tree ? "" : " in " + Md.file(target.path());
    String head = "**" + ref.field() + "** → " + Md.code(target.provider().label()) + where;
    return d == null ? head : head + Hovers.RULE + summary(ws, d, target.provider());
  }

  /** On a tree's {@code provider_configs} entry: the config files nova merges from it. */
  static String binding(Workspace ws, TreeFile.Binding b) {
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
