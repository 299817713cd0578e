package dev.ptree.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers of every tree file in a workspace, by uuid and by name, and each provider's
 * parent: the provider whose {@code children} hold it, else the one its {@code parent} /
 * {@code parent_provider_uuid} names. Names and uuids are meant to be unique in the workspace; when
 * they are not (reported elsewhere), a reference prefers a provider of its own file, then the
 * first in path order. Immutable once built; building is linear in the number of providers.
 */
public final class ProviderIndex {
  /** A provider and the file that holds it. */
  public record Located(TreeFile file, TreeProvider provider) {
    public String path() {
      return file.path();
    }
  }

  private final List<TreeFile> files;
  private final Map<String, List<Located>> byUuid = new HashMap<>();
  private final Map<String, List<Located>> byName = new HashMap<>();
  private final Map<TreeFile, Located[]> parents = new IdentityHashMap<>();
  private final Map<TreeFile, Located[]> located = new IdentityHashMap<>();
  private final Map<TreeFile, Located[]> roots;

  public ProviderIndex(List<TreeFile> files) {
    this.files = List.copyOf(files);
    for (TreeFile f : this.files) {
      Located[] mine = new Located[f.providers().size()];
      for (TreeProvider p : f.providers()) {
        Located l = new Located(f, p);
        mine[p.index()] = l;
        if (p.uuid() != null) {
          byUuid.computeIfAbsent(p.uuid(), k -> new ArrayList<>(1)).add(l);
        }
        if (p.name() != null) {
          byName.computeIfAbsent(p.name(), k -> new ArrayList<>(1)).add(l);
        }
      }
      located.put(f, mine);
    }
    for (TreeFile f : this.files) {
      Located[] mine = located.get(f);
      Located[] up = new Located[mine.length];
      for (TreeProvider p : f.providers()) {
        up[p.index()] = p.isNested() ? mine[p.nestedParent()] : p.parent() == null ? null : resolve(f, p.parent());
      }
      parents.put(f, up);
    }
    roots = computeRoots();
  }

  public List<TreeFile> files() {
    return files;
  }

  public List<Located> withUuid(String uuid) {
    return byUuid.getOrDefault(uuid, List.of());
  }

  public List<Located> withName(String name) {
    return byName.getOrDefault(name, List.of());
  }

  public Map<String, List<Located>> uuids() {
    return byUuid;
  }

  public Map<String, List<Located>> names() {
    return byName;
  }

  public Located locate(TreeFile file, TreeProvider provider) {
    return located.get(file)[provider.index()];
  }

  /** The provider a reference names, or null when none does. */
  public Located resolve(TreeFile from, TreeProvider.Reference ref) {
    Located hit = prefer(from, withUuid(ref.value()));
    if (hit == null && !ref.byUuid()) {
      hit = prefer(from, withName(ref.value()));
    }
    return hit;
  }

  private static Located prefer(TreeFile from, List<Located> candidates) {
    for (Located l : candidates) {
      if (l.file() == from) {
        return l;
      }
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  /** The parent as nesting or a reference gives it; null for a root or an unresolved reference. */
  public Located parent(TreeFile file, TreeProvider provider) {
    return parents.get(file)[provider.index()];
  }

  /**
   * The root above a provider, following parents; null when the chain is broken (a reference
   * that resolves to nothing) or runs into a cycle.
   */
  public Located root(TreeFile file, TreeProvider provider) {
    return roots.get(file)[provider.index()];
  }

  /** Every provider's root in one linear pass: each chain is walked once, then remembered. */
  private Map<TreeFile, Located[]> computeRoots() {
    Map<TreeFile, Located[]> out = new IdentityHashMap<>();
    Map<TreeFile, byte[]> state = new IdentityHashMap<>();
    for (TreeFile f : files) {
      out.put(f, new Located[f.providers().size()]);
      state.put(f, new byte[f.providers().size()]);
    }
    List<Located> path = new ArrayList<>();
    for (TreeFile f : files) {
      for (Located start : located.get(f)) {
        path.clear();
        Located at = start;
        Located result;
        while (true) {
          byte s = state.get(at.file())[at.provider().index()];
          if (s == 2) {
            result = out.get(at.file())[at.provider().index()];
            break;
          }
          if (s == 1) {
            result = null; // a cycle: no root above any provider on this path
            break;
          }
          state.get(at.file())[at.provider().index()] = 1;
          path.add(at);
          Located up = parent(at.file(), at.provider());
          if (up == null) {
            TreeProvider p = at.provider();
            result = p.isNested() || p.parent() == null ? at : null;
            break;
          }
          at = up;
        }
        for (Located l : path) {
          state.get(l.file())[l.provider().index()] = 2;
          out.get(l.file())[l.provider().index()] = result;
        }
      }
    }
    return out;
  }
}
