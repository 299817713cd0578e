package dev.ptree.rules.neutralization;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.Identification;
import dev.ptree.rules.ConfigSetContext;
import java.util.ArrayList;
import java.util.List;

/** The identification names of a config set, where the text rules look for look-alikes. */
record ProviderNames(ConfigFile file, Identification id) {
  static List<ProviderNames> of(ConfigSetContext context) {
    List<ProviderNames> out = new ArrayList<>();
    context.forEachProvider((file, p) -> {
      Identification id = p.identification();
      if (id != null && id.method().equals("name")) {
        out.add(new ProviderNames(file, id));
      }
    });
    return out;
  }

  String name() {
    return id.value();
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }
}
