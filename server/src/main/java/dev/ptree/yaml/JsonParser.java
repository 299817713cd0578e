package dev.ptree.yaml;

/** Placeholder until the streaming JSON parser lands: JSON is read as YAML flow style. */
public final class JsonParser {
  private JsonParser() {}

  public static YamlDocument parse(String text) {
    return YamlParser.parse(text);
  }
}
