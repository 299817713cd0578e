package dev.ptree.lsp.features;
public final class Hovers { public static org.eclipse.lsp4j.Hover hover(dev.ptree.engine.Workspace ws, String path, int offset, dev.ptree.model.Catalogue c) { return null; } }
