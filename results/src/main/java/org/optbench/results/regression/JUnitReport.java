package org.optbench.results.regression;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.optbench.results.records.AtomicFiles;

/**
 * The gate's checks as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub test reporters) read:
 * {@code <testsuites>} with one {@code <testsuite>} per experiment and submission, one {@code <testcase>} per
 * check ({@code classname} = {@code optbench.<experiment>.<submission>}, {@code name} = workload and quantity),
 * and a {@code <failure>} for each regression or missing result.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /** Writes the report to {@code file} atomically. */
    public static void write(List<Check> checks, Path file) {
        AtomicFiles.writeString(file, xml(checks, Instant.now()));
    }

    /** The report's XML text. */
    public static String xml(List<Check> checks, Instant timestamp) {
        Map<String, List<Check>> suites = new LinkedHashMap<>();
        for (Check c : checks) {
            suites.computeIfAbsent("optbench." + c.experiment() + "." + c.submission(), k -> new ArrayList<>()).add(c);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "optbench regress");
            x.writeAttribute("tests", Integer.toString(checks.size()));
            x.writeAttribute("failures", Long.toString(checks.stream().filter(c -> !c.passed()).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", "0");
            x.writeCharacters("\n");
            int id = 0;
            for (Map.Entry<String, List<Check>> suite : suites.entrySet()) {
                List<Check> cases = suite.getValue();
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite.getKey());
                x.writeAttribute("tests", Integer.toString(cases.size()));
                x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> !c.passed()).count()));
                x.writeAttribute("errors", "0");
                x.writeAttribute("skipped", "0");
                x.writeAttribute("time", "0");
                x.writeAttribute("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
                x.writeAttribute("id", Integer.toString(id++));
                x.writeCharacters("\n");
                for (Check c : cases) {
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", suite.getKey());
                    x.writeAttribute("name", c.name());
                    x.writeAttribute("time", "0");
                    if (!c.passed()) {
                        x.writeCharacters("\n");
                        x.writeStartElement("failure");
                        x.writeAttribute("message", c.message());
                        x.writeAttribute("type", Double.isNaN(c.current()) ? "missing" : "regression");
                        x.writeCharacters(c.message());
                        x.writeEndElement();
                        x.writeCharacters("\n");
                    }
                    x.writeEndElement();
                    x.writeCharacters("\n");
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }
}
