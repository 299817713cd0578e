package dev.ptree.model.schema;

/** The schema of each dialect, as the editor features and rules read them. */
public record Schemas(Schema config, Schema tree) {
  public static final Schemas DEFAULT = new Schemas(ConfigSchema.SCHEMA, TreeFileSchema.SCHEMA);

  public Schema of(boolean tree) {
    return tree ? this.tree : config;
  }

  /** By the dialect's name as the editor features carry it: "tree" or "config". */
  public Schema of(String dialect) {
    return of("tree".equals(dialect));
  }
}
