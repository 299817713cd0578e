package dev.ptree.lsp.features;
import java.util.List;
public final class Completions { public static List<org.eclipse.lsp4j.CompletionItem> complete(dev.ptree.engine.Workspace ws, String path, String text, int offset, dev.ptree.model.Catalogue c) { return List.of(); }
 public static org.eclipse.lsp4j.CompletionItem resolve(org.eclipse.lsp4j.CompletionItem i, dev.ptree.model.Catalogue c) { return i; } }
