package dev.ptree.cli;

import dev.ptree.rules.Finding;
import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as CI systems import test reports: one test suite per file, one failing test case
 * per error or warning (information and hints are listed as passing cases with their message as
 * system-out), one passing case for a clean file. All text is neutralised first, so nothing XML
 * 1.0 cannot hold reaches the document.
 */
final class JunitReport {
  private JunitReport() {}

  static void write(List<CheckedFile> files, OutputStream out) throws XMLStreamException {
    XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    long failures = files.stream().flatMap(f -> f.findings().stream()).filter(JunitReport::fails).count();
    long tests = files.stream().mapToLong(f -> Math.max(1, f.findings().size())).sum();
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.writeStartElement("testsuites");
    x.writeAttribute("name", "ptree");
    x.writeAttribute("tests", Long.toString(tests));
    x.writeAttribute("failures", Long.toString(failures));
    x.writeAttribute("errors", "0");
    x.writeCharacters("\n");
    for (CheckedFile file : files) {
      String path = Escaper.escape(file.path());
      x.writeCharacters("  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", path);
      x.writeAttribute("tests", Integer.toString(Math.max(1, file.findings().size())));
      x.writeAttribute("failures", Long.toString(file.findings().stream().filter(JunitReport::fails).count()));
      x.writeAttribute("errors", "0");
      x.writeCharacters("\n");
      if (file.findings().isEmpty()) {
        x.writeCharacters("    ");
        x.writeEmptyElement("testcase");
        x.writeAttribute("classname", path);
        x.writeAttribute("name", "ptree");
        x.writeCharacters("\n");
      }
      for (Finding f : file.findings()) {
        int line = file.text().lineOf(f.span().start()) + 1;
        int column = file.text().codePointColumn(f.span().start());
        String where = path + ":" + line + ":" + column;
        x.writeCharacters("    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", path);
        x.writeAttribute("name", f.code() + " " + f.rule().name() + " at " + line + ":" + column);
        x.writeAttribute("file", path);
        x.writeAttribute("line", Integer.toString(line));
        if (fails(f)) {
          x.writeStartElement("failure");
          x.writeAttribute("type", f.severity().id());
          x.writeAttribute("message", Escaper.escape(f.message()));
          x.writeCharacters(where + ": " + f.severity().id() + " " + Escaper.escape(f.message()) + " [" + f.code() + "]");
          x.writeEndElement();
        } else {
          x.writeStartElement("system-out");
          x.writeCharacters(where + ": " + f.severity().id() + " " + Escaper.escape(f.message()) + " [" + f.code() + "]");
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeCharacters("  ");
      x.writeEndElement();
      x.writeCharacters("\n");
    }
    x.writeEndElement();
    x.writeCharacters("\n");
    x.writeEndDocument();
    x.flush();
  }

  private static boolean fails(Finding f) {
    return f.severity() == Severity.ERROR || f.severity() == Severity.WARNING;
  }
}
