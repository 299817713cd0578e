package dev.ptree.lsp.features;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.*;
public final class Navigation {
  public static List<DocumentSymbol> documentSymbols(dev.ptree.engine.Workspace ws, String path) { return List.of(); }
  public static List<WorkspaceSymbol> workspaceSymbols(dev.ptree.engine.Workspace ws, String q, Function<String, String> u) { return List.of(); }
  public static List<Location> definition(dev.ptree.engine.Workspace ws, String path, int o, Function<String, String> u) { return List.of(); }
  public static List<Location> references(dev.ptree.engine.Workspace ws, String path, int o, boolean d, Function<String, String> u) { return List.of(); }
  public static List<SelectionRange> selectionRanges(dev.ptree.engine.Workspace ws, String path, List<Integer> o) { return List.of(); }
}
