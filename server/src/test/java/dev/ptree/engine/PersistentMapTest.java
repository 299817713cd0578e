package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The snapshot's map behaves as a HashMap under any puts and removes — colliding hashes included —
 * and names exactly the keys two versions bind differently.
 */
class PersistentMapTest {
  /** A key whose hash is chosen: few distinct hashes force collisions and deep paths. */
  record Key(String name, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  record Op(Key key, Integer value) {}

  @Property(tries = 300)
  void behavesAsAHashMapAndDiffsByIdentity(@ForAll("ops") List<Op> first, @ForAll("ops") List<Op> second) {
    PersistentMap<Key, Integer> map = PersistentMap.empty();
    Map<Key, Integer> model = new HashMap<>();
    for (Op op : first) {
      map = op.value() == null ? map.remove(op.key()) : map.put(op.key(), op.value());
      if (op.value() == null) {
        model.remove(op.key());
      } else {
        model.put(op.key(), op.value());
      }
    }
    PersistentMap<Key, Integer> older = map;
    Map<Key, Integer> olderModel = new HashMap<>(model);
    for (Op op : second) {
      map = op.value() == null ? map.remove(op.key()) : map.put(op.key(), op.value());
      if (op.value() == null) {
        model.remove(op.key());
      } else {
        model.put(op.key(), op.value());
      }
    }
    Map<Key, Integer> seen = new HashMap<>();
    map.forEach(seen::put);
    assertThat(seen).isEqualTo(model);
    assertThat(map.size()).isEqualTo(model.size());
    for (Key k : olderModel.keySet()) {
      assertThat(older.get(k)).as("the older version is unchanged").isEqualTo(olderModel.get(k));
    }
    Set<Key> differ = new HashSet<>();
    for (Key k : union(model.keySet(), olderModel.keySet())) {
      if (model.get(k) != olderModel.get(k)) {
        differ.add(k);
      }
    }
    assertThat(new HashSet<>(map.changedSince(older))).isEqualTo(differ);
  }

  private static Set<Key> union(Set<Key> a, Set<Key> b) {
    Set<Key> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Key> key = Combinators.combine(Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h"),
        Arbitraries.of(0, 1, 32, 1 << 20, -1, Integer.MIN_VALUE, 33 << 10))
        .as(Key::new);
    // values from the small-Integer cache, so equal values are the same objects as the model's
    Arbitrary<Integer> value = Arbitraries.integers().between(0, 5).injectNull(0.25);
    return Combinators.combine(key, value).as(Op::new).list().ofMaxSize(40);
  }
}
