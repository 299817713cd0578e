package dev.ptree.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ptree.model.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the catalogue of standard names bundled in the jar (a copy of shared/data/os-catalogue.json). */
public final class CatalogueLoader {
  private CatalogueLoader() {}

  private static volatile Catalogue cached;

  public static Catalogue bundled() {
    Catalogue c = cached;
    if (c == null) {
      try (InputStream in = Catalogue.class.getResourceAsStream("os-catalogue.json")) {
        if (in == null) {
          throw new IllegalStateException("the catalogue os-catalogue.json is missing from the jar");
        }
        JsonNode root = new ObjectMapper().readTree(in);
        c = Catalogue.of(root.path("source").asText(), strings(root.path("traits")), strings(root.path("resource_classes")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cached = c;
    }
    return c;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
