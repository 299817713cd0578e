package dev.ptree.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An immutable hash map whose updates share structure with the map they came from (a hash array
 * mapped trie: 32 slots a level, five hash bits each). A put or a remove copies one path of at
 * most seven small arrays, so a snapshot that changes one document pays for that document, not
 * for the workspace; two maps of one lineage are compared by skipping the parts they share.
 */
final class PersistentMap<K, V> {
  private static final int BITS = 5;
  private static final int WIDTH = 1 << BITS;
  private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(new Object[WIDTH], 0);

  private record Entry<K, V>(K key, V value, int hash) {}

  /** Entries whose keys have the same full hash; only below the last level. */
  private record Collision<K, V>(List<Entry<K, V>> entries) {}

  private final Object[] root;
  private final int size;

  private PersistentMap(Object[] root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  /**
   * A multimap held as lists: {@code map} with one occurrence of {@code value} taken from the
   * list of {@code key}, and the key gone with its last value.
   */
  static <K, T> PersistentMap<K, List<T>> withoutValue(PersistentMap<K, List<T>> map, K key, T value) {
    List<T> values = new ArrayList<>(map.getOrDefault(key, List.of()));
    values.remove(value);
    return values.isEmpty() ? map.remove(key) : map.put(key, List.copyOf(values));
  }

  static <K, V> PersistentMap<K, V> empty() {
    return (PersistentMap<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  @SuppressWarnings("unchecked")
  V get(Object key) {
    int hash = hash(key);
    Object[] node = root;
    for (int shift = 0; ; shift += BITS) {
      Object slot = node[index(hash, shift)];
      if (slot == null) {
        return null;
      } else if (slot instanceof Entry<?, ?> e) {
        return e.hash() == hash && e.key().equals(key) ? (V) e.value() : null;
      } else if (slot instanceof Collision<?, ?> c) {
        for (Entry<?, ?> e : c.entries()) {
          if (e.key().equals(key)) {
            return (V) e.value();
          }
        }
        return null;
      }
      node = (Object[]) slot;
    }
  }

  V getOrDefault(Object key, V fallback) {
    V v = get(key);
    return v == null ? fallback : v;
  }

  boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** This map with key bound to value (not null); this very map when it holds that value already. */
  PersistentMap<K, V> put(K key, V value) {
    Objects.requireNonNull(value);
    int[] grown = {0};
    Object[] next = put(root, new Entry<>(key, value, hash(key)), 0, grown);
    return next == root ? this : new PersistentMap<>(next, size + grown[0]);
  }

  /** This map without key; this very map when it has none. */
  PersistentMap<K, V> remove(Object key) {
    if (!containsKey(key)) {
      return this;
    }
    return new PersistentMap<>(remove(root, key, hash(key), 0), size - 1);
  }

  void forEach(BiConsumer<K, V> action) {
    walk(root, e -> action.accept(e.key(), e.value()));
  }

  List<V> values() {
    List<V> out = new ArrayList<>(size);
    walk(root, e -> out.add(e.value()));
    return out;
  }

  /**
   * Every key bound differently here than in {@code older} (added, removed, or to another value
   * by identity). Parts both maps share are skipped: comparing a snapshot with its predecessor
   * costs the change.
   */
  List<K> changedSince(PersistentMap<K, V> older) {
    List<K> out = new ArrayList<>();
    diff(root, older.root, 0, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private void diff(Object[] mine, Object[] theirs, int shift, List<K> out) {
    for (int i = 0; i < WIDTH; i++) {
      Object a = mine[i];
      Object b = theirs[i];
      if (a == b) {
        continue;
      }
      if (a instanceof Object[] x && b instanceof Object[] y) {
        diff(x, y, shift + BITS, out);
        continue;
      }
      java.util.Map<K, V> left = new java.util.HashMap<>();
      java.util.Map<K, V> right = new java.util.HashMap<>();
      collect(a, left);
      collect(b, right);
      left.forEach((k, v) -> {
        if (right.get(k) != v) {
          out.add(k);
        }
      });
      right.keySet().forEach(k -> {
        if (!left.containsKey(k)) {
          out.add(k);
        }
      });
    }
  }

  @SuppressWarnings("unchecked")
  private void collect(Object slot, java.util.Map<K, V> into) {
    if (slot == null) {
      return;
    }
    if (slot instanceof Object[] node) {
      walk(node, e -> into.put(e.key(), e.value()));
    } else if (slot instanceof Entry<?, ?> e) {
      into.put((K) e.key(), (V) e.value());
    } else {
      ((Collision<K, V>) slot).entries().forEach(e -> into.put(e.key(), e.value()));
    }
  }

  @SuppressWarnings("unchecked")
  private void walk(Object[] node, Consumer<Entry<K, V>> action) {
    for (Object slot : node) {
      if (slot instanceof Entry<?, ?> e) {
        action.accept((Entry<K, V>) e);
      } else if (slot instanceof Collision<?, ?> c) {
        c.entries().forEach(e -> action.accept((Entry<K, V>) e));
      } else if (slot instanceof Object[] child) {
        walk(child, action);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Object[] put(Object[] node, Entry<K, V> entry, int shift, int[] grown) {
    int i = index(entry.hash(), shift);
    Object slot = node[i];
    Object replacement;
    if (slot == null) {
      grown[0] = 1;
      replacement = entry;
    } else if (slot instanceof Entry<?, ?> e) {
      if (e.hash() == entry.hash() && e.key().equals(entry.key())) {
        if (e.value() == entry.value()) {
          return node;
        }
        replacement = entry;
      } else {
        grown[0] = 1;
        replacement = e.hash() == entry.hash()
            ? new Collision<>(List.of((Entry<K, V>) e, entry))
            : put(put(new Object[WIDTH], (Entry<K, V>) e, shift + BITS, new int[1]), entry, shift + BITS, grown);
      }
    } else if (slot instanceof Collision<?, ?> c) {
      List<Entry<K, V>> entries = new ArrayList<>((List<Entry<K, V>>) (List<?>) c.entries());
      entries.removeIf(e -> e.key().equals(entry.key()));
      grown[0] = entries.size() == c.entries().size() ? 1 : 0;
      entries.add(entry);
      replacement = new Collision<>(List.copyOf(entries));
    } else {
      Object[] child = (Object[]) slot;
      Object[] next = put(child, entry, shift + BITS, grown);
      if (next == child) {
        return node;
      }
      replacement = next;
    }
    Object[] copy = Arrays.copyOf(node, WIDTH);
    copy[i] = replacement;
    return copy;
  }

  private static Object[] remove(Object[] node, Object key, int hash, int shift) {
    int i = index(hash, shift);
    Object slot = node[i];
    Object replacement;
    if (slot instanceof Entry<?, ?>) {
      replacement = null;
    } else if (slot instanceof Collision<?, ?> c) {
      List<Entry<Object, Object>> rest = new ArrayList<>();
      for (Entry<?, ?> e : c.entries()) {
        if (!e.key().equals(key)) {
          rest.add(new Entry<>(e.key(), e.value(), e.hash()));
        }
      }
      replacement = rest.size() == 1 ? rest.get(0) : new Collision<>(List.copyOf(rest));
    } else {
      replacement = remove((Object[]) slot, key, hash, shift + BITS);
    }
    Object[] copy = Arrays.copyOf(node, WIDTH);
    copy[i] = replacement;
    return copy;
  }

  /**
   * Puts and removes in a row, then one map. Started from an empty map it fills arrays that only
   * it holds, in place: building a whole snapshot copies nothing. Started from another map, or
   * once built, it puts as the map does, sharing structure.
   */
  static final class Builder<K, V> {
    private PersistentMap<K, V> shared;
    private Object[] root;
    private int size;

    Builder(PersistentMap<K, V> start) {
      if (start.isEmpty()) {
        root = new Object[WIDTH];
      } else {
        shared = start;
      }
    }

    void put(K key, V value) {
      Objects.requireNonNull(value);
      if (shared != null) {
        shared = shared.put(key, value);
      } else {
        size += putInPlace(root, new Entry<>(key, value, hash(key)), 0);
      }
    }

    void remove(K key) {
      shared = build().remove(key);
    }

    PersistentMap<K, V> build() {
      if (shared == null) {
        shared = new PersistentMap<>(root, size);
        root = null;
      }
      return shared;
    }
  }

  /** Puts into arrays no map holds yet; 1 when the map grew. */
  @SuppressWarnings("unchecked")
  private static <K, V> int putInPlace(Object[] node, Entry<K, V> entry, int shift) {
    int i = index(entry.hash(), shift);
    Object slot = node[i];
    if (slot == null) {
      node[i] = entry;
      return 1;
    } else if (slot instanceof Entry<?, ?> e) {
      if (e.hash() == entry.hash() && e.key().equals(entry.key())) {
        node[i] = entry;
        return 0;
      }
      if (e.hash() == entry.hash()) {
        node[i] = new Collision<>(List.of((Entry<K, V>) e, entry));
        return 1;
      }
      Object[] child = new Object[WIDTH];
      putInPlace(child, (Entry<K, V>) e, shift + BITS);
      putInPlace(child, entry, shift + BITS);
      node[i] = child;
      return 1;
    } else if (slot instanceof Collision<?, ?>) {
      int[] grown = {0};
      node[i] = put(new Object[] {slot}, entry, 32, grown)[0];
      return grown[0];
    }
    return putInPlace((Object[]) slot, entry, shift + BITS);
  }

  /** The slot of a hash at a level; below the seventh level every slot is a collision list. */
  private static int index(int hash, int shift) {
    return shift >= 32 ? 0 : (hash >>> shift) & (WIDTH - 1);
  }

  private static int hash(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }
}
